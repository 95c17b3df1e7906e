/** What the API document says of the duplicate routes (docs/duplicates.md). */
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, DUPLICATE_REASONS } from '../../../../shared/constants';
import { documentIdSchema, type RouteDocs } from '../api-docs';

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
  'Reasons: `email` (the same address: saving it is refused), `phone` (the same number in E.164), `nameAndPostalCode`, `nameAndCity`, `nameAndClient` (the same folded first and last name with the same postal code, city or client), `similarNameAndPostalCode` (names similar by trigrams in one postal code), `emailLocalPart` (the same personal part before the @ on another domain).';

export const DUPLICATES_DOCS = {
  find: {
    tag: 'Contacts',
    summary: 'Check a contact not yet saved for likely duplicates',
    description: `Answers the stored contacts that may be the person described, best first (10 at most). Nothing is written; a warning never blocks a save. ${REASONS_TEXT}`,
    success: { status: 200, description: 'The likely duplicates, best first.' },
    errors: { 400: 'The body names a key that is not a contact field, or a malformed documentId.' },
  },
  findOne: {
    tag: 'Contacts',
    summary: 'List the likely duplicates of a contact',
    description: REASONS_TEXT,
    success: { status: 200, description: 'The likely duplicates, best first.' },
    errors: { 400: 'The documentId is malformed.', 404: 'No contact has this documentId.' },
  },
} satisfies Record<string, RouteDocs>;
