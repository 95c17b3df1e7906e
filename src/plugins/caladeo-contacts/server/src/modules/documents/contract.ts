/**
 * What the API document says of the document routes: the offer document context's shape, checked
 * against the type its builder returns (a field added, dropped or retyped on one side alone does
 * not compile), and the answers of each route.
 */
import { z } from 'zod';
import {
  CLIENT_TYPES,
  DOCUMENT_LANGUAGES,
  GENDERS,
  LANGUAGES,
  LINK_ROLES,
  OFFER_CONTEXT_VERSION,
  OFFER_STATUSES,
  QUOTE_CURRENCY,
} from '../../../../shared/constants';
import {
  documentIdSchema,
  formatted,
  integer,
  singleEnvelope,
  type RouteDocs,
  type SameType,
} from '../api-docs';
import { DERIVED_CONTACT_FIELD_SCHEMAS } from './contact-fields';
import type { OfferDocumentContext } from './offer-context';

const text = () => z.string().nullable();
const lines = (description: string) => z.array(z.string()).meta({ description });

const documentContact = z
  .object({
    documentId: documentIdSchema,
    firstName: text(),
    lastName: text(),
    fullName: DERIVED_CONTACT_FIELD_SCHEMAS.fullName,
    gender: z.enum(GENDERS),
    preferredLanguage: z.enum(LANGUAGES).nullable(),
    salutation: DERIVED_CONTACT_FIELD_SCHEMAS.salutation,
    letterOpening: DERIVED_CONTACT_FIELD_SCHEMAS.letterOpening,
    email: text(),
    phone: text(),
    addressBlock: DERIVED_CONTACT_FIELD_SCHEMAS.addressBlock,
    roles: z
      .array(z.enum(LINK_ROLES))
      .meta({ description: 'Their roles on the offer; empty for a client’s contact.' }),
    isPrimary: z.boolean().meta({ description: 'Whether they are the offer’s primary contact.' }),
  })
  .meta({ id: 'DocumentContact', description: 'A contact as documents name and address them.' });

const offerContext = z
  .object({
    version: z
      .literal(OFFER_CONTEXT_VERSION)
      .meta({ description: 'Raised only on a change that could break a template.' }),
    language: z.enum(DOCUMENT_LANGUAGES),
    issuedOn: formatted('date'),
    offer: z.object({
      documentId: documentIdSchema,
      reference: z.string(),
      title: z.string(),
      status: z.enum(OFFER_STATUSES),
      destination: text(),
      startDate: formatted('date').nullable(),
      endDate: formatted('date').nullable(),
      travellerCount: integer(),
      nights: integer().nullable(),
    }),
    pricing: z
      .object({
        currency: z.literal(QUOTE_CURRENCY),
        perPerson: z.number(),
        travellerCount: integer(),
        total: z
          .number()
          .nullable()
          .meta({ description: 'perPerson × travellerCount; null while no traveller is listed.' }),
      })
      .nullable()
      .meta({ description: 'Null until the offer is priced.' }),
    client: z
      .object({
        documentId: documentIdSchema,
        name: z.string(),
        type: z.enum(CLIENT_TYPES),
        email: text(),
        phone: text(),
        addressBlock: lines('Envelope lines, name first.'),
      })
      .nullable(),
    addressee: documentContact
      .extend({
        source: z.enum(['offer', 'client']).meta({ description: 'Whose primary contact they are.' }),
      })
      .nullable()
      .meta({
        description: 'Who the letter is addressed to: the offer’s primary contact, else the client’s.',
      }),
    payer: documentContact.nullable(),
    travellers: z.array(documentContact),
    otherContacts: z.array(documentContact),
    agency: z.object({
      name: z.string(),
      addressLine1: text(),
      addressLine2: text(),
      postalCode: text(),
      city: text(),
      country: z.string(),
      phone: text(),
      email: text(),
      website: text(),
      siret: text(),
      registration: text(),
      signatory: text(),
      defaultLanguage: z.enum(DOCUMENT_LANGUAGES),
      timeZone: z.string(),
      addressBlock: lines('The agency’s envelope lines.'),
    }),
    letter: z.object({
      recipientLines: lines('The lines of the address window.'),
      placeAndDate: z.string(),
      subject: z.string(),
      opening: z.string(),
      closing: z.string(),
    }),
  })
  .meta({
    id: 'OfferDocumentContext',
    description: 'Everything a quote or a letter about an offer needs (docs/documents.md).',
  });

// the document names every field the builder gives, with its type, and none it does not give
const _describesTheBuilder: SameType<z.output<typeof offerContext>, OfferDocumentContext> = true;

export const OFFER_CONTEXT_ANSWER = singleEnvelope(offerContext);

export const OFFER_PARAMS = { documentId: documentIdSchema };

const REFUSALS = {
  400: 'The documentId is malformed, or a query parameter was sent (these routes take none).',
  404: 'No offer has this documentId.',
};

export const DOCUMENT_DOCS = {
  offerContext: {
    tag: 'Documents',
    summary: 'Get an offer’s document context',
    description:
      'Versioned JSON for document templates: the addressee, salutations, address blocks, pricing.',
    success: { status: 200, description: 'The offer document context.' },
    errors: REFUSALS,
  },
  offerQuote: {
    tag: 'Documents',
    summary: 'Download an offer’s quote',
    description: 'The quote as a PDF, in the addressee’s language (French or English).',
    success: { status: 200, description: 'The PDF, as an attachment.', media: 'application/pdf' },
    errors: REFUSALS,
  },
} satisfies Record<string, RouteDocs>;
