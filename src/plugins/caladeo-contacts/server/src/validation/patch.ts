/**
 * Reading a patch: only the record's own scalar fields are looked at (relations and system keys
 * such as `clientLinks`, `locale` or `publishedAt` are somebody else's business), each one through
 * its field schema, and every failure is collected so the user sees all mistakes at once.
 */
import type { FieldSchema } from './fields';
import { problemOfIssue } from './issues';
import { fieldError, problem, renderMessage, type Problem } from './messages';
import type { FieldError } from './types';

/** One schema per field the patch may write; its output type is what the field may hold. */
export type FieldSchemas<Values> = { [Key in keyof Values]-?: FieldSchema<Values[Key]> };

export type PatchReading<Values> = {
  /** Normalised values of the fields present in the patch that passed their field check. */
  values: Partial<Values>;
  /** Fields present in the patch whose field check failed (later checks skip them). */
  failedFields: ReadonlySet<string>;
  errors: FieldError[];
};

export function isPatchObject(patch: unknown): patch is Record<string, unknown> {
  return typeof patch === 'object' && patch !== null && !Array.isArray(patch);
}

export function hasOwnField(target: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

/**
 * A function of its own so that `Key` ties the schema to the slot it fills; inside a loop over
 * all keys TypeScript only sees the union of every field's type.
 */
function assignField<Values, Key extends keyof Values>(
  values: Partial<Values>,
  key: Key,
  schema: FieldSchema<Values[Key]>,
  raw: unknown
): Problem[] {
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    values[key] = parsed.data;
    return [];
  }
  return parsed.error.issues.map(problemOfIssue);
}

export function readPatch<Values extends object>(
  patch: Record<string, unknown>,
  schemas: FieldSchemas<Values>
): PatchReading<Values> {
  const values: Partial<Values> = {};
  const failedFields = new Set<string>();
  const errors: FieldError[] = [];
  for (const key of Object.keys(schemas) as (keyof Values & string)[]) {
    if (!hasOwnField(patch, key)) {
      continue;
    }
    const raw = patch[key];
    // `{ email: undefined }` is what spreading an optional property gives: it means "not sent".
    if (raw === undefined) {
      continue;
    }
    const problems = assignField(values, key, schemas[key], raw);
    if (problems.length > 0) {
      failedFields.add(key);
      // The same problem reported twice by one schema is shown once.
      const distinct = new Map(problems.map((found) => [renderMessage(found), found]));
      for (const found of distinct.values()) {
        errors.push(fieldError([key], found));
      }
    }
  }
  return { values, failedFields, errors };
}

/** The errors returned when the patch itself is not an object (a programming error upstream). */
export function notAnObjectErrors(): FieldError[] {
  return [fieldError([], problem('value.notObject'))];
}

/** The value a field will hold once the patch is applied. */
export function mergedValue<Values, Key extends keyof Values>(
  reading: PatchReading<Values>,
  existing: Values | null,
  key: Key,
  valueOnCreate: Values[Key]
): Values[Key] {
  const patched = reading.values[key];
  if (hasOwnField(reading.values, key) && patched !== undefined) {
    return patched;
  }
  // A stored record read without some column gives undefined: treat it like a new record's field.
  return existing === null || existing === undefined ? valueOnCreate : (existing[key] ?? valueOnCreate);
}
