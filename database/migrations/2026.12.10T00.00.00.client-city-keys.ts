import type { Knex } from 'knex';
import { cityKey } from '../../src/plugins/caladeo-contacts/server/src/validation/match-keys';

/**
 * The client list's town filter matches the folded city (`city_key`: "sete" finds Sète). Clients
 * stored before the key existed get theirs here, a batch at a time. Idempotent, and tolerant of a
 * missing table or column (see apply-migrations.ts).
 */
const TABLE = 'caladeo_clients';
const BATCH = 2000;

export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable(TABLE)) || !(await knex.schema.hasColumn(TABLE, 'city_key'))) return;
  let after = 0;
  for (;;) {
    const rows = (await knex(TABLE)
      .select('id', 'city')
      .where('id', '>', after)
      .whereNull('city_key')
      .whereNotNull('city')
      .orderBy('id')
      .limit(BATCH)) as { id: number; city: string }[];
    if (rows.length === 0) return;
    await knex.transaction(async (trx) => {
      for (const row of rows) {
        const key = cityKey(row.city);
        if (key !== null) await trx(TABLE).where({ id: row.id }).update({ city_key: key });
      }
    });
    after = rows[rows.length - 1]!.id;
  }
}
