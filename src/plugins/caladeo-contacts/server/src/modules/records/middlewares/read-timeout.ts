import type { Core } from '@strapi/strapi';
import { getOperationAST, parse } from 'graphql';
import type { Context, Next } from 'koa';
import { singleFieldError } from '../../../utils/errors';
import { withReadTransaction } from '../../../utils/read-transaction';
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

/** The refusal as GraphQL gives Strapi's ValidationErrors: in `errors`, with the same details as REST. */
const refuseGraphql = (ctx: Context, max: number) => {
  const { message, details } = timeoutRefusal(max);
  ctx.status = 400;
  ctx.type = 'application/json';
  ctx.body = {
    errors: [
      {
        message,
        extensions: { error: { name: 'ValidationError', message, details }, code: 'BAD_USER_INPUT' },
      },
    ],
  };
};

/**
 * Global middleware (config/middlewares.ts): on PostgreSQL, each content-API read runs in a
 * transaction of its own with `statement_timeout` set for that transaction only (`set_config(…,
 * true)`, i.e. SET LOCAL), so that one slow read costs its caller and not the pool or the other
 * callers. Strapi's query builder finds the transaction in its async context; the SQL the plugin
 * writes by hand takes it through `readConnection` (utils/read-transaction.ts). A statement the
 * database cancels fails the read with a 400 `query.timeout` naming the limit, also when the code
 * that ran it caught the failure (GraphQL answers each field's error in its reply; the others
 * would fail on the aborted transaction). The setting ends with the transaction: the connection
 * goes back to the pool without it.
 *
 * A streamed reply (the subscribers' CSV) is read after the middleware returns: its batches run on
 * the pool, each of them a bounded keyset read, outside the limit. SQLite has no statement timeout:
 * reads there run as before.
 */
const readTimeout = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const restPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return async (ctx: Context, next: Next) => {
    const { readTimeoutMs } = apiSettings(strapi);
    const read =
      strapi.db.dialect.client === 'postgres' && readTimeoutMs > 0 ? contentApiReadOf(ctx, restPrefix) : null;
    if (!read) return next();
    let cancelled = false;
    try {
      await strapi.db.transaction(async ({ trx }) => {
        trx.on('query-error', (error: unknown) => {
          if (isStatementTimeout(error)) cancelled = true;
        });
        await trx.raw("SELECT set_config('statement_timeout', ?, true)", [String(readTimeoutMs)]);
        await withReadTransaction(trx, next);
        if (cancelled) throw timeoutRefusal(readTimeoutMs);
      });
    } catch (error) {
      if (!cancelled && !isStatementTimeout(error)) throw error;
      if (read === 'rest') throw timeoutRefusal(readTimeoutMs);
      refuseGraphql(ctx, readTimeoutMs);
    }
  };
};

export default readTimeout;
