import type { Knex } from 'knex';
import {
  LINK_KEY_TABLES,
  collapseDuplicateLinks,
  refreshLinkPairKeys,
} from '../../src/plugins/caladeo-contacts/server/src/utils/link-keys';

/**
 * One role per contact and target, held by the database: a unique index on each link type's
 * `pair_key` (contact:target:role, see utils/link-keys.ts). Links stored before the key existed
 * get theirs here, after the duplicates among them are collapsed (a group keeps its primary link
 * if one is, else its oldest). Idempotent, and tolerant of missing tables and columns (see
 * apply-migrations.ts): once every link has its key, a boot only checks that none lacks one.
 */
export async function up(knex: Knex) {
  for (const spec of LINK_KEY_TABLES) {
    if (!(await knex.schema.hasTable(spec.table))) continue;
    if (!(await knex.schema.hasColumn(spec.table, 'pair_key'))) continue;
    if (!(await knex.schema.hasTable(spec.contactJoin.table))) continue;
    if (!(await knex.schema.hasTable(spec.targetJoin.table))) continue;
    const missing = await knex(spec.table)
      .select('id')
      .whereNull('pair_key')
      .whereExists(knex(spec.contactJoin.table).whereRaw(`${spec.contactJoin.link} = ${spec.table}.id`))
      .whereExists(knex(spec.targetJoin.table).whereRaw(`${spec.targetJoin.link} = ${spec.table}.id`))
      .first();
    if (missing) {
      // a key given to a duplicate would break the index: the duplicates go first
      await knex.raw(`DROP INDEX IF EXISTS ${spec.index}`);
      await collapseDuplicateLinks(knex, spec);
      await refreshLinkPairKeys(knex, spec);
    }
    await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${spec.index} ON ${spec.table} (pair_key)`);
  }
}
