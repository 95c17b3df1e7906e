/**
 * The edge checks of the plugin's admin routes: list queries and request bodies. Unknown keys are
 * refused (a typo must not be silently ignored); field values themselves are left to the record
 * normalisers, which every write crosses in the document service.
 */
import { z } from 'zod';
import {
  BULK_MAX_CONTACTS,
  CLIENT_TYPES,
  DOCUMENT_ID_PATTERN,
  LINK_ROLES,
  MAX_LENGTH,
  type ClientType,
} from '../../../../shared/constants';
import { readListSearchParams, type ListSearchParams } from '../search/request';
import { coded, fieldErrorsOfIssues, reportProblem } from '../../validation/issues';
import { fieldError, problem } from '../../validation/messages';
import { containsControlCharacter } from '../../validation/text';
import type { Reading } from '../../validation/types';

const MAX_DOCUMENT_ID_LENGTH = 64;

/** A record named in a body or a filter: a missing one is "required", anything else not an id is invalid. */
const documentId = z.unknown().transform((raw, context): string => {
  if (raw === undefined || raw === null) {
    return reportProblem(context, problem('required'), raw);
  }
  const trimmed = typeof raw === 'string' ? raw.trim() : '';
  if (trimmed.length === 0 || trimmed.length > MAX_DOCUMENT_ID_LENGTH) {
    return reportProblem(context, problem('documentId.invalid'), raw);
  }
  return trimmed;
});

const listBase = {
  q: z.string().max(200).optional(),
  order: z.string().optional(),
  cursor: z.string().optional(),
  pageSize: z.string().optional(),
  // `false`: the rows without their total, which `GET …/count` gives apart
  withCount: z.string().optional(),
};

/** What a list's count takes: its search and filters, not its order nor its pages. */
const COUNT_OMITS = { order: true, cursor: true, pageSize: true, withCount: true } as const;

/** The filters both lists share: a country by its ISO code, a yes/no as `true` or `false`. */
const countryFilter = z
  .string()
  .refine((value) => /^[A-Z]{2}$/.test(value), coded(problem('country.notAlpha2')))
  .optional();
const yesNoFilter = z
  .string()
  .refine((value) => value === 'true' || value === 'false', coded(problem('boolean.invalid')))
  .optional();

const contactListQuery = z.strictObject({
  ...listBase,
  client: documentId.optional(),
  country: countryFilter,
  newsletter: yesNoFilter,
  role: z.enum(LINK_ROLES).optional(),
  // the contacts ticked on screen, comma-separated: the export of a selection
  documentIds: z
    .string()
    .refine(
      (value) => value.split(',').every((id) => DOCUMENT_ID_PATTERN.test(id)),
      coded(problem('documentId.invalid'))
    )
    .refine(
      (value) => value.split(',').length <= BULK_MAX_CONTACTS,
      coded(problem('bulk.tooMany', { max: BULK_MAX_CONTACTS }))
    )
    .optional(),
});

const clientListQuery = z.strictObject({
  ...listBase,
  type: z.enum(CLIENT_TYPES).optional(),
  // a part of the town's name, as typed in the filter
  city: z
    .string()
    .max(MAX_LENGTH.city)
    .refine((value) => !containsControlCharacter(value), coded(problem('text.controlCharacters')))
    .optional(),
  country: countryFilter,
  hasPrimary: yesNoFilter,
});

const contactCountQuery = contactListQuery.omit(COUNT_OMITS);
const clientCountQuery = clientListQuery.omit(COUNT_OMITS);

export type ContactListFilters = {
  client?: string;
  country?: string;
  newsletter?: boolean;
  role?: (typeof LINK_ROLES)[number];
  documentIds?: string[];
};

export type ClientListFilters = {
  type?: ClientType;
  city?: string;
  country?: string;
  /** Whether the client has a primary contact (the person its documents are addressed to). */
  hasPrimary?: boolean;
};

const readSearch = (query: {
  q?: string;
  order?: string;
  cursor?: string;
  pageSize?: string;
  withCount?: string;
}) => {
  const pagination = Object.fromEntries(
    Object.entries({ pageSize: query.pageSize, withCount: query.withCount }).filter(
      ([, value]) => value !== undefined
    )
  );
  const read = readListSearchParams({
    q: query.q,
    order: query.order,
    cursor: query.cursor || undefined,
    pagination: Object.keys(pagination).length > 0 ? pagination : undefined,
  });
  if (read.ok) return read;
  // the admin sends `pageSize` and `withCount` at the top level, not under `pagination`
  return {
    ok: false as const,
    errors: read.errors.map((error) =>
      error.path[0] === 'pagination' ? { ...error, path: error.path.slice(1) } : error
    ),
  };
};

const readContactQuery = (
  schema: typeof contactListQuery | typeof contactCountQuery,
  query: unknown
): Reading<{ search: ListSearchParams; filters: ContactListFilters }> => {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const { client, country, newsletter, role, documentIds, ...rest } = parsed.data;
  const search = readSearch(rest);
  if (!search.ok) return search;
  const filters: ContactListFilters = {};
  if (client) filters.client = client;
  if (country) filters.country = country;
  if (newsletter) filters.newsletter = newsletter === 'true';
  if (role) filters.role = role;
  if (documentIds) filters.documentIds = [...new Set(documentIds.split(','))];
  return { ok: true, value: { search: search.params, filters } };
};

const readClientQuery = (
  schema: typeof clientListQuery | typeof clientCountQuery,
  query: unknown
): Reading<{ search: ListSearchParams; filters: ClientListFilters }> => {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const { type, city, country, hasPrimary, ...rest } = parsed.data;
  const search = readSearch(rest);
  if (!search.ok) return search;
  const filters: ClientListFilters = {};
  if (type) filters.type = type;
  if (city?.trim()) filters.city = city.trim();
  if (country) filters.country = country;
  if (hasPrimary) filters.hasPrimary = hasPrimary === 'true';
  return { ok: true, value: { search: search.params, filters } };
};

export const readContactListQuery = (query: unknown) => readContactQuery(contactListQuery, query);
export const readClientListQuery = (query: unknown) => readClientQuery(clientListQuery, query);

/** The count of a list (`GET /contacts/count`, `GET /clients/count`): its search and filters only. */
export const readContactCountQuery = (query: unknown) => readContactQuery(contactCountQuery, query);
export const readClientCountQuery = (query: unknown) => readClientQuery(clientCountQuery, query);

/** A record body holds only the record's own fields; the values are the normaliser's business. */
export const readRecordBody = (
  body: unknown,
  fields: readonly string[]
): Reading<Record<string, unknown>> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [fieldError([], problem('value.notObject'))] };
  }
  const allowed = new Set(fields);
  const unknown = Object.keys(body).filter((key) => !allowed.has(key));
  if (unknown.length > 0) {
    return { ok: false, errors: unknown.map((key) => fieldError([key], problem('field.notAllowed'))) };
  }
  return { ok: true, value: body as Record<string, unknown> };
};

/** The record a link body names: the client or offer from a contact's page, the contact from an offer's. */
type LinkEnd = 'client' | 'offer' | 'contact';

const linkCreateBody = (targetField: LinkEnd) =>
  z.strictObject({
    [targetField]: documentId,
    role: z.unknown(),
    isPrimary: z.unknown().optional(),
    // an undone detach gives the primary back only if nobody took it meanwhile
    primaryIfFree: z.boolean().optional(),
  });

export const readLinkCreateBody = (body: unknown, targetField: LinkEnd): Reading<Record<string, unknown>> => {
  const parsed = linkCreateBody(targetField).safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
};

const linkUpdateBody = z.strictObject({ role: z.unknown().optional(), isPrimary: z.unknown().optional() });

export const readLinkUpdateBody = (body: unknown): Reading<Record<string, unknown>> => {
  const parsed = linkUpdateBody.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
};
