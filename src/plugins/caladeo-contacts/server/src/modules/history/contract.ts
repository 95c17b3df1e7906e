/** What the API document says of the history routes (docs/history.md). */
import { z } from 'zod';
import { HISTORY_ACTIONS, HISTORY_ACTOR_TYPES, HISTORY_ENTRY_POINTS } from '../../../../shared/constants';
import { documentIdSchema, type RouteDocs } from '../api-docs';

/** A field's value as recorded: text, number, flag, or none. */
const recordedValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const fieldChange = z.object({ before: recordedValue, after: recordedValue });

const historyEntry = z
  .object({
    occurredAt: z.string().meta({ description: 'When the change was made (ISO 8601).' }),
    actor: z.object({
      type: z.enum(HISTORY_ACTOR_TYPES),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    entryPoint: z.enum(HISTORY_ENTRY_POINTS),
    action: z.enum(HISTORY_ACTIONS),
    target: z.object({ type: z.string(), documentId: z.string() }),
    link: z
      .object({
        type: z.string(),
        documentId: z.string().nullable(),
        relatedDocumentId: z.string().nullable().meta({
          description: 'The other end of the link: the client or offer on a contact, the contact on those.',
        }),
      })
      .nullable(),
    changedFields: z.array(z.string()),
    changes: z
      .object({})
      .catchall(fieldChange)
      .nullable()
      .meta({ description: 'Each changed field with its value before and after (null: none).' }),
  })
  .meta({
    id: 'HistoryEntry',
    description: 'One change of a record: when, who, through which entry point, what.',
  });

export const HISTORY_ANSWER = z.object({
  data: z.array(historyEntry),
  meta: z.object({
    pagination: z.object({
      page: z.number().int(),
      pageSize: z.number().int(),
      pageCount: z.number().int(),
      total: z.number().int(),
    }),
  }),
});

export const HISTORY_PARAMS = { documentId: documentIdSchema };

export const HISTORY_QUERY = {
  action: z.enum(HISTORY_ACTIONS).optional(),
  entryPoint: z.enum(HISTORY_ENTRY_POINTS).optional(),
  from: z.string().optional().meta({ description: 'Entries from this moment on (ISO 8601).' }),
  to: z.string().optional().meta({ description: 'Entries up to this moment (ISO 8601).' }),
  page: z.string().optional().meta({ description: 'Page number, from 1.' }),
  pageSize: z.string().optional().meta({ description: '25 unless said, 100 at most.' }),
};

const DESCRIPTION =
  'Every change, newest first: creation, each update with the fields before and after, links to clients and offers made, changed and removed, deletion. Private fields are never recorded. The scope is given explicitly (read-only API tokens do not have it): the history shows past values and who changed them.';

export const HISTORY_DOCS = {
  contactHistory: {
    tag: 'Contacts',
    summary: 'List the history of a contact',
    description: DESCRIPTION,
    success: { status: 200, description: 'One page of the contact’s history, newest first.' },
    errors: {
      400: 'A malformed documentId, an unknown query key or a bad filter value.',
      404: 'No contact ever had this documentId.',
    },
  },
  clientHistory: {
    tag: 'Clients',
    summary: 'List the history of a client',
    description: DESCRIPTION,
    success: { status: 200, description: 'One page of the client’s history, newest first.' },
    errors: {
      400: 'A malformed documentId, an unknown query key or a bad filter value.',
      404: 'No client ever had this documentId.',
    },
  },
} satisfies Record<string, RouteDocs>;
