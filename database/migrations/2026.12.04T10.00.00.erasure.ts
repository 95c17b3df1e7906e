import type { Knex } from 'knex';

/**
 * A contact is erased once: one erasure row per contact. Imports look up a whole chunk's hashes
 * in the suppression list at once, by hash; one hash is kept once (the kind is part of what is
 * hashed). Idempotent, and tolerant of missing tables (see apply-migrations.ts).
 */
export async function up(knex: Knex) {
  if (await knex.schema.hasTable('caladeo_contact_erasures')) {
    await knex.raw(
      'CREATE UNIQUE INDEX IF NOT EXISTS caladeo_contact_erasures_contact_unique ON caladeo_contact_erasures (contact_document_id)'
    );
  }
  if (await knex.schema.hasTable('caladeo_privacy_suppressions')) {
    await knex.raw(
      'CREATE UNIQUE INDEX IF NOT EXISTS caladeo_privacy_suppressions_hash_unique ON caladeo_privacy_suppressions (hash)'
    );
  }
}
