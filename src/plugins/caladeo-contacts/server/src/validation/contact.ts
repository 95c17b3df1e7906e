/**
 * Normalisation of a contact patch (create or update), the single choke point every write path
 * goes through: field rules, location rules and the "who is this?" rule. The derived `searchText`
 * also needs the contact's clients: the write rule computes it once, from the normalised record.
 */
import type { Gender, Language } from '../../../shared/constants';
import { CONTACT_FIELD_CATALOGUE as FIELDS } from '../../../shared/fields';
import { applyAddressRules } from './address';
import { fieldError, problem } from './messages';
import { isPatchObject, mergedValue, notAnObjectErrors, readPatch } from './patch';
import { fieldSchemasOf } from './catalogue';
import type { ContactRecord, NormaliseResult } from './types';

/** The fields a patch may write; `searchText` is derived, never taken from input. */
type ContactWritableFields = Omit<ContactRecord, 'searchText'>;

export const CONTACT_DEFAULTS: { gender: Gender; newsletter: boolean; preferredLanguage: Language } = {
  gender: FIELDS.gender.default,
  // Consent is never presumed: a contact is subscribed only when someone says so.
  newsletter: FIELDS.newsletter.default,
  preferredLanguage: FIELDS.preferredLanguage.default,
};

/** Exported for the API document, which tells what a write may send from these. */
export const CONTACT_FIELD_SCHEMAS = fieldSchemasOf<ContactWritableFields>(FIELDS);

/**
 * @param patch    the keys being written (other keys, such as relations, are ignored)
 * @param existing the stored contact on update, null on create
 * @returns the values to store: the patch's fields normalised, fields the patch forces to change
 *          (E.164 phone, derived département, defaults on create)
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
  return { ok: true, data };
}
