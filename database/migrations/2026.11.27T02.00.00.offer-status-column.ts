import type { Knex } from 'knex';

/**
 * An offer's stage (draft, sent, accepted…) was first stored in a column named `status`, the name
 * Strapi 5 gives a document's draft-or-published state in its APIs and admin: the content manager
 * showed the field empty and could save it back as a default. The attribute is now `offerStatus`;
 * this keeps the values of a database created before the rename.
 *
 * Idempotent: it renames only while the old column exists and the new one does not.
 */
export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable('offers'))) return;
  const hasOld = await knex.schema.hasColumn('offers', 'status');
  const hasNew = await knex.schema.hasColumn('offers', 'offer_status');
  if (hasOld && !hasNew) {
    await knex.schema.alterTable('offers', (table) => table.renameColumn('status', 'offer_status'));
  }
}
