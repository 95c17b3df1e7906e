import type { Knex } from 'knex';

/**
 * Indexes for the offer list of the Contacts tab: its orders (start date either way, undated offers
 * last, then reference), its status and start-date filters, and, on PostgreSQL, its search of
 * titles and references (`LOWER(col) LIKE '%term%'`, served by pg_trgm GIN indexes; the extension
 * comes from the search-indexes migration). The reference order uses the reference's unique index.
 * SQLite has no trigram index: its search scans, and its btrees still order and filter.
 * Idempotent, and tolerant of a missing table (see apply-migrations.ts).
 */
export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable('offers'))) return;
  const isPostgres = knex.client.dialect === 'postgresql';
  if (isPostgres) {
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS offers_start_date_list_idx ON offers (start_date DESC NULLS LAST, reference, id)'
    );
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS offers_status_start_date_idx ON offers (offer_status, start_date DESC NULLS LAST, reference, id)'
    );
    for (const column of ['title', 'reference']) {
      await knex.raw(
        `CREATE INDEX IF NOT EXISTS offers_${column}_trgm_idx ON offers USING gin (lower(${column}) public.gin_trgm_ops)`
      );
    }
  } else {
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS offers_start_date_list_idx ON offers (start_date, reference, id)'
    );
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS offers_status_start_date_idx ON offers (offer_status, start_date, reference, id)'
    );
  }
}
