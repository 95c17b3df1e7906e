/**
 * Keyset pagination cursors: the sort key of the last row of a page, opaque to clients
 * (base64url JSON). A cursor is only ever read back into bound query parameters.
 */
export const LIST_ORDERS = ['relevance', 'name', 'newest', 'oldest'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

export type CursorKey =
  | { order: 'relevance'; rank: number; sortKey: string; id: number }
  | { order: 'name'; sortKey: string; id: number }
  | { order: 'newest' | 'oldest'; id: number };

const MAX_CURSOR_LENGTH = 4096;

export const encodeCursor = (key: CursorKey) =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** Returns the key, or null when the text is not a cursor this API issued for that order. */
export const decodeCursor = (text: string, order: ListOrder): CursorKey | null => {
  if (text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const key = parsed as Record<string, unknown>;
  if (key.order !== order || !isId(key.id)) return null;
  if (order === 'relevance') {
    return typeof key.sortKey === 'string' && [0, 1, 2].includes(key.rank as number)
      ? { order, rank: key.rank as number, sortKey: key.sortKey, id: key.id }
      : null;
  }
  if (order === 'name') {
    return typeof key.sortKey === 'string' ? { order, sortKey: key.sortKey, id: key.id } : null;
  }
  return { order, id: key.id };
};
