import type { Knex } from 'knex';

/**
 * The retention selection (docs/privacy.md) walks the contacts by id and tests each with a few
 * index look-ups: when it last changed, its roles on offers (the join tables carry Strapi's own
 * indexes), accepted offers by end date, and legal holds in force. At most one hold is in force per
 * contact, whatever two staff do at the same moment. Idempotent, and tolerant of missing tables
 * (see apply-migrations.ts).
 */
const INDEXES = [
  {
    table: 'caladeo_contacts',
    sql: 'CREATE INDEX IF NOT EXISTS caladeo_contacts_updated_at_idx ON caladeo_contacts (updated_at)',
  },
  {
    table: 'offers',
    sql: 'CREATE INDEX IF NOT EXISTS offers_status_end_date_idx ON offers (offer_status, end_date)',
  },
  {
    table: 'caladeo_consent_events',
    sql: 'CREATE INDEX IF NOT EXISTS caladeo_consent_events_action_occurred_idx ON caladeo_consent_events (action, occurred_at)',
  },
  {
    table: 'caladeo_contact_legal_holds',
    sql: 'CREATE UNIQUE INDEX IF NOT EXISTS caladeo_contact_legal_holds_in_force_unique ON caladeo_contact_legal_holds (contact_document_id) WHERE lifted_at IS NULL',
  },
  {
    table: 'caladeo_retention_runs',
    sql: 'CREATE INDEX IF NOT EXISTS caladeo_retention_runs_job_idx ON caladeo_retention_runs (job_id)',
  },
];

export async function up(knex: Knex) {
  for (const { table, sql } of INDEXES) {
    if (await knex.schema.hasTable(table)) await knex.raw(sql);
  }
}
