/**
 * Normalisation of a contact patch (create or update), the single choke point every write path
 * goes through: field rules, location rules, the "who is this?" rule, and `searchText`.
 */
import { GENDERS, LANGUAGES, MAX_LENGTH, type Gender, type Language } from '../../../shared/constants';
import { applyAddressRules } from './address';
import {
  booleanWithDefault,
  countryField,
  emailField,
  enumWithDefault,
  phoneInputField,
  postalCodeField,
  textField,
} from './fields';
import { fieldError, problem } from './messages';
import { isPatchObject, mergedValue, notAnObjectErrors, readPatch, type FieldSchemas } from './patch';
import { buildContactSearchText } from './search-text';
import type { ContactRecord, NormaliseResult } from './types';

/** The fields a patch may write; `searchText` is derived, never taken from input. */
type ContactWritableFields = Omit<ContactRecord, 'searchText'>;

export const CONTACT_DEFAULTS: { gender: Gender; newsletter: boolean; preferredLanguage: Language } = {
  gender: 'unspecified',
  // Consent is never presumed: a contact is subscribed only when someone says so.
  newsletter: false,
  preferredLanguage: 'fr',
};

/** Exported for the API document, which tells what a write may send from these. */
export const CONTACT_FIELD_SCHEMAS: FieldSchemas<ContactWritableFields> = {
  firstName: textField(MAX_LENGTH.name),
  lastName: textField(MAX_LENGTH.name),
  email: emailField,
  phone: phoneInputField,
  addressLine1: textField(MAX_LENGTH.addressLine),
  addressLine2: textField(MAX_LENGTH.addressLine),
  postalCode: postalCodeField,
  city: textField(MAX_LENGTH.city),
  region: textField(MAX_LENGTH.region),
  country: countryField,
  gender: enumWithDefault(GENDERS, CONTACT_DEFAULTS.gender),
  newsletter: booleanWithDefault(CONTACT_DEFAULTS.newsletter),
  preferredLanguage: enumWithDefault(LANGUAGES, CONTACT_DEFAULTS.preferredLanguage, {
    caseInsensitive: true,
  }),
};

const EMPTY_CONTACT: ContactRecord = {
  firstName: null,
  lastName: null,
  email: null,
  phone: null,
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  region: null,
  country: null,
  ...CONTACT_DEFAULTS,
  searchText: '',
};

/**
 * @param patch    the keys being written (other keys, such as relations, are ignored)
 * @param existing the stored contact on update, null on create
 * @returns the values to store: the patch's fields normalised, fields the patch forces to change
 *          (E.164 phone, derived département, defaults on create) and the recomputed searchText
 */
export function normaliseContactPatch(
  patch: Record<string, unknown>,
  existing: ContactRecord | null
): NormaliseResult<Partial<ContactRecord>> {
  if (!isPatchObject(patch)) {
    return { ok: false, errors: notAnObjectErrors() };
  }
  const reading = readPatch(patch, CONTACT_FIELD_SCHEMAS);
  const errors = [...reading.errors];
  const address = applyAddressRules(reading, existing);
  errors.push(...address.errors);

  const data: Partial<ContactRecord> = { ...reading.values, ...address.changes };
  if (existing === null) {
    data.gender ??= CONTACT_DEFAULTS.gender;
    data.newsletter ??= CONTACT_DEFAULTS.newsletter;
    data.preferredLanguage ??= CONTACT_DEFAULTS.preferredLanguage;
  }

  // Someone with neither a name nor an e-mail cannot be found or written to again.
  const identityFieldFailed = reading.failedFields.has('lastName') || reading.failedFields.has('email');
  const lastName = mergedValue(reading, existing, 'lastName', null);
  const email = mergedValue(reading, existing, 'email', null);
  if (!identityFieldFailed && lastName === null && email === null) {
    errors.push(fieldError(['lastName'], problem('contact.nameOrEmailRequired')));
  }

  if (errors.length > 0) {
    return { ok: false, errors };
  }
  data.searchText = buildContactSearchText({ ...EMPTY_CONTACT, ...existing, ...data });
  return { ok: true, data };
}
