import type { Context, Next } from 'koa';
import { problem, type Problem } from '../../../validation';
import { singleFieldError } from '../../../utils/errors';

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What Strapi's query parser fails on with a 500 rather than a 400: an empty `fields=` and a
 * `filters[]=` list holding something other than conditions.
 */
const malformedParam = (query: Record<string, unknown>): [string, Problem] | null => {
  if (query.fields === '') return ['fields', problem('query.fieldsEmpty')];
  const { filters } = query;
  if (Array.isArray(filters) && !filters.every(isPlainObject)) {
    return ['filters', problem('query.filtersNotConditions')];
  }
  return null;
};

/** The body parser's refusal of a JSON body that does not parse: co-body's SyntaxError, status 400. */
const isMalformedJsonBody = (error: unknown) => {
  const { name, status } = (error ?? {}) as { name?: unknown; status?: unknown };
  return name === 'SyntaxError' && status === 400;
};

/**
 * App middleware after `strapi::query` and before `strapi::body` (config/middlewares.ts): on the
 * REST API, a query Strapi would crash on gets a 400 naming the parameter, so that no caller ever
 * sees a 500 for a typo; and a body that is not JSON gets a 400 naming `body` in Strapi's
 * envelope, instead of the parser's error logged with its stack as if the server had failed.
 */
const queryShape = () => async (ctx: Context, next: Next) => {
  if (ctx.path.startsWith('/api/')) {
    const malformed = malformedParam(ctx.query as Record<string, unknown>);
    if (malformed) throw singleFieldError(...malformed);
  }
  try {
    await next();
  } catch (error) {
    if (isMalformedJsonBody(error)) throw singleFieldError('body', problem('body.malformedJson'));
    throw error;
  }
};

export default queryShape;
