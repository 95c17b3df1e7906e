import { z } from 'zod';
import { IMPORT_MODES } from '../../../../shared/constants';
import { coded, fieldErrorsOfIssues } from '../../validation/issues';
import { problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';
import { IMPORT_TARGETS } from './mapping';
import type { ReadOptions } from './read-file';
import type { ImportOptions } from './services/imports';

/** A multipart field holding JSON: unreadable JSON is reported on the field. */
const jsonField = <T>(schema: z.ZodType<T>) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', ...coded(problem('body.malformedJson')) });
        return z.NEVER;
      }
    })
    .pipe(schema);

const booleanText = z
  .enum(['true', 'false'], coded(problem('boolean.invalid')))
  .transform((value) => value === 'true');

export const importTarget = z.enum(IMPORT_TARGETS as [string, ...string[]]).nullable();

const consent = z.strictObject({
  source: z.string().trim().min(1).max(200),
  consentedAt: z.iso.datetime({ offset: true }).or(z.iso.date()),
});

const importFields = z.strictObject({
  mode: z.enum(IMPORT_MODES).default('upsert'),
  dryRun: booleanText.default(false),
  clearEmpty: booleanText.default(false),
  createClients: booleanText.default(false),
  mapping: jsonField(z.record(z.string().max(200), importTarget)).optional(),
  consent: jsonField(consent).optional(),
  encoding: z.string().max(40).optional(),
  delimiter: z.enum([';', ',', '\t', '|']).optional(),
  sheet: z.string().max(100).optional(),
});

/** The multipart fields of `POST /imports` besides the file; unknown ones are refused. */
export const readImportFields = (fields: unknown): Reading<ImportOptions> => {
  const parsed = importFields.safeParse(fields ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  return { ok: true, value: parsed.data as ImportOptions };
};

const previewFields = importFields.pick({ encoding: true, delimiter: true, sheet: true });

/** The multipart fields of a preview besides the file: how to read it, nothing else. */
export const readPreviewFields = (fields: unknown): Reading<ReadOptions> => {
  const parsed = previewFields.safeParse(fields ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  return { ok: true, value: parsed.data };
};
