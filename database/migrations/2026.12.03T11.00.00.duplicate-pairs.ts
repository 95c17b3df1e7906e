import type { Knex } from 'knex';

/**
 * The likely duplicate pairs of the scan (modules/duplicates): one row per pair of contacts (the
 * lower id first), which the scan and the refresh after a write upsert on; the "Doublons" page
 * lists the open ones by score; a contact's pairs are found from either end. Idempotent, and
 * tolerant of a missing table (see apply-migrations.ts).
 */
const TABLE = 'caladeo_duplicate_pairs';

export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable(TABLE))) return;
  await knex.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS caladeo_duplicate_pairs_pair_uq ON ${TABLE} (contact_a, contact_b)`
  );
  await knex.raw(`CREATE INDEX IF NOT EXISTS caladeo_duplicate_pairs_contact_b_idx ON ${TABLE} (contact_b)`);
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS caladeo_duplicate_pairs_listing_idx ON ${TABLE} (status, score DESC, id)`
  );
}
