import type { Knex } from 'knex';

/**
 * An e-mail address kept as an alias after a merge belongs to one contact only, whatever its
 * case; aliases are looked up by address (sign-ups, imports, new contacts) and by the contact
 * they lead to (its search text). Idempotent, and tolerant of missing tables (see apply-migrations.ts).
 */
export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable('caladeo_contact_email_aliases'))) return;
  await knex.raw(
    'CREATE UNIQUE INDEX IF NOT EXISTS caladeo_contact_email_aliases_email_unique ON caladeo_contact_email_aliases (lower(email))'
  );
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS caladeo_contact_email_aliases_contact_idx ON caladeo_contact_email_aliases (contact_document_id)'
  );
}
