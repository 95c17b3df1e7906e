import type { TestStrapi } from './strapi';
import { lockContactsUntil } from './timeouts';

/**
 * Makes every read of the contacts wait until `release()` is called, on either database: on
 * PostgreSQL an exclusive lock on the contacts table from another connection; on SQLite, whose
 * pool has one connection, a transaction holding it. A read so stays in flight as long as a test
 * needs, on every machine alike.
 */
export const holdContactReads = async (app: TestStrapi) => {
  if (app.strapi.db.dialect.client === 'postgres') {
    let letGo = () => {};
    const { released } = await lockContactsUntil(app, new Promise<void>((resolve) => (letGo = resolve)));
    return {
      release: async () => {
        letGo();
        await released;
      },
    };
  }
  const held = await app.strapi.db.connection.transaction();
  return { release: async () => void (await held.commit()) };
};

/**
 * Resolves once at least `count` statements (or, on SQLite, requests for its one connection) wait on
 * what `holdContactReads` holds: the reads sent before are then in flight past every middleware.
 */
export const readsWaitingOnDatabase = async (app: TestStrapi, count: number) => {
  const knex = app.strapi.db.connection;
  const waiting = async () => {
    if (app.strapi.db.dialect.client !== 'postgres')
      return (knex.client as { pool: { numPendingAcquires(): number } }).pool.numPendingAcquires();
    const rows = await knex.raw(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    );
    return (rows.rows[0] as { n: number }).n;
  };
  for (;;) {
    if ((await waiting()) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
