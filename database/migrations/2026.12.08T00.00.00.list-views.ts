import type { Knex } from 'knex';

/**
 * Saved list views are unique per owner, list and folded name, and each user keeps one row of
 * columns per list: unique indexes decide between two saves at the same moment (two tabs, a
 * double click), and serve each user's reads. Idempotent, and tolerant of missing tables (see
 * apply-migrations.ts).
 */
export async function up(knex: Knex) {
  if (await knex.schema.hasTable('caladeo_list_views')) {
    await knex.raw(
      'CREATE UNIQUE INDEX IF NOT EXISTS caladeo_list_views_owner_name_unique ON caladeo_list_views (owner_id, list, name_key)'
    );
  }
  if (await knex.schema.hasTable('caladeo_list_preferences')) {
    await knex.raw(
      'CREATE UNIQUE INDEX IF NOT EXISTS caladeo_list_preferences_owner_unique ON caladeo_list_preferences (owner_id, list)'
    );
  }
}
