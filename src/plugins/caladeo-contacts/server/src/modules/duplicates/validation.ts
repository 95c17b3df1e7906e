/**
 * The edge check of the duplicate routes. The body names only contact fields of the catalogue
 * (a typo is refused, naming the key); their values are what a person is still typing, so a value
 * the contact rules would refuse (half a phone number) is left out of the comparison rather
 * than refused: a check explains, it never blocks.
 */
import { z } from 'zod';
import {
  DOCUMENT_ID_PATTERN,
  DUPLICATE_PAIR_STATUSES,
  DUPLICATE_REASONS,
} from '../../../../shared/constants';
import { fieldNames, type CONTACT_FIELD_CATALOGUE } from '../../../../shared/fields';
import { normaliseClientPatch, normaliseContactPatch, type NormaliseResult } from '../../validation';
import { coded, fieldErrorsOfIssues, wholeNumber } from '../../validation/issues';
import { problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';
import type { ComparedClient, ComparedContact } from './reasons';
import type { PairListQuery } from './services/duplicate-pairs';

/** A contact is linked to few clients; more in a check is not a form's input. */
const MAX_CLIENTS = 50;

const documentId = z
  .string(coded(problem('documentId.invalid')))
  .refine((value) => DOCUMENT_ID_PATTERN.test(value), coded(problem('documentId.invalid')));

const contactFields = Object.fromEntries(
  fieldNames('contact').map((name) => [name, z.unknown().optional()])
) as Record<keyof typeof CONTACT_FIELD_CATALOGUE, z.ZodOptional<z.ZodUnknown>>;

const checkData = z.strictObject({
  ...contactFields,
  /** The contact being edited: not its own duplicate, and its stored fields fill the others. */
  documentId: documentId.optional(),
  /** The clients the contact is (or will be) linked to. */
  clients: z.array(documentId).max(MAX_CLIENTS).optional(),
});

const checkBody = z.strictObject({ data: z.unknown() });

export type DuplicateCheck = {
  typed: Record<string, unknown>;
  documentId: string | null;
  clients: string[];
};

/**
 * `{ data: { …contact fields, documentId?, clients? } }`; unknown keys are a 400 naming them, as
 * the record writes do (`['nickname']`, not `['data', 'nickname']`).
 */
export const readDuplicateCheck = (body: unknown): Reading<DuplicateCheck> => {
  const envelope = checkBody.safeParse(body ?? {});
  if (!envelope.success) return { ok: false, errors: fieldErrorsOfIssues(envelope.error.issues) };
  const parsed = checkData.safeParse(envelope.data.data ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const { documentId: edited, clients, ...typed } = parsed.data;
  return { ok: true, value: { typed, documentId: edited ?? null, clients: clients ?? [] } };
};

type Normalise = (
  patch: Record<string, unknown>,
  existing: never
) => NormaliseResult<Record<string, unknown>>;

/**
 * The typed fields as the record's rules would store them, over the stored record's when one is
 * being edited; the fields those rules refuse are dropped. `blank` stands for what a form being
 * filled in has not given yet (a name), so that the other fields are still read.
 */
const comparableRecord = (
  normalise: Normalise,
  blank: Record<string, unknown>,
  typed: Record<string, unknown>,
  stored: Record<string, unknown> | null
): Record<string, unknown> => {
  const base = stored ?? blank;
  let patch = { ...typed };
  for (;;) {
    const result = normalise(patch, base as never);
    if (result.ok) return { ...stored, ...result.data };
    const refused = new Set(result.errors.map((error) => error.path[0]));
    const kept = Object.fromEntries(Object.entries(patch).filter(([key]) => !refused.has(key)));
    if (Object.keys(kept).length === Object.keys(patch).length) return { ...stored };
    patch = kept;
  }
};

/**
 * The typed fields as the contact rules would store them (E.164 phone, lower-case e-mail…),
 * over the stored contact's when one is being edited; the fields those rules refuse are dropped.
 */
export const comparableContact = (
  typed: Record<string, unknown>,
  stored: Record<string, unknown> | null,
  clients: readonly string[]
): ComparedContact => ({
  // a form being filled in may have neither name nor e-mail yet: the check still reads the phone
  ...comparableRecord(normaliseContactPatch as Normalise, { lastName: 'unnamed' }, typed, stored),
  clients,
});

/** The typed fields of a client as its rules would store them (compact SIRET…), over the stored client's. */
export const comparableClient = (
  typed: Record<string, unknown>,
  stored: Record<string, unknown> | null
): ComparedClient =>
  comparableRecord(normaliseClientPatch as Normalise, { name: 'unnamed' }, typed, stored) as ComparedClient;

const clientCheckData = z.strictObject({
  ...(Object.fromEntries(fieldNames('client').map((name) => [name, z.unknown().optional()])) as Record<
    string,
    z.ZodOptional<z.ZodUnknown>
  >),
  /** The client being edited: not its own duplicate, and its stored fields fill the others. */
  documentId: documentId.optional(),
});

export type ClientDuplicateCheck = { typed: Record<string, unknown>; documentId: string | null };

/** `{ data: { …client fields, documentId? } }`; unknown keys are a 400 naming them. */
export const readClientDuplicateCheck = (body: unknown): Reading<ClientDuplicateCheck> => {
  const envelope = checkBody.safeParse(body ?? {});
  if (!envelope.success) return { ok: false, errors: fieldErrorsOfIssues(envelope.error.issues) };
  const parsed = clientCheckData.safeParse(envelope.data.data ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  const { documentId: edited, ...typed } = parsed.data as Record<string, unknown> & { documentId?: string };
  return { ok: true, value: { typed, documentId: edited ?? null } };
};

const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;

const pairListQuery = z.strictObject({
  status: z.enum(DUPLICATE_PAIR_STATUSES).default('open'),
  reason: z.enum(DUPLICATE_REASONS).optional(),
  client: documentId.optional(),
  page: wholeNumber(1, MAX_PAGE).default(1),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).default(25),
});

/**
 * The list of pairs: `status` (open unless said), `reason`, `client` (a client's documentId: pairs
 * where either contact is linked to it), `page`, `pageSize`; nothing else.
 */
export const readPairListQuery = (query: unknown): Reading<PairListQuery> => {
  const parsed = pairListQuery.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };
  return { ok: true, value: parsed.data as PairListQuery };
};
