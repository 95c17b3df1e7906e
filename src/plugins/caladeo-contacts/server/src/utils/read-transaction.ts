import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** The transaction the current content-API read runs in (modules/records/middlewares/read-timeout.ts). */
const readTransaction = new AsyncLocalStorage<Knex.Transaction>();

/** Runs `work` with `trx` as the connection that `readConnection` gives the SQL built by hand. */
export const withReadTransaction = <T>(trx: Knex.Transaction, work: () => Promise<T>) =>
  readTransaction.run(trx, work);

/**
 * The knex that SQL written by hand (search, duplicates, look-ups) should run on: the current
 * read's transaction while it is open, else the pool. Strapi's own query builder finds the
 * transaction by itself; a hand-built query on `strapi.db.connection` would take a second pooled
 * connection, outside the read's statement timeout, and with every pooled connection held by a read
 * it would wait for a connection that none of them gives back.
 */
export const readConnection = (strapi: Core.Strapi): Knex => {
  const trx = readTransaction.getStore();
  return trx && !trx.isCompleted() ? trx : strapi.db.connection;
};
