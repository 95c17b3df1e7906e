/** What the API document says of the access-request routes (docs/privacy.md). */
import { z } from 'zod';
import {
  CONSENT_ACTIONS,
  CONSENT_ACTOR_KINDS,
  HISTORY_ACTIONS,
  HISTORY_ACTOR_TYPES,
  HISTORY_ENTRY_POINTS,
  LINK_ROLES,
  PERSON_EXPORT_FORMAT,
  PERSON_EXPORT_LOCALES,
  PERSON_EXPORT_VERSION,
} from '../../../../shared/constants';
import { documentIdSchema, formatted, type RouteDocs } from '../api-docs';
import { anyObject } from '../api-docs/schemas';

const nullableText = () => z.string().nullable();
const moment = () => formatted('date-time').nullable();
const recordedValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const personExport = z
  .object({
    format: z.literal(PERSON_EXPORT_FORMAT),
    version: z.literal(PERSON_EXPORT_VERSION).meta({
      description: 'Raised on any change that could break a reader (a field removed, renamed or retyped).',
    }),
    exportedAt: formatted('date-time'),
    person: anyObject().meta({
      description:
        'Every stored field of the contact (names, gender, e-mail, phone, address, newsletter, preferredLanguage), its documentId, createdAt and updatedAt; never the private search keys.',
    }),
    clients: z.array(
      z.object({
        documentId: documentIdSchema,
        name: z.string(),
        type: z.string(),
        roles: z.array(z.enum(LINK_ROLES)),
        isPrimary: z.boolean(),
      })
    ),
    offers: z.array(
      z.object({
        documentId: documentIdSchema,
        reference: z.string(),
        title: z.string(),
        offerStatus: z.string(),
        destination: nullableText(),
        startDate: nullableText(),
        endDate: nullableText(),
        roles: z.array(z.enum(LINK_ROLES)),
        isPrimary: z.boolean(),
      })
    ),
    consentLog: z.array(
      z.object({
        occurredAt: moment(),
        action: z.enum(CONSENT_ACTIONS),
        newsletter: z.boolean().nullable(),
        source: nullableText(),
        consentTextVersion: nullableText(),
        locale: nullableText(),
        ipAddress: nullableText(),
        userAgent: nullableText(),
        actorKind: z.enum(CONSENT_ACTOR_KINDS),
        anonymisedAt: moment(),
      })
    ),
    newsletterConfirmations: z.array(
      z.object({
        createdAt: moment(),
        expiresAt: moment(),
        consumedAt: moment(),
        source: nullableText(),
        consentTextVersion: nullableText(),
        locale: nullableText(),
      })
    ),
    signUpRequests: z.array(
      z.object({
        requestedAt: moment(),
        email: z.string(),
        firstName: nullableText(),
        lastName: nullableText(),
        source: nullableText(),
        consentTextVersion: nullableText(),
        locale: nullableText(),
        ipAddress: nullableText(),
        userAgent: nullableText(),
      })
    ),
    emailAliases: z.array(z.object({ email: z.string(), since: moment() })),
    mergedRecords: z
      .array(z.object({ documentId: documentIdSchema, mergedAt: moment() }))
      .meta({ description: 'The contacts merged into this one: the same person’s earlier records.' }),
    history: z.array(
      z.object({
        documentId: documentIdSchema,
        occurredAt: formatted('date-time'),
        action: z.enum(HISTORY_ACTIONS),
        entryPoint: z.enum(HISTORY_ENTRY_POINTS),
        actor: z.object({ type: z.enum(HISTORY_ACTOR_TYPES) }),
        link: z.object({ type: z.string(), relatedDocumentId: nullableText() }).nullable(),
        changedFields: z.array(z.string()),
        changes: z
          .object({})
          .catchall(z.object({ before: recordedValue, after: recordedValue }))
          .nullable(),
      })
    ),
  })
  .meta({
    id: 'PersonExport',
    description: 'Everything the database holds about one person, and nothing about anyone else.',
  });

export const EXPORT_ANSWER = personExport;
export const EXPORT_PARAMS = { documentId: documentIdSchema };
export const EXPORT_QUERY = {
  format: z
    .enum(['json', 'html'])
    .optional()
    .meta({ description: '`json` (default): the export; `html`: a readable, printable summary of it.' }),
  locale: z
    .enum(PERSON_EXPORT_LOCALES)
    .optional()
    .meta({ description: 'The language of the summary and of the file name: `fr` (default) or `en`.' }),
};

export const LOOKUP_QUERY = {
  email: z.string().optional().meta({ description: 'An e-mail address, in any case.' }),
  phone: z
    .string()
    .optional()
    .meta({ description: 'A phone number, French unless written with its + prefix (`06 12 34 56 78`).' }),
};

export const LOOKUP_ANSWER = z.object({
  data: z.array(
    z.object({
      documentId: documentIdSchema,
      firstName: nullableText(),
      lastName: nullableText(),
      matchedBy: z.enum(['email', 'emailAlias', 'phone']).meta({
        description: '`emailAlias`: the address is one of a contact merged into this one.',
      }),
    })
  ),
});

export const ACCESS_DOCS = {
  export: {
    tag: 'Privacy',
    summary: 'Export everything held about a person',
    description:
      'For a request of access or portability (GDPR art. 15 and 20): the contact’s fields, its clients and offers with its roles, its consent log, pending confirmation links and sign-ups, its merged e-mail addresses and the history of its record, in a versioned JSON shape; nothing about the other people of its clients and offers, nor who at the agency made a change. With `?format=html`, a readable summary of the same data (`text/html`). Both are sent as attachments. The scope is given explicitly (read-only API tokens do not have it).',
    success: { status: 200, description: 'The export, as an attachment (`?format=html`: an HTML page).' },
    errors: {
      400: 'A malformed documentId, an unknown query key or a bad format or locale.',
      404: 'No contact has this documentId.',
    },
  },
  lookup: {
    tag: 'Privacy',
    summary: 'Find the contact a request is about by e-mail or phone',
    description:
      'Exact match, after the normalisation every contact write applies: the address lower-cased (an address merged into a contact finds it too), the phone in E.164. One of `email` or `phone`. The scope is given explicitly (read-only API tokens do not have it).',
    success: { status: 200, description: 'The matching contacts (none: an empty list).' },
    errors: {
      400: 'Neither or both of `email` and `phone`, a malformed address or number, or an unknown query key.',
    },
  },
} satisfies Record<string, RouteDocs>;
