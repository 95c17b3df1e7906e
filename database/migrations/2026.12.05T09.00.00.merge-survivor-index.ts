import type { Knex } from 'knex';

/**
 * Merges are looked up by their survivor: an erasure walks the merges kept by the person's records
 * (merge after merge), a person's export lists the records merged into a contact. Without an index
 * each round reads the whole table. Idempotent, and tolerant of a missing table (see
 * apply-migrations.ts).
 */
export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable('caladeo_contact_merges'))) return;
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS caladeo_contact_merges_survivor_idx ON caladeo_contact_merges (survivor_document_id, undone_at)'
  );
}
