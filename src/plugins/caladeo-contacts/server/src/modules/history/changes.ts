/**
 * What a history entry says changed: for each field whose value differs, the value before and the
 * value after (null for none). Pure: the records come as the database layer returns them.
 */

export type FieldChange = { before: unknown; after: unknown };
export type Changes = Record<string, FieldChange>;

/** A value as it is compared and stored: dates as ISO strings, nothing as null. */
export const storedValue = (value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
};

const same = (left: unknown, right: unknown) =>
  left === right ||
  (typeof left === 'object' && typeof right === 'object' && JSON.stringify(left) === JSON.stringify(right));

/**
 * The fields among `fields` whose value differs between `before` and `after` (either may be null:
 * a record created or deleted). A field absent from `after` kept its value (a partial result).
 */
export const diffRecords = (
  fields: readonly string[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null
): Changes => {
  const changes: Changes = {};
  for (const field of fields) {
    if (after && before && !(field in after)) continue;
    const was = storedValue(before?.[field]);
    const is = storedValue(after?.[field]);
    if (!same(was, is)) changes[field] = { before: was, after: is };
  }
  return changes;
};

export const hasChanges = (changes: Changes) => Object.keys(changes).length > 0;
