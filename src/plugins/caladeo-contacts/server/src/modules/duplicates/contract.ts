/** What the API document says of the duplicate routes (docs/duplicates.md). */
import { z } from 'zod';
import {
  CLIENT_DUPLICATE_REASONS,
  CLIENT_TYPES,
  DOCUMENT_ID_PATTERN,
  DUPLICATE_PAIR_STATUSES,
  DUPLICATE_REASONS,
  JOB_STATES,
} from '../../../../shared/constants';
import { documentIdSchema, formatted, integer, singleEnvelope, type RouteDocs } from '../api-docs';

const shownContact = z.object({
  documentId: documentIdSchema,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
});

const likelyDuplicate = z
  .object({
    contact: shownContact,
    score: z.number().min(0).max(1).meta({ description: 'How likely the two are one person, 0 to 1.' }),
    reasons: z.array(z.enum(DUPLICATE_REASONS)),
  })
  .meta({ id: 'LikelyDuplicate', description: 'A stored contact that may be the same person, and why.' });

export const DUPLICATES_ANSWER = z.object({ data: z.array(likelyDuplicate), meta: z.object({}) });

const documentIdInput = z.string().regex(DOCUMENT_ID_PATTERN);

export const CHECK_BODY = {
  'application/json': z.object({
    data: z
      .object({
        documentId: documentIdInput.optional().meta({
          description: 'The contact being edited: left out of the answer; its stored fields fill the others.',
        }),
        clients: z
          .array(documentIdInput)
          .max(50)
          .optional()
          .meta({ description: 'The clients the contact is or will be linked to.' }),
      })
      .catchall(z.unknown())
      .meta({
        description:
          'Any contact fields (firstName, lastName, email, phone, postalCode, city, country…), as typed; a value the contact rules refuse is left out of the comparison.',
      }),
  }),
};

export const DUPLICATES_PARAMS = { documentId: documentIdSchema };

const REASONS_TEXT =
  'Reasons: `email` (the same address: saving it is refused), `phone` (the same number in E.164), `nameAndPostalCode`, `nameAndCity`, `nameAndClient` (the same folded first and last name with the same postal code, city or client), `similarNameAndPostalCode` (names similar by trigrams in one postal code, each part close to its counterpart), `emailLocalPart` (the same personal part before the @ on another domain).';

/** The check of a record not yet saved, and the list of a stored one's likely duplicates. */
const duplicatesDocs = (record: 'contact' | 'client', described: string, reasons: string) =>
  ({
    find: {
      tag: record === 'contact' ? 'Contacts' : 'Clients',
      summary: `Check a ${record} not yet saved for likely duplicates`,
      description: `Answers the stored ${record}s that may be ${described}, best first (10 at most). Nothing is written; a warning never blocks a save. ${reasons}`,
      success: { status: 200, description: 'The likely duplicates, best first.' },
      errors: {
        400: `The body names a key that is not a ${record} field, or a malformed documentId.`,
        404: `The documentId names no ${record}.`,
      },
    },
    findOne: {
      tag: record === 'contact' ? 'Contacts' : 'Clients',
      summary: `List the likely duplicates of a ${record}`,
      description: reasons,
      success: { status: 200, description: 'The likely duplicates, best first.' },
      errors: { 400: 'The documentId is malformed.', 404: `No ${record} has this documentId.` },
    },
  }) satisfies Record<string, RouteDocs>;

export const DUPLICATES_DOCS = duplicatesDocs('contact', 'the person described', REASONS_TEXT);

const likelyClientDuplicate = z
  .object({
    client: z.object({
      documentId: documentIdSchema,
      name: z.string(),
      type: z.enum(CLIENT_TYPES),
      siret: z.string().nullable(),
      postalCode: z.string().nullable(),
      city: z.string().nullable(),
      updatedAt: z.string(),
    }),
    score: z.number().min(0).max(1).meta({ description: 'How likely the two are one body, 0 to 1.' }),
    reasons: z.array(z.enum(CLIENT_DUPLICATE_REASONS)),
  })
  .meta({ id: 'LikelyClientDuplicate', description: 'A stored client that may be the same body, and why.' });

export const CLIENT_DUPLICATES_ANSWER = z.object({
  data: z.array(likelyClientDuplicate),
  meta: z.object({}),
});

export const CLIENT_CHECK_BODY = {
  'application/json': z.object({
    data: z
      .object({
        documentId: documentIdInput.optional().meta({
          description: 'The client being edited: left out of the answer; its stored fields fill the others.',
        }),
      })
      .catchall(z.unknown())
      .meta({
        description:
          'Any client fields (name, siret, city, type…), as typed; a value the client rules refuse is left out of the comparison.',
      }),
  }),
};

const CLIENT_REASONS_TEXT =
  'Reasons: `siret` (the same SIRET, its digits alone), `nameAndCity` (the same name, ignoring case, accents, punctuation and legal-form words such as SARL, SAS or Association, in the same folded city).';

export const CLIENT_DUPLICATES_DOCS = duplicatesDocs('client', 'the body described', CLIENT_REASONS_TEXT);

const pairContact = shownContact.meta({ description: 'One contact of the pair, as shown side by side.' });

const duplicatePair = z
  .object({
    documentId: documentIdSchema,
    score: z.number().min(0).max(1).meta({ description: 'How likely the two are one person, 0 to 1.' }),
    reasons: z.array(z.enum(DUPLICATE_REASONS)),
    status: z.enum(DUPLICATE_PAIR_STATUSES),
    dismissedBy: z.string().nullable(),
    dismissedAt: formatted('date-time').nullable(),
    contacts: z.array(pairContact).meta({ description: 'The two contacts, the older first.' }),
  })
  .meta({ id: 'DuplicatePair', description: 'Two stored contacts the duplicate scan found alike, and why.' });

export const PAIRS_ANSWER = z.object({
  data: z.array(duplicatePair),
  meta: z.object({
    pagination: z.object({ page: integer(), pageSize: integer(), total: integer() }),
  }),
});

export const PAIR_ANSWER = singleEnvelope(duplicatePair);

export const PAIRS_QUERY = {
  status: z.enum(DUPLICATE_PAIR_STATUSES).optional().meta({ description: '`open` unless said.' }),
  reason: z.enum(DUPLICATE_REASONS).optional().meta({ description: 'Pairs that have this reason.' }),
  client: documentIdSchema
    .optional()
    .meta({ description: 'Pairs where either contact is linked to this client.' }),
  page: integer().optional(),
  pageSize: integer().optional().meta({ description: '25 unless said, at most 100.' }),
};

export const PAIR_PARAMS = { documentId: documentIdSchema };

const scanJob = z
  .object({
    id: integer(),
    state: z.enum(JOB_STATES),
    progressDone: integer().nullable(),
    progressTotal: integer().nullable(),
    lastError: z.string().nullable(),
    startedAt: formatted('date-time').nullable(),
    finishedAt: formatted('date-time').nullable(),
    createdAt: formatted('date-time'),
  })
  .meta({ id: 'DuplicateScan', description: 'The background job of a duplicate scan.' });

export const SCAN_ANSWER = singleEnvelope(scanJob);
export const LATEST_SCAN_ANSWER = singleEnvelope(scanJob.nullable());

export const PAIRS_DOCS = {
  find: {
    tag: 'Contacts',
    summary: 'List the likely duplicate pairs the scan found',
    description: `Best score first. The pairs come from the scan of the whole base (once a day, or on demand) and are refreshed after each write of a contact. ${REASONS_TEXT}`,
    success: { status: 200, description: 'A page of pairs.' },
    errors: {
      400: 'An unknown query key, reason or status, a malformed client documentId, or a page out of range.',
    },
  },
  dismiss: {
    tag: 'Contacts',
    summary: 'Mark a pair as not a duplicate',
    description: 'The pair is kept as dismissed: no later scan or refresh proposes it again.',
    success: { status: 200, description: 'The pair, dismissed.' },
    errors: {
      400: 'The documentId is malformed, or the pair is not open.',
      404: 'No pair has this documentId.',
    },
  },
  scan: {
    tag: 'Contacts',
    summary: 'Run the duplicate scan of the whole base',
    description:
      'Queues the scan as a background job; if one is queued or running already, that one is answered.',
    success: { status: 202, description: 'The scan’s job.' },
  },
  findOne: {
    tag: 'Contacts',
    summary: 'The latest duplicate scan',
    description: 'Its state and progress; `data` is null before the first scan.',
    success: { status: 200, description: 'The latest scan’s job, or null.' },
  },
} satisfies Record<string, RouteDocs>;
