import type { Core } from '@strapi/strapi';
import { getOperationAST, parse } from 'graphql';
import type { Context, Next } from 'koa';
import { singleFieldError } from '../../../utils/errors';
import { answerGraphqlError } from '../../../utils/graphql';
import {
  ReadBudgetExhausted,
  refuseStatementsPastDeadline,
  withReadBudget,
  withReadTransaction,
  type ReadBudget,
} from '../../../utils/read-transaction';
import { problem } from '../../../validation';
import { apiSettings } from '../settings';

/** PostgreSQL's `query_canceled`: what a statement past `statement_timeout` fails with. */
const QUERY_CANCELED = '57014';

const GRAPHQL_PATH = '/graphql';

const isStatementTimeout = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === QUERY_CANCELED;

/** The operation a GraphQL request runs (`query`, `mutation`…), or null when it names none it has. */
const graphqlOperation = (ctx: Context) => {
  const source = ctx.method === 'GET' ? ctx.query : (ctx.request as { body?: unknown }).body;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return null;
  const { query, operationName } = source as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return null;
  try {
    const document = parse(query, { maxTokens: 50_000 });
    return getOperationAST(document, typeof operationName === 'string' ? operationName : undefined)
      ?.operation;
  } catch {
    // the endpoint says why it does not parse
    return null;
  }
};

/**
 * Whether a request is a read of the content API: a GET (or HEAD) under the REST prefix, or a
 * GraphQL query. Admin routes (`/admin`, `/content-manager`, `/caladeo-contacts/…`) are not, nor
 * are writes and GraphQL mutations.
 */
export const contentApiReadOf = (ctx: Context, restPrefix: string): 'rest' | 'graphql' | null => {
  if (ctx.path === GRAPHQL_PATH) return graphqlOperation(ctx) === 'query' ? 'graphql' : null;
  const underRest = ctx.path === restPrefix || ctx.path.startsWith(`${restPrefix}/`);
  return underRest && (ctx.method === 'GET' || ctx.method === 'HEAD') ? 'rest' : null;
};

const timeoutRefusal = (max: number) => singleFieldError('query', problem('query.timeout', { max }));

type Knexish = { client: Parameters<typeof refuseStatementsPastDeadline>[0] };

/**
 * Global middleware (config/middlewares.ts): two limits on a content-API read (REST GET, GraphQL
 * query), each answered with a 400 `query.timeout` naming the limit, and neither touching another
 * request.
 *
 * - One statement (API_READ_TIMEOUT_MS, PostgreSQL): each read runs in a transaction of its own with
 *   `statement_timeout` set for that transaction only (`set_config(…, true)`, i.e. SET LOCAL), so
 *   that one slow read costs its caller and not the pool or the other callers. Strapi's query
 *   builder finds the transaction in its async context; the SQL the plugin writes by hand takes it
 *   through `readConnection` (utils/read-transaction.ts). The setting ends with the transaction.
 * - The whole read (API_REQUEST_TIMEOUT_MS, both databases): many statements each under the first
 *   limit can still add up (20 aliased GraphQL lists). The read's deadline lives in its async
 *   context; a statement that would start past it is refused before it reaches the database, and
 *   on PostgreSQL the statement timeout is lowered to the time left before each statement once that
 *   is the shorter of the two, so the database cancels the one running at the deadline.
 *
 * A statement the database cancels, or one refused, fails the read also when the code that ran it
 * caught the failure (GraphQL answers each field's error in its reply; the others would fail on
 * the aborted transaction). A streamed reply (the subscribers' CSV) is read after the middleware
 * returns: its batches run on the pool, each a bounded keyset read, outside both limits. SQLite has
 * no statement timeout: there only the deadline between statements holds.
 */
const readTimeout = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const restPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  // the pool's own statements (SQLite's all, PostgreSQL's outside a read transaction)
  refuseStatementsPastDeadline((strapi.db.connection as unknown as Knexish).client);

  const refuse = (ctx: Context, read: 'rest' | 'graphql', max: number) => {
    if (read === 'rest') throw timeoutRefusal(max);
    answerGraphqlError(ctx, 400, timeoutRefusal(max), 'BAD_USER_INPUT');
  };

  return async (ctx: Context, next: Next) => {
    const { readTimeoutMs, requestTimeoutMs } = apiSettings(strapi);
    const isPostgres = strapi.db.dialect.client === 'postgres';
    const limited = (isPostgres && readTimeoutMs > 0) || requestTimeoutMs > 0;
    const read = limited ? contentApiReadOf(ctx, restPrefix) : null;
    if (!read) return next();
    const budget: ReadBudget = {
      deadline: requestTimeoutMs > 0 ? Date.now() + requestTimeoutMs : Number.POSITIVE_INFINITY,
      exhausted: false,
    };

    // a streamed reply is read after this returns, in the same async context: no deadline there
    const underBudget = () =>
      withReadBudget(budget, next).finally(() => {
        budget.deadline = Number.POSITIVE_INFINITY;
      });

    if (!isPostgres) {
      try {
        await underBudget();
      } catch (error) {
        if (!budget.exhausted) throw error;
      }
      if (budget.exhausted) refuse(ctx, read, requestTimeoutMs);
      return;
    }

    let cancelled = false;
    // the statement timeout in force in the read's transaction, and whether the deadline set it
    let statementLimit = readTimeoutMs > 0 ? readTimeoutMs : Number.POSITIVE_INFINITY;
    let limitIsDeadline = false;
    try {
      await strapi.db.transaction(async ({ trx }) => {
        trx.on('query-error', (error: unknown) => {
          if (!isStatementTimeout(error)) return;
          cancelled = true;
          if (limitIsDeadline) budget.exhausted = true;
        });
        if (readTimeoutMs > 0)
          await trx.raw("SELECT set_config('statement_timeout', ?, true)", [String(readTimeoutMs)]);
        refuseStatementsPastDeadline(
          (trx as unknown as Knexish).client,
          async (run, connection, remainingMs) => {
            if (remainingMs >= statementLimit) return;
            statementLimit = Math.max(1, Math.ceil(remainingMs));
            limitIsDeadline = true;
            await run(connection, {
              sql: "SELECT set_config('statement_timeout', ?, true)",
              bindings: [String(statementLimit)],
            });
          }
        );
        await withReadTransaction(trx, underBudget);
        if (cancelled || budget.exhausted)
          throw budget.exhausted ? new ReadBudgetExhausted() : timeoutRefusal(readTimeoutMs);
      });
    } catch (error) {
      if (budget.exhausted) return refuse(ctx, read, requestTimeoutMs);
      if (!cancelled && !isStatementTimeout(error)) throw error;
      refuse(ctx, read, readTimeoutMs);
    }
  };
};

export default readTimeout;
