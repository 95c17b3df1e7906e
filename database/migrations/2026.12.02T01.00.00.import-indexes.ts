import type { Knex } from 'knex';

/**
 * Indexes of contact imports: an import's rows in file order (the job's next batch, the error
 * file, undo) and by outcome (the counts). Idempotent, and tolerant of missing tables (see
 * apply-migrations.ts).
 */
const INDEXES = [
  { name: 'caladeo_import_rows_order_idx', table: 'caladeo_import_rows', columns: 'import_id, row_number' },
  { name: 'caladeo_import_rows_outcome_idx', table: 'caladeo_import_rows', columns: 'import_id, outcome' },
];

export async function up(knex: Knex) {
  for (const { name, table, columns } of INDEXES) {
    if (await knex.schema.hasTable(table)) {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns})`);
    }
  }
}
