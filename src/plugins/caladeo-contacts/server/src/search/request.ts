/**
 * Reads the list-search parameters of a REST request: `q`, `cursor`, `order` and
 * `pagination[pageSize]`. Anything malformed is a field error, never a 500.
 */
import type { FieldError } from '../validation';
import { decodeCursor, LIST_ORDERS, type CursorKey, type ListOrder } from './cursor';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export type ListSearchParams = { q: string; order: ListOrder; cursor: CursorKey | null; pageSize: number };

type Query = Record<string, unknown>;

/** Search mode is chosen by `q`, `cursor` or `order`; without them the list is Strapi's own. */
export const wantsListSearch = (query: Query) =>
  ['q', 'cursor', 'order'].some((key) => query[key] !== undefined);

export const readListSearchParams = (
  query: Query
): { ok: true; params: ListSearchParams } | { ok: false; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  const text = (key: string) => {
    const value = query[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      errors.push({ path: [key], message: 'must be a single string' });
      return undefined;
    }
    return value;
  };

  const q = text('q') ?? '';
  const orderText = text('order');
  const order: ListOrder =
    orderText === undefined ? (q.trim() ? 'relevance' : 'name') : (orderText as ListOrder);
  if (!LIST_ORDERS.includes(order)) {
    errors.push({ path: ['order'], message: `must be one of ${LIST_ORDERS.join(', ')}` });
  }

  const cursorText = text('cursor');
  let cursor: CursorKey | null = null;
  if (cursorText) {
    cursor = decodeCursor(cursorText, order);
    if (!cursor) errors.push({ path: ['cursor'], message: 'is not a cursor of this list and order' });
  }

  const pagination = (query.pagination ?? {}) as Query;
  let pageSize = DEFAULT_PAGE_SIZE;
  if (typeof pagination !== 'object' || Array.isArray(pagination)) {
    errors.push({ path: ['pagination'], message: 'must be an object' });
  } else {
    for (const key of ['page', 'start', 'limit', 'withCount']) {
      if (pagination[key] !== undefined) {
        errors.push({
          path: ['pagination', key],
          message: 'cannot be used with q or cursor; follow the cursor',
        });
      }
    }
    if (pagination.pageSize !== undefined) {
      const size = Number(pagination.pageSize);
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
        errors.push({
          path: ['pagination', 'pageSize'],
          message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
        });
      } else {
        pageSize = size;
      }
    }
  }
  if (query.sort !== undefined) {
    errors.push({ path: ['sort'], message: 'cannot be used with q or cursor; use order' });
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, params: { q, order, cursor, pageSize } };
};
