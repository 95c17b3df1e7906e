import coBody from 'co-body';
import { parse } from 'graphql';
import type { Context, Next } from 'koa';
import { hasFragmentCycle } from '../config/graphql-limits';
import { bodyRefusal } from '../plugins/caladeo-contacts/server/src/modules/records/middlewares/request-shape';

/** The JSON body limit of the GraphQL endpoint's own parser (koa-bodyparser's default). */
const JSON_LIMIT = '1mb';

/** A refusal as GraphQL gives one for an invalid document. */
const refuse = (ctx: Context, message: string, code = 'GRAPHQL_VALIDATION_FAILED') => {
  ctx.status = 400;
  ctx.body = { errors: [{ message, extensions: { code } }] };
};

/**
 * Reads a JSON body once, here, so that it can be checked; the endpoint's parser then finds it read
 * (it skips a request whose body is set).
 */
const readBody = async (ctx: Context) => {
  const request = ctx.request as { body?: unknown };
  if (ctx.method !== 'POST' || request.body !== undefined || !ctx.is('application/json')) return request.body;
  request.body = await coBody.json(ctx.req, { limit: JSON_LIMIT });
  return request.body;
};

/**
 * Before the GraphQL endpoint (Strapi's body parser leaves it alone): a body with a prototype key or
 * nested past any form is refused as the REST API refuses it (request-shape.ts), and a document whose
 * fragments spread themselves is refused as GraphQL refuses any invalid document (400,
 * GRAPHQL_VALIDATION_FAILED). The GraphQL plugin's depth limit, which always runs, would otherwise
 * recurse through the cycle until the stack overflows. A document that does not parse is left to
 * the endpoint, which says why.
 */
export default () => async (ctx: Context, next: Next) => {
  if (ctx.path !== '/graphql') return next();
  let body: unknown;
  try {
    body = await readBody(ctx);
  } catch {
    return refuse(ctx, 'The body must be well-formed JSON', 'BAD_REQUEST');
  }
  const refusal = bodyRefusal(body);
  if (refusal) return refuse(ctx, `${refusal.path.join('.')} ${refusal.problem.code}`, 'BAD_REQUEST');
  const text = ctx.method === 'GET' ? ctx.query.query : (body as { query?: unknown } | undefined)?.query;
  if (typeof text !== 'string') return next();
  let cyclic = false;
  try {
    cyclic = hasFragmentCycle(parse(text, { maxTokens: 50_000 }));
  } catch {
    return next();
  }
  if (cyclic)
    return refuse(ctx, 'A fragment of this operation spreads itself, directly or through other fragments');
  return next();
};
