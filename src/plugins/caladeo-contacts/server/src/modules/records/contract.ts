/**
 * What the API document says of the records' REST routes: their names, and what a write may send,
 * read from the same normalisers the write rules apply (validation/), so that a field added there
 * appears in the document.
 */
import { z } from 'zod';
import { MAX_PRICE_PER_PERSON, UID } from '../../../../shared/constants';
import {
  CLIENT_FIELD_SCHEMAS,
  CONTACT_FIELD_SCHEMAS,
  LINK_FIELD_SCHEMAS,
  OFFER_FIELD_SCHEMAS,
} from '../../validation';
import { documentCoreRoutes, formatted, requestFieldsOf, type CoreRouteSpec } from '../api-docs';
import type { ContentApiRoute } from '../../utils/routes';

const LINK_ENDS_FIXED = 'Its `contact` and its client or offer are set at creation and cannot change.';

/** The offer's normalisers of dates and prices take any value and tell what is wrong with it. */
const OFFER_REQUEST_FIELDS = {
  startDate: formatted('date')
    .nullable()
    .meta({ description: 'YYYY-MM-DD (of a full date-time, the date is kept).' }),
  endDate: formatted('date').nullable().meta({ description: 'YYYY-MM-DD, not before `startDate`.' }),
  pricePerPerson: z
    .union([z.number().min(0).max(MAX_PRICE_PER_PERSON), z.string(), z.null()])
    .meta({ description: 'Euros, to the cent: 1250.5, "1250.50" or "1 250,50".' }),
};

/** What the normalisers make of the address fields, which a caller would not guess. */
const ADDRESS_DESCRIPTIONS = {
  email: 'Stored lower-cased; unique among contacts.',
  phone: 'As typed (e.g. "06 12 34 56 78"); stored in E.164 for the record’s country.',
  country: 'A country name (fr or en) or ISO 3166 code; stored as its alpha-2 code.',
  postalCode: 'Checked against the country; in France, also fills `region`.',
};

export const RECORD_ROUTE_SPECS = {
  [UID.contact]: {
    uid: UID.contact,
    tag: 'Contacts',
    one: 'contact',
    many: 'contacts',
    searchable: true,
    input: {
      fields: requestFieldsOf(CONTACT_FIELD_SCHEMAS, { descriptions: ADDRESS_DESCRIPTIONS }),
      keptByApplication: ['consentEvents'],
      updateConflict:
        'The contact’s personal data was erased: a personal field cannot take a value again (`erasure.erasedContact`, on each field).',
    },
    onDelete: 'Its roles on clients and offers go with it; its consent log is anonymised.',
  },
  [UID.client]: {
    uid: UID.client,
    tag: 'Clients',
    one: 'client',
    many: 'clients',
    searchable: true,
    input: {
      fields: requestFieldsOf(CLIENT_FIELD_SCHEMAS, {
        descriptions: {
          ...ADDRESS_DESCRIPTIONS,
          email: 'Stored lower-cased.',
          siret: 'Spaces and dots allowed; a French SIRET’s check digit is verified.',
        },
      }),
      requiredOnCreate: ['name'],
    },
    onDelete: 'Its contacts’ roles on it go with it.',
  },
  [UID.clientContact]: {
    uid: UID.clientContact,
    tag: 'Client roles',
    one: 'role on a client',
    many: 'roles on clients',
    input: {
      fields: requestFieldsOf(LINK_FIELD_SCHEMAS),
      requiredOnCreate: ['role', 'contact', 'client'],
      onUpdate: LINK_ENDS_FIXED,
    },
  },
  [UID.offerContact]: {
    uid: UID.offerContact,
    tag: 'Offer roles',
    one: 'role on an offer',
    many: 'roles on offers',
    input: {
      fields: requestFieldsOf(LINK_FIELD_SCHEMAS),
      requiredOnCreate: ['role', 'contact', 'offer'],
      onUpdate: LINK_ENDS_FIXED,
    },
  },
  [UID.offer]: {
    uid: UID.offer,
    tag: 'Offers',
    one: 'offer',
    many: 'offers',
    input: {
      fields: requestFieldsOf(OFFER_FIELD_SCHEMAS, {
        written: OFFER_REQUEST_FIELDS,
        descriptions: { reference: 'Upper-cased; letters, digits and . _ / - only; unique among offers.' },
      }),
      requiredOnCreate: ['title', 'reference'],
    },
    onDelete: 'Its contacts’ roles on it go with it.',
  },
} satisfies Record<string, CoreRouteSpec>;

export type RecordRouteUid = keyof typeof RECORD_ROUTE_SPECS;

/** Every type with record routes: contacts, clients, offers and the links between them. */
export const RECORD_ROUTE_UIDS = Object.keys(RECORD_ROUTE_SPECS) as RecordRouteUid[];

/** The core routes of a record type with their API document contract. */
export const documentedRecordRoutes = (uid: RecordRouteUid, routes: ContentApiRoute[]) =>
  documentCoreRoutes(RECORD_ROUTE_SPECS[uid], routes);
