import type { Knex } from 'knex';
import { clientNameKey } from '../../src/plugins/caladeo-contacts/server/src/validation/match-keys';

/**
 * The keys duplicate clients are looked up by (modules/duplicates): the SIRET and the folded name
 * without legal-form words. Clients stored before the key existed get theirs here, a batch at a
 * time. Idempotent, and tolerant of missing tables and columns (see apply-migrations.ts).
 */
const TABLE = 'caladeo_clients';
const INDEXES = [
  { name: 'caladeo_clients_name_key_idx', columns: 'name_key' },
  { name: 'caladeo_clients_siret_idx', columns: 'siret' },
];
const BATCH = 2000;

const fillMissingKeys = async (knex: Knex) => {
  let after = 0;
  for (;;) {
    const rows = (await knex(TABLE)
      .select('id', 'name')
      .where('id', '>', after)
      .whereNull('name_key')
      .orderBy('id')
      .limit(BATCH)) as { id: number; name: string | null }[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const nameKey = clientNameKey(row.name);
      if (nameKey !== null) await knex(TABLE).where({ id: row.id }).update({ name_key: nameKey });
    }
    after = rows[rows.length - 1]!.id;
  }
};

export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable(TABLE)) || !(await knex.schema.hasColumn(TABLE, 'name_key'))) return;
  for (const { name, columns } of INDEXES) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${TABLE} (${columns})`);
  }
  await fillMissingKeys(knex);
}
