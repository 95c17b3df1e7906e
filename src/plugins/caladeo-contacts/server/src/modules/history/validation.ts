import { z } from 'zod';
import { HISTORY_ACTIONS, HISTORY_ENTRY_POINTS } from '../../../../shared/constants';
import { coded, fieldErrorsOfIssues, wholeNumber } from '../../validation/issues';
import { problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';
import type { HistoryListQuery } from './services/history';

const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;

/** A moment as ISO 8601 (`2026-12-03` or `2026-12-03T10:00:00Z`). */
const moment = z
  .string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value),
    coded(problem('field.invalid'))
  )
  .transform((value) => new Date(value))
  .refine((value) => !Number.isNaN(value.getTime()), coded(problem('field.invalid')));

const listQuery = z.strictObject({
  action: z.enum(HISTORY_ACTIONS).optional(),
  entryPoint: z.enum(HISTORY_ENTRY_POINTS).optional(),
  from: moment.optional(),
  to: moment.optional(),
  page: wholeNumber(1, MAX_PAGE).optional(),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).optional(),
});

/**
 * A history page's query: `action`, `entryPoint`, `from` and `to` (ISO 8601 instants, both
 * included; a date alone is its midnight UTC),
 * `page`, `pageSize` (25 unless said, 100 at most); any other key is a 400 naming it.
 */
export const readHistoryQuery = (query: unknown): Reading<HistoryListQuery> => {
  const parsed = listQuery.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const { page = 1, pageSize = 25, ...filters } = parsed.data;
  return { ok: true, value: { ...filters, page, pageSize } };
};
