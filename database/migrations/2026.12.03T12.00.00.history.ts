import type { Knex } from 'knex';

/**
 * The history of a record is read newest first, one record at a time: one index answers it
 * (and its filters by action, entry point or date narrow within the record's own entries).
 * Idempotent, and tolerant of a missing table (see apply-migrations.ts).
 */
export async function up(knex: Knex) {
  if (await knex.schema.hasTable('caladeo_history_entries')) {
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS caladeo_history_entries_target_idx ON caladeo_history_entries (target_type, target_document_id, occurred_at DESC, id DESC)'
    );
  }
}
