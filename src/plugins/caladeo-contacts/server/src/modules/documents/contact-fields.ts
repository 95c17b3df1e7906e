/**
 * The fields computed from a contact for documents and external apps: never stored, derived the
 * same way for REST, GraphQL and the offer document context.
 */
import { z } from 'zod';
import type { DocumentLanguage, Gender, Language } from '../../../../shared/constants';
import type { SameType } from '../api-docs/schemas';
import { formatAddressBlock, type PostalAddress } from './address-block';
import {
  documentLanguageFor,
  fullNameOf,
  letterOpeningFor,
  recipientForms,
  salutationFor,
} from './salutation';

export type PresentableContact = PostalAddress & {
  firstName: string | null;
  lastName: string | null;
  gender: Gender;
  preferredLanguage: Language | null;
};

export type DerivedContactFields = {
  fullName: string | null;
  salutation: string;
  letterOpening: string;
  /** Envelope lines, name first; empty when the contact has no postal address. */
  addressBlock: string[];
};

/** The derived fields as the API document describes them. */
export const DERIVED_CONTACT_FIELD_SCHEMAS = {
  fullName: z.string().nullable().meta({
    description: 'First name and last name, e.g. "Hélène Lefèvre"; null when the contact has neither.',
  }),
  salutation: z.string().meta({ description: 'How a letter names the contact, e.g. "Madame".' }),
  letterOpening: z.string().meta({ description: 'The first line of a letter, e.g. "Chère Madame,".' }),
  addressBlock: z.array(z.string()).meta({
    description:
      'Envelope lines, name first, in the contact’s country’s layout; empty without a postal address.',
  }),
};

// the document describes every derived field, with its type, and no other
const _describesTheDerivation: SameType<
  z.output<z.ZodObject<typeof DERIVED_CONTACT_FIELD_SCHEMAS>>,
  DerivedContactFields
> = true;

export type DerivationSettings = {
  /** The agency's country: addresses elsewhere get a country line. */
  senderCountry: string;
  /** The agency's language, for contacts without a preference. */
  defaultLanguage: DocumentLanguage;
};

/**
 * @param language the language to write in; by default the contact's own document language
 */
export function deriveContactFields(
  contact: PresentableContact,
  settings: DerivationSettings,
  language: DocumentLanguage = documentLanguageFor(contact.preferredLanguage, settings.defaultLanguage)
): DerivedContactFields {
  const fullName = fullNameOf(contact.firstName, contact.lastName);
  const recipient = recipientForms(contact.gender, language, contact);
  return {
    fullName,
    salutation: salutationFor(contact.gender, language),
    letterOpening: letterOpeningFor(contact.gender, language, { lastName: contact.lastName, fullName }),
    addressBlock: formatAddressBlock(contact, {
      recipientLines: recipient.length === 0 ? [] : [recipient],
      senderCountry: settings.senderCountry,
    }),
  };
}

/** Reads a contact record of unknown shape (REST output, GraphQL parent) field by field. */
export function readPresentableContact(record: Record<string, unknown>): PresentableContact {
  const text = (key: keyof PresentableContact) => {
    const value = record[key];
    return typeof value === 'string' ? value : null;
  };
  const gender = text('gender');
  return {
    firstName: text('firstName'),
    lastName: text('lastName'),
    gender: gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unspecified',
    preferredLanguage: text('preferredLanguage') as Language | null,
    addressLine1: text('addressLine1'),
    addressLine2: text('addressLine2'),
    postalCode: text('postalCode'),
    city: text('city'),
    region: text('region'),
    country: text('country'),
  };
}

/** The stored fields each derived field is computed from. */
const SOURCES: Record<keyof DerivedContactFields, readonly (keyof PresentableContact)[]> = {
  fullName: ['firstName', 'lastName'],
  salutation: ['gender', 'preferredLanguage'],
  letterOpening: ['gender', 'preferredLanguage', 'firstName', 'lastName'],
  addressBlock: [
    'gender',
    'preferredLanguage',
    'firstName',
    'lastName',
    'addressLine1',
    'addressLine2',
    'postalCode',
    'city',
    'region',
    'country',
  ],
};

const DERIVED_FIELD_NAMES = Object.keys(SOURCES) as (keyof DerivedContactFields)[];

/**
 * The derived fields a contact as it was output can carry: a caller who selected only some fields
 * (`fields=email`) gets only the derived fields whose sources are all present, never a value
 * computed from missing data.
 */
export function derivedFieldsForOutput(
  output: Record<string, unknown>,
  settings: DerivationSettings
): Partial<DerivedContactFields> {
  const available = DERIVED_FIELD_NAMES.filter((name) => SOURCES[name].every((source) => source in output));
  if (available.length === 0) return {};
  const contact = readPresentableContact(output);
  const derived = deriveContactFields(contact, settings);
  return Object.fromEntries(available.map((name) => [name, derived[name]]));
}
