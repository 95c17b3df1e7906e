/**
 * Between zod and the message catalogue. Our own checks report custom issues that carry their
 * problem in `params`; zod's built-in issues (enumeration, type, length, unknown keys) are mapped
 * to the code that says the same thing, so every field error has a code.
 */
import { z } from 'zod';

import { fieldError, isProblem, problem, renderMessage, type Problem } from './messages';
import type { FieldError, Reading } from './types';

export type RefinementContext = z.core.$RefinementCtx<unknown>;

/** Records a problem from inside a transform; the transform's result is then ignored. */
export function reportProblem(context: RefinementContext, found: Problem, input: unknown): never {
  context.issues.push({ code: 'custom', message: renderMessage(found), input, params: found });
  return z.NEVER;
}

/** The options of a `.refine()` whose failure carries its problem. */
export function coded(found: Problem): { message: string; params: Problem } {
  return { message: renderMessage(found), params: found };
}

export function problemOfIssue(issue: z.core.$ZodIssue): Problem {
  switch (issue.code) {
    case 'custom':
      return isProblem(issue.params) ? issue.params : problem('field.invalid');
    case 'invalid_value':
      return problem('choice.invalid', { allowed: issue.values.map(String).join(', ') });
    case 'invalid_type':
      if (issue.expected === 'boolean') return problem('boolean.invalid');
      return issue.expected === 'string' ? problem('text.notString') : problem('field.invalid');
    case 'too_big':
      return issue.origin === 'string'
        ? problem('text.tooLong', { max: Number(issue.maximum) })
        : problem('field.invalid');
    default:
      return problem('field.invalid');
  }
}

/** Every issue as field errors; unknown keys give one error each, at the key's own path. */
export function fieldErrorsOfIssues(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => fieldError([...path, key], problem('field.notAllowed')));
    }
    return [fieldError(path, problemOfIssue(issue))];
  });
}

/** A query-string whole number within bounds (a page, a page size, an id). */
export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .refine(
      (value) => /^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max,
      coded(problem('number.outOfRange', { min, max }))
    )
    .transform(Number);

/** Reads a request part with a schema, or the errors naming each faulty field. */
export const readWith = <T>(schema: z.ZodType<T>, input: unknown): Reading<T> => {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  return { ok: true, value: parsed.data };
};
