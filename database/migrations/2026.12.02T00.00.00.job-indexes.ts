import type { Knex } from 'knex';

/**
 * Indexes of the background jobs: the claim of due jobs of one kind, the admin's list by state,
 * and one row per periodic schedule (two nodes starting together must not both create it).
 * Idempotent, and tolerant of missing tables (see apply-migrations.ts).
 */
const INDEXES = [
  {
    name: 'caladeo_jobs_claim_idx',
    table: 'caladeo_jobs',
    columns: 'kind, state, available_at',
    unique: false,
  },
  { name: 'caladeo_jobs_state_idx', table: 'caladeo_jobs', columns: 'state, id', unique: false },
  {
    name: 'caladeo_job_schedules_name_unique',
    table: 'caladeo_job_schedules',
    columns: 'name',
    unique: true,
  },
];

export async function up(knex: Knex) {
  for (const { name, table, columns, unique } of INDEXES) {
    if (await knex.schema.hasTable(table)) {
      await knex.raw(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${columns})`);
    }
  }
}
