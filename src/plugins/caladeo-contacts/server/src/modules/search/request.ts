/**
 * Reads the list-search parameters of a REST request: `q`, `cursor`, `order`,
 * `pagination[pageSize]` and `pagination[withCount]`. Anything malformed is a field error, never a 500.
 */
import { fieldError, problem, type FieldError } from '../../validation';
import { decodeCursor, LIST_ORDERS, type CursorKey, type ListOrder } from './cursor';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export type ListSearchParams = {
  q: string;
  order: ListOrder;
  cursor: CursorKey | null;
  pageSize: number;
  /** Strapi's `pagination[withCount]`: `false` skips the total, which `GET …/count` gives apart. */
  withCount: boolean;
};

type Query = Record<string, unknown>;

/** `true` or `false` as a query string spells them (Strapi's parser leaves them strings), else null. */
const readYesNo = (value: unknown): boolean | null => {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
};

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
      errors.push(fieldError([key], problem('search.notSingleString')));
      return undefined;
    }
    return value;
  };

  const q = text('q') ?? '';
  const orderText = text('order');
  const order: ListOrder =
    orderText === undefined ? (q.trim() ? 'relevance' : 'name') : (orderText as ListOrder);
  if (!LIST_ORDERS.includes(order)) {
    errors.push(fieldError(['order'], problem('choice.invalid', { allowed: LIST_ORDERS.join(', ') })));
  }

  const cursorText = text('cursor');
  let cursor: CursorKey | null = null;
  if (cursorText) {
    cursor = decodeCursor(cursorText, order);
    if (!cursor) errors.push(fieldError(['cursor'], problem('search.cursorInvalid')));
  }

  const pagination = (query.pagination ?? {}) as Query;
  let pageSize = DEFAULT_PAGE_SIZE;
  let withCount = true;
  if (typeof pagination !== 'object' || Array.isArray(pagination)) {
    errors.push(fieldError(['pagination'], problem('value.notObject')));
  } else {
    for (const key of ['page', 'start', 'limit']) {
      if (pagination[key] !== undefined) {
        errors.push(fieldError(['pagination', key], problem('search.paginationWithCursor')));
      }
    }
    if (pagination.pageSize !== undefined) {
      const size = Number(pagination.pageSize);
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
        errors.push(
          fieldError(['pagination', 'pageSize'], problem('number.outOfRange', { min: 1, max: MAX_PAGE_SIZE }))
        );
      } else {
        pageSize = size;
      }
    }
    if (pagination.withCount !== undefined) {
      const flag = readYesNo(pagination.withCount);
      if (flag === null) errors.push(fieldError(['pagination', 'withCount'], problem('boolean.invalid')));
      else withCount = flag;
    }
  }
  if (query.sort !== undefined) {
    errors.push(fieldError(['sort'], problem('search.sortWithCursor')));
  }

  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, params: { q, order, cursor, pageSize, withCount } };
};
