import type { Knex } from 'knex';

/**
 * The similar-name duplicate check (modules/duplicates) looks for contacts of one postal code whose
 * folded name is close by trigrams. Two separate indexes (the postal code's btree and a trigram GIN
 * on the name) made PostgreSQL intersect every contact of a crowded postal code with every similar
 * name of the country: 140–170 ms for a common name at a million contacts. One GIN index over both
 * (btree_gin gives the postal code a GIN operator class) finds the intersection in the index, and
 * replaces the name-only trigram index, which nothing else reads: a write updates one GIN, not two.
 * PostgreSQL only; SQLite reads the postal code's contacts through its btree. Idempotent.
 */
const TABLE = 'caladeo_contacts';
export const SIMILAR_NAME_INDEX = 'caladeo_contacts_postal_name_trgm_idx';

export async function up(knex: Knex) {
  if (knex.client.dialect !== 'postgresql') return;
  if (!(await knex.schema.hasTable(TABLE)) || !(await knex.schema.hasColumn(TABLE, 'name_key'))) return;
  // in public, like pg_trgm, so that dropping an application schema never takes the extension
  await knex.raw('CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public');
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS ${SIMILAR_NAME_INDEX} ON ${TABLE} ` +
      'USING gin (postal_code public.varchar_ops, name_key public.gin_trgm_ops)'
  );
  await knex.raw('DROP INDEX IF EXISTS caladeo_contacts_name_key_trgm_idx');
}
