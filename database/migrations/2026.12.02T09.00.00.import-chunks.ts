import type { Knex } from 'knex';

/**
 * Contact imports keep their rows in chunks: the job takes an import's next chunk not done, the
 * error file and undo read them in file order. The one-row-per-line table of the first imports
 * is gone (its rows belonged to finished imports only). Idempotent, and tolerant of missing
 * tables (see apply-migrations.ts).
 */
export async function up(knex: Knex) {
  await knex.schema.dropTableIfExists('caladeo_import_rows');
  if (await knex.schema.hasTable('caladeo_import_chunks')) {
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS caladeo_import_chunks_order_idx ON caladeo_import_chunks (import_id, done, position)'
    );
  }
}
