/**
 * The edge check of the merge routes: the survivor, the contacts merged into it and the values
 * chosen by hand. Everything that can be told from the body alone is refused here, naming the
 * field; whether the contacts exist is the service's question.
 */
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, MAX_MERGED_CONTACTS } from '../../../../shared/constants';
import { coded, fieldErrorsOfIssues } from '../../validation/issues';
import { fieldError, problem, type Problem } from '../../validation/messages';
import type { FieldError, Reading } from '../../validation/types';
import { MERGED_CLIENT_FIELDS, MERGED_FIELDS, type MergedClientField, type MergedField } from './plan';

export type MergeRequestOf<Field extends string> = {
  survivor: string;
  merged: string[];
  values: Partial<Record<Field, string>>;
};
export type MergeRequest = MergeRequestOf<MergedField>;
export type ClientMergeRequest = MergeRequestOf<MergedClientField>;

const documentId = z
  .string(coded(problem('documentId.invalid')))
  .refine((value) => DOCUMENT_ID_PATTERN.test(value), coded(problem('documentId.invalid')));

const mergeData = z.strictObject({
  survivor: documentId,
  merged: z.array(documentId, coded(problem('merge.tooFew'))),
  values: z.record(z.string(), documentId).optional(),
});

const body = z.strictObject({ data: z.unknown() });

/**
 * Reads `{ data: { survivor, merged, values } }`, or the errors naming each faulty field. `fields`
 * are those a value may be chosen for; `refusedField` tells why another field may not be chosen.
 */
const mergeRequestReader =
  <Field extends string>(fields: readonly Field[], refusedField: (field: string) => Problem | null) =>
  (input: unknown): Reading<MergeRequestOf<Field>> => {
    const outer = body.safeParse(input ?? {});
    if (!outer.success) return { ok: false, errors: fieldErrorsOfIssues(outer.error.issues) };
    const parsed = mergeData.safeParse(outer.data.data ?? {});
    if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
    const { survivor, merged, values = {} } = parsed.data;

    const errors: FieldError[] = [];
    if (merged.length === 0) errors.push(fieldError(['merged'], problem('merge.tooFew')));
    if (merged.length + 1 > MAX_MERGED_CONTACTS)
      errors.push(fieldError(['merged'], problem('merge.tooMany', { max: MAX_MERGED_CONTACTS })));
    merged.forEach((id, index) => {
      if (id === survivor) errors.push(fieldError(['merged', String(index)], problem('merge.self')));
      else if (merged.indexOf(id) !== index)
        errors.push(fieldError(['merged', String(index)], problem('merge.repeated')));
    });
    const set = new Set([survivor, ...merged]);
    for (const [field, chosen] of Object.entries(values)) {
      const refused = refusedField(field);
      if (refused) errors.push(fieldError(['values', field], refused));
      else if (!(fields as readonly string[]).includes(field))
        errors.push(fieldError(['values', field], problem('merge.unknownField')));
      else if (!set.has(chosen)) errors.push(fieldError(['values', field], problem('merge.notInSet')));
    }
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, value: { survivor, merged, values: values as Partial<Record<Field, string>> } };
  };

/** A merge of contacts: `newsletter` is never chosen, it follows the consent log. */
export const readMergeRequest = mergeRequestReader(MERGED_FIELDS, (field) =>
  field === 'newsletter' ? problem('merge.newsletterFollowsConsent') : null
);

/** A merge of clients: a value may be chosen for any client field. */
export const readClientMergeRequest = mergeRequestReader(MERGED_CLIENT_FIELDS, () => null);

/** `?preview=true` asks for the preview; no other query parameter exists. */
export const readPreviewFlag = (query: unknown): Reading<boolean> => {
  const parsed = z
    .strictObject({ preview: z.enum(['true', 'false'], coded(problem('boolean.invalid'))).optional() })
    .safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  return { ok: true, value: parsed.data.preview === 'true' };
};
