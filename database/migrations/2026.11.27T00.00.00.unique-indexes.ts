import type { Knex } from 'knex';

/**
 * Unique indexes the content-type schemas cannot express. They settle concurrent writes that the
 * validation layer's friendly checks cannot: two creates of one e-mail in different cases, two
 * offers with one reference, two primary contacts of one client or offer.
 *
 * Idempotent and tolerant of missing tables: Strapi runs migrations before it creates the tables
 * of a new database, so the app applies every migration again once the schema is in place.
 */
const INDEXES = [
  { name: 'caladeo_contacts_email_ci_unique', table: 'caladeo_contacts', expression: 'lower(email)' },
  { name: 'offers_reference_unique', table: 'offers', expression: 'reference' },
  {
    name: 'caladeo_client_contacts_primary_unique',
    table: 'caladeo_client_contacts',
    expression: 'primary_of',
  },
  {
    name: 'caladeo_offer_contacts_primary_unique',
    table: 'caladeo_offer_contacts',
    expression: 'primary_of',
  },
];

export async function up(knex: Knex) {
  for (const { name, table, expression } of INDEXES) {
    if (await knex.schema.hasTable(table)) {
      await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${name} ON ${table} (${expression})`);
    }
  }
}
