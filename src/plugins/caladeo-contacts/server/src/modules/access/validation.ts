/**
 * The edge checks of the access-request routes: the export's `format` and `locale`, and the
 * lookup's e-mail or phone, normalised as every contact write normalises them (validation/), so
 * that the lookup compares like with like: a lower-cased address, an E.164 number.
 */
import { z } from 'zod';
import { PERSON_EXPORT_LOCALES, type PersonExportLocale } from '../../../../shared/constants';
import { emailField } from '../../validation/fields';
import { coded, fieldErrorsOfIssues, problemOfIssue } from '../../validation/issues';
import { fieldError, problem } from '../../validation/messages';
import { normalisePhoneNumber } from '../../validation/phone';
import type { Reading } from '../../validation/types';

/** How a stored phone without a country is read (the agencies are French), as in address.ts. */
const LOOKUP_PHONE_COUNTRY = 'FR';

export type ExportFormat = 'json' | 'html';
export type ExportQuery = { format: ExportFormat; locale: PersonExportLocale };
export type LookupQuery = { email: string } | { phone: string };

const exportQuery = z.strictObject({
  format: z.enum(['json', 'html']).optional(),
  locale: z.enum(PERSON_EXPORT_LOCALES).optional(),
});

/** `?format=json|html` (JSON unless said) and `?locale=fr|en` (French unless said, for the summary). */
export const readExportQuery = (query: unknown): Reading<ExportQuery> => {
  const parsed = exportQuery.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  return { ok: true, value: { format: parsed.data.format ?? 'json', locale: parsed.data.locale ?? 'fr' } };
};

const lookupQuery = z.strictObject({
  email: z.string(coded(problem('text.notString'))).optional(),
  phone: z.string(coded(problem('text.notString'))).optional(),
});

/**
 * `?email=` or `?phone=`, exactly one: the address lower-cased and checked, the number read as
 * French unless written with its `+` prefix, then in E.164.
 */
export const readLookupQuery = (query: unknown): Reading<LookupQuery> => {
  const parsed = lookupQuery.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const email = parsed.data.email?.trim() || undefined;
  const phone = parsed.data.phone?.trim() || undefined;
  if (email === undefined && phone === undefined)
    return { ok: false, errors: [fieldError(['email'], problem('lookup.emailOrPhoneRequired'))] };
  if (email !== undefined && phone !== undefined)
    return { ok: false, errors: [fieldError(['phone'], problem('lookup.emailAndPhone'))] };
  if (email !== undefined) {
    const read = emailField.safeParse(email);
    const [issue] = read.success ? [] : read.error.issues;
    if (issue || !read.data) {
      const found = issue ? problemOfIssue(issue) : problem('email.invalid');
      return { ok: false, errors: [fieldError(['email'], found)] };
    }
    return { ok: true, value: { email: read.data } };
  }
  const read = normalisePhoneNumber(phone ?? '', LOOKUP_PHONE_COUNTRY);
  if (!read.ok) return { ok: false, errors: [fieldError(['phone'], read.problem)] };
  return { ok: true, value: { phone: read.value } };
};
