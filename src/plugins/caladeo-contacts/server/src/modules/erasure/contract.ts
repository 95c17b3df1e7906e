/** What the API document says of the erasure route (docs/privacy.md). */
import { z } from 'zod';
import { ERASURE_REASONS } from '../../../../shared/constants';
import { documentIdSchema, type RouteDocs } from '../api-docs';
import { anyObject } from '../api-docs/schemas';

export const ERASE_PARAMS = { documentId: documentIdSchema };

export const ERASE_BODY = {
  'application/json': z.object({
    data: z.object({
      confirm: z.literal(true).meta({
        description: 'Must be `true`: erasing cannot be undone, and a body without it erases nothing.',
      }),
    }),
  }),
};

export const ERASE_ANSWER = z.object({
  data: anyObject().meta({
    description: 'The anonymised contact, as `GET /contacts/{documentId}` answers it.',
  }),
  meta: z.object({
    erasure: z.object({
      contactDocumentId: z.string(),
      erasedAt: z.string(),
      reason: z.enum(ERASURE_REASONS),
      clearedFields: z.array(z.string()),
      historyEntriesScrubbed: z.number().int(),
      consentEventsAnonymised: z.number().int(),
      signUpsRemoved: z.number().int(),
      importRowsScrubbed: z.number().int(),
      mergeSnapshotsRemoved: z.number().int(),
      aliasesRemoved: z.number().int(),
      suppressionHashes: z.number().int(),
    }),
  }),
});

export const ERASE_DOCS = {
  tag: 'Privacy',
  summary: 'Erase the personal data of a contact (GDPR art. 17)',
  description:
    'Irreversible, in one transaction: the contact’s personal fields are cleared (the last name becomes “Personne effacée”), the personal values leave its history, consent log, sign-up requests, merge snapshots (the merges stay, no longer undoable), e-mail aliases and likely-duplicate pairs, and keyed hashes of every e-mail and phone it is known by (its own, its aliases, those of the contacts merged into it) join the suppression list so that an import does not bring the person back. The contact stays, anonymous, on its clients and offers: headcounts, quotes and the document context still work.',
  success: {
    status: 200,
    description: 'The anonymised contact, and what the erasure did in `meta.erasure`.',
  },
  errors: {
    400: 'The body is not `{ "data": { "confirm": true } }` (`erasure.confirmRequired` on `confirm`), or the documentId is malformed.',
    404: 'The documentId names no contact (`erasure.contactNotFound`).',
    409: 'The contact was already erased (`erasure.alreadyErased`).',
  },
} satisfies RouteDocs;
