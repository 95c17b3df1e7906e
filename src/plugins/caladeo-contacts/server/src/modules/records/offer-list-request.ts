/**
 * The edge checks of the offer list (`GET /offer-list`): unknown keys, a status that is not one, a
 * date that is not a calendar date, a range that ends before it starts, and a page that is not one
 * are each refused with a 400 naming the parameter.
 */
import { z } from 'zod';
import {
  OFFER_LIST_ORDERS,
  OFFER_STATUSES,
  type OfferListOrder,
  type OfferStatus,
} from '../../../../shared/constants';
import { coded, fieldErrorsOfIssues } from '../../validation/issues';
import { fieldError, problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../search/request';

/** The longest search text: the list searches as the user types, a longer text is a mistake. */
export const MAX_OFFER_SEARCH_LENGTH = 200;

/** The deepest page offered: beyond, a search or a filter finds the offer sooner. */
export const MAX_OFFER_LIST_OFFSET = 10_000;

export type OfferListQuery = {
  q: string;
  status: OfferStatus | null;
  startFrom: string | null;
  startTo: string | null;
  order: OfferListOrder;
  offset: number;
  pageSize: number;
};

const calendarDate = z
  .string()
  .refine((value) => z.iso.date().safeParse(value).success, coded(problem('date.invalid')));

const offerListQuery = z.strictObject({
  q: z
    .string()
    .max(MAX_OFFER_SEARCH_LENGTH, coded(problem('text.tooLong', { max: MAX_OFFER_SEARCH_LENGTH })))
    .optional(),
  status: z
    .string()
    .refine(
      (value) => (OFFER_STATUSES as readonly string[]).includes(value),
      coded(problem('choice.invalid', { allowed: OFFER_STATUSES.join(', ') }))
    )
    .optional(),
  startFrom: calendarDate.optional(),
  startTo: calendarDate.optional(),
  order: z
    .string()
    .refine(
      (value) => (OFFER_LIST_ORDERS as readonly string[]).includes(value),
      coded(problem('choice.invalid', { allowed: OFFER_LIST_ORDERS.join(', ') }))
    )
    .optional(),
  // the list's pages: the cursor its previous page gave, the offset of the next one
  cursor: z
    .string()
    .refine(
      (value) => {
        if (!/^\d{1,6}$/.test(value)) return false;
        return Number(value) <= MAX_OFFER_LIST_OFFSET;
      },
      coded(problem('search.cursorInvalid'))
    )
    .optional(),
  pageSize: z
    .string()
    .refine(
      (value) => {
        const size = Number(value);
        return /^\d+$/.test(value) && size >= 1 && size <= MAX_PAGE_SIZE;
      },
      coded(problem('number.outOfRange', { min: 1, max: MAX_PAGE_SIZE }))
    )
    .optional(),
});

export const readOfferListQuery = (query: unknown): Reading<OfferListQuery> => {
  const parsed = offerListQuery.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const { q, status, startFrom, startTo, order, cursor, pageSize } = parsed.data;
  if (startFrom && startTo && startTo < startFrom) {
    return {
      ok: false,
      errors: [fieldError(['startTo'], problem('date.beforeStart', { startDate: startFrom }))],
    };
  }
  return {
    ok: true,
    value: {
      q: q?.trim() ?? '',
      status: (status as OfferStatus | undefined) ?? null,
      startFrom: startFrom || null,
      startTo: startTo || null,
      order: (order as OfferListOrder | undefined) ?? 'startDate',
      offset: cursor ? Number(cursor) : 0,
      pageSize: pageSize ? Number(pageSize) : DEFAULT_PAGE_SIZE,
    },
  };
};
