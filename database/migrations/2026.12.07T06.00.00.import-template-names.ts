import type { Knex } from 'knex';
import { templateNameKey } from '../../src/plugins/caladeo-contacts/server/src/modules/imports/template-name';

/**
 * Mapping template names are unique whatever their case and accents: each template gets the
 * folded key of its name, and a unique index on that key decides between two saves at the same
 * moment. Templates saved before this whose names now clash keep the oldest one's name; the others
 * are renamed "Name (2)", "Name (3)"… so that none is lost. Idempotent, and tolerant of a missing
 * table or column (see apply-migrations.ts).
 */
const TABLE = 'caladeo_import_templates';
const INDEX = 'caladeo_import_templates_name_key_unique';
const MAX_NAME = 100;

type Row = { id: number; name: string; name_key: string | null };

/** The first of "name (2)", "name (3)"… whose key no template holds, within the name's length. */
const freeName = (name: string, taken: ReadonlySet<string>) => {
  for (let copy = 2; ; copy += 1) {
    const suffix = ` (${copy})`;
    const candidate = `${name.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(templateNameKey(candidate))) return candidate;
  }
};

export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable(TABLE)) || !(await knex.schema.hasColumn(TABLE, 'name_key'))) return;
  const rows = (await knex(TABLE).select('id', 'name', 'name_key').orderBy('id')) as Row[];
  // the keys already right are kept first, so that a template saved with its key never moves
  const taken = new Set<string>();
  const unsettled: Row[] = [];
  for (const row of rows) {
    const key = templateNameKey(row.name);
    if (row.name_key === key && !taken.has(key)) taken.add(key);
    else unsettled.push(row);
  }
  for (const row of unsettled) {
    const name = taken.has(templateNameKey(row.name)) ? freeName(row.name, taken) : row.name;
    const key = templateNameKey(name);
    taken.add(key);
    await knex(TABLE).where({ id: row.id }).update({ name, name_key: key });
  }
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${INDEX} ON ${TABLE} (name_key)`);
}
