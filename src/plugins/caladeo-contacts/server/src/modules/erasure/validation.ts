/**
 * The edge check of the erasure routes. Erasing cannot be undone: the body must say so itself,
 * `{ "data": { "confirm": true } }`, so that a stray or replayed empty POST erases nothing.
 */
import { z } from 'zod';
import { fieldErrorsOfIssues } from '../../validation/issues';
import { fieldError, problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';

const body = z.strictObject({ data: z.unknown().optional() });
const data = z.strictObject({ confirm: z.unknown().optional() });

/** Reads `{ data: { confirm: true } }`, or the error naming `confirm` (or the unknown key). */
export const readErasureConfirmation = (input: unknown): Reading<true> => {
  const outer = body.safeParse(input ?? {});
  if (!outer.success) return { ok: false, errors: fieldErrorsOfIssues(outer.error.issues) };
  const parsed = data.safeParse(outer.data.data ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  if (parsed.data.confirm !== true)
    return { ok: false, errors: [fieldError(['confirm'], problem('erasure.confirmRequired'))] };
  return { ok: true, value: true };
};
