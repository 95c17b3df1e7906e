import type { Knex } from 'knex';
import {
  contactNameKey,
  emailLocalPartKey,
} from '../../src/plugins/caladeo-contacts/server/src/validation/match-keys';

/**
 * The keys duplicate checks look contacts up by (modules/duplicates): the folded full name, the
 * e-mail's local part and the postal code (on PostgreSQL, similar names within a postal code have
 * an index of their own: 2026.12.07T00.00.00.similar-name-index.ts). Contacts stored before these keys existed get theirs here, a batch at a time.
 * Idempotent, and tolerant of missing tables and columns (see apply-migrations.ts).
 */
const TABLE = 'caladeo_contacts';
const INDEXES = [
  { name: 'caladeo_contacts_name_key_idx', columns: 'name_key' },
  { name: 'caladeo_contacts_email_local_part_idx', columns: 'email_local_part' },
  { name: 'caladeo_contacts_postal_code_idx', columns: 'postal_code' },
];
const BATCH = 2000;

type Row = { id: number; first_name: string | null; last_name: string | null; email: string | null };

const fillMissingKeys = async (knex: Knex) => {
  let after = 0;
  for (;;) {
    const rows = (await knex(TABLE)
      .select('id', 'first_name', 'last_name', 'email')
      .where('id', '>', after)
      .whereNull('name_key')
      .whereNull('email_local_part')
      .where((query) => query.whereNotNull('first_name').orWhereNotNull('email'))
      .orderBy('id')
      .limit(BATCH)) as Row[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const nameKey = contactNameKey(row.first_name, row.last_name);
      const emailLocalPart = emailLocalPartKey(row.email);
      if (nameKey !== null || emailLocalPart !== null) {
        await knex(TABLE)
          .where({ id: row.id })
          .update({ name_key: nameKey, email_local_part: emailLocalPart });
      }
    }
    after = rows[rows.length - 1]!.id;
  }
};

export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable(TABLE)) || !(await knex.schema.hasColumn(TABLE, 'name_key'))) return;
  for (const { name, columns } of INDEXES) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${TABLE} (${columns})`);
  }
  await fillMissingKeys(knex);
}
