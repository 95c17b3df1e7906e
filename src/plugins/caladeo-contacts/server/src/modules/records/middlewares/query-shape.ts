import type { Context, Next } from 'koa';
import { problem, type Problem } from '../../../validation';
import { fieldValidationError, singleFieldError } from '../../../utils/errors';
import { fieldError } from '../../../validation';
import { bodyRefusal, queryRefusal, type ShapeRefusal } from './request-shape';

/**
 * What Strapi's query parser fails on with a 500 rather than a 400 (an empty `fields=`), and its
 * `_q`, which matches every text column, private ones too (search text, a link's `primaryOf`): the
 * API's search is `q`, on the routes that have one.
 */
const malformedParam = (query: Record<string, unknown>): [string, Problem] | null => {
  if (query.fields === '') return ['fields', problem('query.fieldsEmpty')];
  if ('_q' in query) return ['_q', problem('query.notAParameter')];
  return null;
};

const refuse = (refusal: ShapeRefusal) => fieldValidationError([fieldError(refusal.path, refusal.problem)]);

/** The body parser's refusal of a JSON body that does not parse: co-body's SyntaxError, status 400. */
const isMalformedJsonBody = (error: unknown) => {
  const { name, status } = (error ?? {}) as { name?: unknown; status?: unknown };
  return name === 'SyntaxError' && status === 400;
};

/**
 * App middleware after `strapi::query` and before `strapi::body` (config/middlewares.ts): on the
 * REST API, a query Strapi would crash on, or that would cost the database too much (filters,
 * populates and sorts through too many relations: request-shape.ts), gets a 400 naming the
 * parameter and the limit before anything runs; and a body that is not JSON gets a 400 naming
 * `body` in Strapi's envelope, instead of the parser's error logged with its stack as if the
 * server had failed.
 */
const queryShape = () => async (ctx: Context, next: Next) => {
  if (ctx.path.startsWith('/api/')) {
    const query = ctx.query as Record<string, unknown>;
    const malformed = malformedParam(query);
    if (malformed) throw singleFieldError(...malformed);
    const refusal = queryRefusal(query);
    if (refusal) throw refuse(refusal);
  }
  try {
    await next();
  } catch (error) {
    if (isMalformedJsonBody(error)) throw singleFieldError('body', problem('body.malformedJson'));
    throw error;
  }
};

/**
 * App middleware right after `strapi::body`: a parsed body holding a key that reaches a prototype
 * (`__proto__`, `constructor`, `prototype`), or nested deeper than a form ever is, is a 400 before
 * any sanitiser or validator walks it (they would fail on it, or overflow the stack).
 */
export const bodyShape = () => async (ctx: Context, next: Next) => {
  const refusal = bodyRefusal((ctx.request as { body?: unknown }).body);
  if (refusal) throw refuse(refusal);
  await next();
};

export default queryShape;
