/** What the API document says of the merge routes (docs/duplicates.md). */
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, MAX_MERGED_CONTACTS } from '../../../../shared/constants';
import { documentIdSchema, type RouteDocs } from '../api-docs';

/** A documentId inside the merge's own schemas (the shared DocumentId component cannot be made optional there). */
const contactId = () => z.string().regex(DOCUMENT_ID_PATTERN);
import { anyObject } from '../api-docs/schemas';
import { MERGED_CLIENT_FIELDS, MERGED_FIELDS } from './plan';

const mergeBody = (fields: readonly string[], records: 'contacts' | 'clients') => ({
  'application/json': z.object({
    data: z.object({
      survivor: contactId(),
      merged: z
        .array(contactId())
        .min(1)
        .max(MAX_MERGED_CONTACTS - 1)
        .meta({ description: `The ${records} merged into the survivor and removed.` }),
      values: z
        .object(Object.fromEntries(fields.map((field) => [field, contactId().optional()])))
        .optional()
        .meta({
          description: `For a field, the documentId of the ${records.slice(0, -1)} whose value is kept; by default the most recent non-empty value (by updatedAt), the survivor’s on a tie.`,
        }),
    }),
  }),
});

export const MERGE_BODY = mergeBody(MERGED_FIELDS, 'contacts');
export const CLIENT_MERGE_BODY = mergeBody(MERGED_CLIENT_FIELDS, 'clients');

export const UNDO_PARAMS = { mergeId: documentIdSchema };

export const MERGE_ANSWER = z.object({
  data: anyObject().meta({
    description:
      'The survivor as `GET /contacts/{documentId}` answers it; with `?preview=true`, the preview: the contacts side by side, each field’s values, proposed and chosen contact, the resulting links, newsletter consent, aliases and the offers whose documents change addressee.',
  }),
  meta: z.object({
    mergeId: contactId().optional(),
    preview: z.boolean().optional(),
  }),
});

export const UNDO_ANSWER = z.object({
  data: anyObject().meta({ description: 'The survivor, as `GET /contacts/{documentId}` answers it.' }),
  meta: z.object({
    mergeId: contactId(),
    restored: z.array(contactId()),
    keptChanges: z.array(z.object({ field: z.string(), value: z.string().nullable() })),
  }),
});

export const CLIENT_MERGE_ANSWER = z.object({
  data: anyObject().meta({
    description:
      'The survivor as `GET /clients/{documentId}` answers it; with `?preview=true`, the preview: the clients side by side, each field’s values, proposed and chosen client, the resulting contact links (roles and primary), the links that collapse and the offers that move.',
  }),
  meta: z.object({
    mergeId: contactId().optional(),
    preview: z.boolean().optional(),
  }),
});

export const CLIENT_UNDO_ANSWER = UNDO_ANSWER.extend({
  data: anyObject().meta({ description: 'The survivor, as `GET /clients/{documentId}` answers it.' }),
});

export const CLIENT_MERGE_DOCS = {
  create: {
    tag: 'Merges',
    summary: 'Merge duplicate clients into one',
    description:
      'With `?preview=true`, answers what the merge would do and writes nothing. Otherwise, in one transaction: every contact link of the merged clients moves to the survivor (the same contact in the same role collapses to one link; one primary contact: the survivor’s, else the most recently updated merged client’s), every offer of the merged clients becomes the survivor’s, and the merged clients are removed. The merge can be undone.',
    success: { status: 200, description: 'The survivor, and the merge’s id in `meta.mergeId`.' },
    errors: {
      400: 'A malformed body: a client merged with itself, fewer than 2 or more than 5 clients, a value naming an unknown field or a client outside the merge.',
      404: 'A documentId names no client (`merge.clientNotFound`).',
      409: 'A client was already merged, or another merge took it at the same moment.',
    },
  },
  undo: {
    tag: 'Merges',
    summary: 'Undo a merge of clients',
    description:
      'Brings the merged clients back with their own documentIds, fields, contact links, roles, primaries and offers. The survivor gets back its own values, except those changed since the merge (named in `meta.keptChanges`).',
    success: { status: 200, description: 'The survivor as it is after the undo.' },
    errors: {
      400: 'The mergeId is malformed.',
      404: 'No merge of clients has this id.',
      409: 'The merge was already undone, or the survivor was deleted since.',
      410: 'The merge is older than the undo period.',
    },
  },
} satisfies Record<string, RouteDocs>;

export const MERGE_DOCS = {
  create: {
    tag: 'Merges',
    summary: 'Merge duplicate contacts into one',
    description:
      'With `?preview=true`, answers what the merge would do and writes nothing. Otherwise, in one transaction: every client and offer role of the merged contacts moves to the survivor (one link per role and target, one primary per target), their consent events join its log and its newsletter follows the most recent explicit consent event, their e-mails become its aliases (they still find it), and they are removed. The merge can be undone.',
    success: { status: 200, description: 'The survivor, and the merge’s id in `meta.mergeId`.' },
    errors: {
      400: 'A malformed body: a contact merged with itself, fewer than 2 or more than 5 contacts, a value naming an unknown field or a contact outside the merge.',
      404: 'A documentId names no contact.',
      409: 'A contact was already merged, another merge took it at the same moment, or a contact’s personal data was erased (`merge.erasedContact`).',
    },
  },
  undo: {
    tag: 'Merges',
    summary: 'Undo a merge of contacts',
    description:
      'Brings the merged contacts back with their own documentIds, fields, roles, primaries and consent events. The survivor gets back its own values, except those changed since the merge (named in `meta.keptChanges`).',
    success: { status: 200, description: 'The survivor as it is after the undo.' },
    errors: {
      400: 'The mergeId is malformed.',
      404: 'No merge has this id.',
      409: 'The merge was already undone, the survivor was deleted, the person’s personal data was erased since (`merge.survivorErased`), or a merged e-mail is used again.',
      410: 'The merge is older than the undo period.',
    },
  },
} satisfies Record<string, RouteDocs>;
