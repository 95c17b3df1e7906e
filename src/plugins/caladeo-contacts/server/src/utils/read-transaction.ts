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

/** What the current content-API read may still spend on SQL, in all (API_REQUEST_TIMEOUT_MS). */
export type ReadBudget = {
  deadline: number;
  /** Set once a statement was refused or cancelled because the deadline passed. */
  exhausted: boolean;
};

const readBudget = new AsyncLocalStorage<ReadBudget>();

/** Runs `work` (one request) under `budget`: every statement it issues is checked against it. */
export const withReadBudget = <T>(budget: ReadBudget, work: () => Promise<T>) => readBudget.run(budget, work);

/** A statement of a read refused because the read's deadline passed before it started. */
export class ReadBudgetExhausted extends Error {
  constructor() {
    super('the read ran out of its time limit');
    this.name = 'ReadBudgetExhausted';
  }
}

type QueryingClient = { query: (connection: unknown, query: unknown) => Promise<unknown> };

/**
 * Makes a knex client (the pool's, or one transaction's) refuse each statement of a read that
 * starts past the read's deadline; statements outside a budgeted read pass untouched. With
 * `beforeStatement` (PostgreSQL), the time left is handed over first, so that the statement itself
 * can be bounded by it.
 */
export const refuseStatementsPastDeadline = (
  client: QueryingClient,
  beforeStatement?: (run: QueryingClient['query'], connection: unknown, remainingMs: number) => Promise<void>
) => {
  const original = client.query.bind(client);
  client.query = async (connection, query) => {
    const budget = readBudget.getStore();
    if (budget) {
      const remainingMs = budget.deadline - Date.now();
      if (remainingMs <= 0) {
        budget.exhausted = true;
        throw new ReadBudgetExhausted();
      }
      await beforeStatement?.(original, connection, remainingMs);
    }
    return original(connection, query);
  };
};
