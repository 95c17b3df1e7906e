/**
 * The edge checks of the retention routes: policy changes, legal holds and the lists' queries.
 * Everything that can be told from the request alone is refused here, naming the field.
 */
import { z } from 'zod';
import {
  DOCUMENT_ID_PATTERN,
  MAX_LEGAL_HOLD_REASON,
  MAX_RETENTION_MONTHS,
  RETENTION_POLICIES,
  type RetentionPolicy,
} from '../../../../shared/constants';
import { coded, readWith, wholeNumber } from '../../validation/issues';
import { problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';
import type { PolicySetting } from './settings';
import type { HoldListQuery } from './services/legal-holds';
import type { PreviewQuery } from './services/retention';

const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;
const MAX_ROW_ID = 2_147_483_647;

const read = readWith;

const months = z
  .unknown()
  .refine(
    (value) =>
      typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RETENTION_MONTHS,
    coded(problem('number.outOfRange', { min: 1, max: MAX_RETENTION_MONTHS }))
  )
  .transform((value) => value as number);

const policyBody = z.strictObject({
  data: z.strictObject({ enabled: z.boolean(coded(problem('boolean.invalid'))), months }),
});

/** `{ data: { enabled, months } }` of `PUT …/retention/policies/:policy`. */
export const readPolicySetting = (input: unknown): Reading<PolicySetting> => {
  const reading = read(policyBody, input);
  return reading.ok ? { ok: true, value: reading.value.data } : reading;
};

/** The policy named in a path, or null (the route answers 404 naming it). */
export const policyOfParam = (value: unknown): RetentionPolicy | null =>
  (RETENTION_POLICIES as readonly string[]).includes(String(value)) ? (value as RetentionPolicy) : null;

const reason = z
  .string()
  .transform((value) => value.trim())
  .refine((value) => value.length > 0, coded(problem('required')))
  .refine(
    (value) => value.length <= MAX_LEGAL_HOLD_REASON,
    coded(problem('text.tooLong', { max: MAX_LEGAL_HOLD_REASON }))
  );

const documentId = z
  .string(coded(problem('documentId.invalid')))
  .refine((value) => DOCUMENT_ID_PATTERN.test(value), coded(problem('documentId.invalid')));

const placeBody = z.strictObject({ data: z.strictObject({ contact: documentId, reason }) });
const liftBody = z.strictObject({ data: z.strictObject({ reason }) });

/** `{ data: { contact, reason } }` of `POST …/retention/holds`. */
export const readHoldRequest = (input: unknown): Reading<{ contact: string; reason: string }> => {
  const reading = read(placeBody, input);
  return reading.ok ? { ok: true, value: reading.value.data } : reading;
};

/** `{ data: { reason } }` of `POST …/retention/holds/:holdId/lift`. */
export const readLiftRequest = (input: unknown): Reading<{ reason: string }> => {
  const reading = read(liftBody, input);
  return reading.ok ? { ok: true, value: reading.value.data } : reading;
};

const holdList = z.strictObject({
  active: z.enum(['true', 'false'], coded(problem('boolean.invalid'))).optional(),
  contact: documentId.optional(),
  page: wholeNumber(1, MAX_PAGE).optional(),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).optional(),
});

export const readHoldListQuery = (query: unknown): Reading<HoldListQuery> => {
  const reading = read(holdList, query);
  if (!reading.ok) return reading;
  const { active, contact, page = 1, pageSize = 25 } = reading.value;
  return {
    ok: true,
    value: { active: active === undefined ? undefined : active === 'true', contact, page, pageSize },
  };
};

const previewQuery = z.strictObject({
  policy: z.enum(RETENTION_POLICIES).optional(),
  after: wholeNumber(0, MAX_ROW_ID).optional(),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).optional(),
});

/** `?policy=&after=&pageSize=` of the preview: `after` is the `meta.nextAfter` of the page before. */
export const readPreviewQuery = (query: unknown): Reading<PreviewQuery> => {
  const reading = read(previewQuery, query);
  if (!reading.ok) return reading;
  const { policy = 'prospect', after = 0, pageSize = 25 } = reading.value;
  return { ok: true, value: { policy, after, pageSize } };
};

const runList = z.strictObject({
  page: wholeNumber(1, MAX_PAGE).optional(),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).optional(),
});

export const readRunListQuery = (query: unknown): Reading<{ page: number; pageSize: number }> => {
  const reading = read(runList, query);
  if (!reading.ok) return reading;
  return { ok: true, value: { page: reading.value.page ?? 1, pageSize: reading.value.pageSize ?? 25 } };
};

/** A hold named in a path. */
export const readHoldId = (params: unknown): Reading<string> => {
  const reading = read(z.object({ holdId: documentId }), params);
  return reading.ok ? { ok: true, value: reading.value.holdId } : reading;
};
