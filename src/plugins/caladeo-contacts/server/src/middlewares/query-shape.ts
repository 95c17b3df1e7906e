import type { Context, Next } from 'koa';
import { problem, type Problem } from '../validation';
import { singleFieldError } from '../utils/errors';

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

/**
 * App middleware after `strapi::query` (config/middlewares.ts): on the REST API, a query Strapi
 * would crash on gets a 400 naming the parameter, so that no caller ever sees a 500 for a typo.
 */
const queryShape = () => async (ctx: Context, next: Next) => {
  if (ctx.path.startsWith('/api/')) {
    const malformed = malformedParam(ctx.query as Record<string, unknown>);
    if (malformed) throw singleFieldError(...malformed);
  }
  await next();
};

export default queryShape;
