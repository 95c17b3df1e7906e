import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';

/**
 * Keyset pagination cursors: the sort key of the last row of a page, sealed for the client. The
 * sort key is the private search text (folded names, e-mail, phone digits, clients' names), so a
 * cursor is encrypted and authenticated (AES-256-GCM, with a key derived from the app's keys): it
 * reveals nothing, and a forged or altered one is refused. It is only ever read back into bound
 * query parameters.
 */
export const LIST_ORDERS = ['relevance', 'name', 'newest', 'oldest'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

export type CursorKey =
  | { order: 'relevance'; rank: number; sortKey: string; id: number }
  | { order: 'name'; sortKey: string; id: number }
  | { order: 'newest' | 'oldest'; id: number };

const MAX_CURSOR_LENGTH = 4096;

const IV_BYTES = 12;
const TAG_BYTES = 16;
let sealingKey: Buffer | null = null;

/** Derives the cursors' key from the app's secret keys (`APP_KEYS`); set once at register. */
export const useCursorSecret = (secret: string) => {
  sealingKey = Buffer.from(hkdfSync('sha256', secret, 'caladeo-contacts', 'list cursor', 32));
};

const keyOfCursors = () => {
  if (!sealingKey) throw new Error('caladeo-contacts: the cursor key is not set');
  return sealingKey;
};

export const encodeCursor = (key: CursorKey) => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOfCursors(), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(key), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
};

/** The cursor's content, or null when it was not sealed by this app (or was altered). */
const unseal = (text: string) => {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOfCursors(), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8'
    );
  } catch {
    return null;
  }
};

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** Returns the key, or null when the text is not a cursor this API issued for that order. */
export const decodeCursor = (text: string, order: ListOrder): CursorKey | null => {
  if (text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const content = unseal(text);
  if (content === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
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
