/**
 * The bodies of the contact list's bulk actions. A selection is either the contacts ticked on
 * screen (`contacts`, documentIds) or every result of the list's search and filters (`search`,
 * the list's own query), never both; either way it holds at most `max` contacts (the most a bulk
 * job takes, `bulk.jobMaxContacts`).
 */
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, LINK_ROLES, type LinkRole } from '../../../../shared/constants';
import type { ListSearchParams } from '../search/request';
import { coded, fieldErrorsOfIssues } from '../../validation/issues';
import { fieldError, problem } from '../../validation/messages';
import type { FieldError, Reading } from '../../validation/types';
import { readContactListQuery, type ContactListFilters } from './admin-request';

export const BULK_TARGETS = ['client', 'offer'] as const;
export type BulkTarget = (typeof BULK_TARGETS)[number];

export type BulkSelection =
  | { documentIds: string[] }
  | { search: ListSearchParams; filters: ContactListFilters };

const selectionShape = {
  contacts: z.unknown().optional(),
  search: z.unknown().optional(),
};

const documentIdText = z
  .string()
  .refine((value) => DOCUMENT_ID_PATTERN.test(value), coded(problem('documentId.invalid')));

const linksBody = z.strictObject({
  ...selectionShape,
  target: z.enum(BULK_TARGETS),
  documentId: documentIdText,
  role: z.enum(LINK_ROLES),
});

const deleteBody = z.strictObject({
  ...selectionShape,
  confirm: z.number().int().nonnegative(),
});

/** The list's query keys that do not choose contacts: a selection is every result, not a page. */
const PAGE_KEYS = ['cursor', 'pageSize'];

/** More contacts than a bulk action takes, named on the field that selected them. */
export const tooManyContacts = (field: 'contacts' | 'search', max: number) =>
  fieldError([field], problem('bulk.tooMany', { max }));

const readSelection = (
  body: { contacts?: unknown; search?: unknown },
  max: number
): Reading<BulkSelection> => {
  const { contacts, search } = body;
  if (contacts !== undefined && search !== undefined) {
    return { ok: false, errors: [fieldError(['contacts'], problem('bulk.contactsOrSearch'))] };
  }
  if (search !== undefined) {
    if (typeof search !== 'object' || search === null || Array.isArray(search)) {
      return { ok: false, errors: [fieldError(['search'], problem('value.notObject'))] };
    }
    const query = Object.fromEntries(Object.entries(search).filter(([key]) => !PAGE_KEYS.includes(key)));
    const read = readContactListQuery(query);
    if (!read.ok) {
      return {
        ok: false,
        errors: read.errors.map((error) => ({ ...error, path: ['search', ...error.path] })),
      };
    }
    return { ok: true, value: read.value };
  }
  if (!Array.isArray(contacts) || contacts.length === 0) {
    return { ok: false, errors: [fieldError(['contacts'], problem('bulk.empty'))] };
  }
  const errors: FieldError[] = contacts.flatMap((value, index) =>
    typeof value === 'string' && DOCUMENT_ID_PATTERN.test(value)
      ? []
      : [fieldError(['contacts', String(index)], problem('documentId.invalid'))]
  );
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 10) };
  const documentIds = [...new Set(contacts as string[])];
  if (documentIds.length > max) return { ok: false, errors: [tooManyContacts('contacts', max)] };
  return { ok: true, value: { documentIds } };
};

const readBody = <Shape extends { contacts?: unknown; search?: unknown }>(
  schema: z.ZodType<Shape>,
  body: unknown,
  max: number
): Reading<{ selection: BulkSelection; body: Shape }> => {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const selection = readSelection(parsed.data, max);
  return selection.ok ? { ok: true, value: { selection: selection.value, body: parsed.data } } : selection;
};

/** `POST /contacts/bulk/links`: one role on one client or offer for every contact selected. */
export const readBulkLinksBody = (
  body: unknown,
  max: number
): Reading<{ selection: BulkSelection; target: BulkTarget; documentId: string; role: LinkRole }> => {
  const read = readBody(linksBody, body, max);
  if (!read.ok) return read;
  const { target, documentId, role } = read.value.body;
  return { ok: true, value: { selection: read.value.selection, target, documentId, role } };
};

/** `POST /contacts/bulk/delete`: `confirm` is the count the user confirmed. */
export const readBulkDeleteBody = (
  body: unknown,
  max: number
): Reading<{ selection: BulkSelection; confirm: number }> => {
  const read = readBody(deleteBody, body, max);
  if (!read.ok) return read;
  return { ok: true, value: { selection: read.value.selection, confirm: read.value.body.confirm } };
};
