import { z } from 'zod';
import { JOB_STATES, type JobState } from '../../../../shared/constants';
import { fieldErrorsOfIssues, wholeNumber } from '../../validation/issues';
import type { Reading } from '../../validation/types';
import type { JobListQuery } from './services/jobs';

const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;

const listQuery = z.strictObject({
  state: z.enum(JOB_STATES).optional(),
  kind: z.string().max(100).optional(),
  page: wholeNumber(1, MAX_PAGE).optional(),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).optional(),
});

/** The "Tâches" page's list query: `state`, `kind`, `page`, `pageSize`; nothing else. */
export const readJobListQuery = (query: unknown): Reading<JobListQuery> => {
  const parsed = listQuery.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const { state, kind, page = 1, pageSize = 25 } = parsed.data;
  return { ok: true, value: { state: state as JobState | undefined, kind, page, pageSize } };
};

const jobId = z.strictObject({ id: wholeNumber(1, 2_147_483_647) });

/** A job named in a path: a positive whole number. */
export const readJobId = (params: unknown): Reading<number> => {
  const parsed = jobId.safeParse(params ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  return { ok: true, value: parsed.data.id };
};
