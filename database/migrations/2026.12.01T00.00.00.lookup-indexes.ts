import type { Knex } from 'knex';

/**
 * Indexes for the lookups of a person by e-mail or phone: the uniqueness check of every contact
 * write, the sign-up worker's find-or-create, an external app's `filters[email][$eq]`, and the
 * duplicate checks of imports and merges.
 *
 * E-mails are stored lower-cased by the validation layer, so the plain column is what queries
 * compare; the unique index on `lower(email)` (see the unique-indexes migration) settles races but
 * cannot serve `email = ?`. Idempotent, and tolerant of missing tables (see apply-migrations.ts).
 */
const LOOKUP_INDEXES = [
  { name: 'caladeo_contacts_email_idx', table: 'caladeo_contacts', columns: 'email' },
  { name: 'caladeo_contacts_phone_idx', table: 'caladeo_contacts', columns: 'phone' },
];

export async function up(knex: Knex) {
  for (const { name, table, columns } of LOOKUP_INDEXES) {
    if (await knex.schema.hasTable(table)) {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns})`);
    }
  }
}
