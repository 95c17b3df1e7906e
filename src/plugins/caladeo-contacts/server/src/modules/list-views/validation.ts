/**
 * The edge checks of saved views and column choices: a view's state names only the list's own
 * columns, filters, orders and page sizes, each value bounded, so a stored view is always one the
 * list can show. Unknown keys are refused at every level.
 */
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, LINK_ROLES } from '../../../../shared/constants';
import {
  LIST_COLUMNS,
  LIST_VIEW_ORDERS,
  LIST_VIEW_PAGE_SIZES,
  MAX_LIST_VIEW_NAME,
  MAX_LIST_VIEW_SEARCH,
  type ListViewList,
  type ListViewState,
} from '../../../../shared/list-views';
import { coded, readWith, reportProblem } from '../../validation/issues';
import { problem, type Problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';

/** A part that must be of one shape first: anything else is this problem, before its own checks. */
const shaped = <Schema extends z.ZodType>(
  isShape: (raw: unknown) => boolean,
  found: Problem,
  schema: Schema
) =>
  z
    .unknown()
    .transform((raw, context) => (isShape(raw) ? raw : reportProblem(context, found, raw)))
    .pipe(schema);

const isPlainObject = (raw: unknown) => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

const FILTER_SCHEMAS = {
  contacts: z.strictObject({
    client: z
      .string(coded(problem('text.notString')))
      .refine((value) => DOCUMENT_ID_PATTERN.test(value), coded(problem('documentId.invalid')))
      .optional(),
    country: z
      .string(coded(problem('text.notString')))
      .refine((value) => /^[A-Z]{2}$/.test(value), coded(problem('country.notAlpha2')))
      .optional(),
    newsletter: z.enum(['true', 'false']).optional(),
    role: z.enum(LINK_ROLES).optional(),
  }),
} satisfies Record<ListViewList, z.ZodType>;

/** A list's columns: known ones, each once, the first column (the name) always among them. */
const columnsOf = (list: ListViewList) => {
  const [first] = LIST_COLUMNS[list];
  return shaped(
    Array.isArray,
    problem('listView.columnsNotList'),
    z
      .array(z.enum(LIST_COLUMNS[list]))
      .refine(
        (columns) => new Set(columns).size === columns.length,
        coded(problem('listView.columnRepeated'))
      )
      .refine((columns) => columns.includes(first), coded(problem('listView.columnsWithoutName', { first })))
  );
};

const stateOf = (list: ListViewList) =>
  shaped(
    isPlainObject,
    problem('value.notObject'),
    z.strictObject({
      q: z
        .string(coded(problem('text.notString')))
        .max(MAX_LIST_VIEW_SEARCH)
        .optional(),
      filters: FILTER_SCHEMAS[list].default({}),
      columns: columnsOf(list),
      order: z.enum(LIST_VIEW_ORDERS).optional(),
      pageSize: z
        .number(coded(problem('choice.invalid', { allowed: LIST_VIEW_PAGE_SIZES.join(', ') })))
        .refine(
          (size) => (LIST_VIEW_PAGE_SIZES as readonly number[]).includes(size),
          coded(problem('choice.invalid', { allowed: LIST_VIEW_PAGE_SIZES.join(', ') }))
        )
        .optional(),
    })
  );

const viewName = z
  .unknown()
  .transform((raw, context) =>
    raw === undefined || raw === null
      ? reportProblem(context, problem('required'), raw)
      : typeof raw === 'string'
        ? raw
        : reportProblem(context, problem('text.notString'), raw)
  )
  .pipe(z.string())
  .transform((name) => name.trim())
  .refine((name) => name.length > 0, coded(problem('required')))
  .refine(
    (name) => name.length <= MAX_LIST_VIEW_NAME,
    coded(problem('text.tooLong', { max: MAX_LIST_VIEW_NAME }))
  );

export type ListViewInput = { name: string; state: ListViewState };
export type ListViewPatch = Partial<ListViewInput>;

/** A view to save: a name of 1 to 80 characters and the state of the list it is for. */
export const readListViewInput = (list: ListViewList, body: unknown): Reading<ListViewInput> =>
  readWith(z.strictObject({ name: viewName, state: stateOf(list) }) as z.ZodType<ListViewInput>, body);

/** A view's rename or new state: either, or both; an empty body is refused on `name`. */
export const readListViewPatch = (list: ListViewList, body: unknown): Reading<ListViewPatch> =>
  readWith(
    z
      .strictObject({ name: viewName.optional(), state: stateOf(list).optional() })
      .refine((patch) => patch.name !== undefined || patch.state !== undefined, {
        ...coded(problem('required')),
        path: ['name'],
      }) as z.ZodType<ListViewPatch>,
    body
  );

/** A user's columns for a list, in the order they are shown. */
export const readListColumns = (list: ListViewList, body: unknown): Reading<{ columns: string[] }> =>
  readWith(z.strictObject({ columns: columnsOf(list) }) as z.ZodType<{ columns: string[] }>, body);
