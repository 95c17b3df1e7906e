import type { Knex } from 'knex';

/**
 * Indexes for the contact and client lists: accent-insensitive search on the folded
 * `search_text`, name order and keyset pagination, and the filters the lists offer.
 *
 * On PostgreSQL, a pg_trgm GIN index serves `search_text LIKE '%term%'` and a byte-order btree
 * serves the name order, the keyset comparisons and `LIKE 'te%'`. SQLite has no trigram index: the
 * search stays correct there, scanning, and the btree still orders. Idempotent, and tolerant of
 * missing tables (see apply-migrations.ts).
 */
const SEARCHABLE_TABLES = ['caladeo_contacts', 'caladeo_clients'];

const FILTER_INDEXES = [
  { name: 'caladeo_contacts_country_idx', table: 'caladeo_contacts', columns: 'country' },
  { name: 'caladeo_clients_type_idx', table: 'caladeo_clients', columns: 'type' },
];

export async function up(knex: Knex) {
  const isPostgres = knex.client.dialect === 'postgresql';
  if (isPostgres) {
    // in public, so that dropping an application schema never takes the extension with it
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  }
  for (const table of SEARCHABLE_TABLES) {
    if (!(await knex.schema.hasTable(table))) continue;
    if (isPostgres) {
      await knex.raw(
        `CREATE INDEX IF NOT EXISTS ${table}_search_trgm_idx ON ${table} USING gin (search_text public.gin_trgm_ops)`
      );
      await knex.raw(
        `CREATE INDEX IF NOT EXISTS ${table}_search_sort_idx ON ${table} (search_text COLLATE "C", id)`
      );
    } else {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${table}_search_sort_idx ON ${table} (search_text, id)`);
    }
  }
  for (const { name, table, columns } of FILTER_INDEXES) {
    if (await knex.schema.hasTable(table)) {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns})`);
    }
  }
}
