/**
 * Normalisation of a client patch (create or update): the contact's location rules plus the
 * client's own (required name, type, French SIRET checksum, multi-line notes).
 */
import type { ClientType } from '../../../shared/constants';
import { CLIENT_FIELD_CATALOGUE } from '../../../shared/fields';
import { applyAddressRules } from './address';
import { isPatchObject, mergedValue, notAnObjectErrors, readPatch } from './patch';
import { fieldSchemasOf } from './catalogue';
import { fieldError, problem } from './messages';
import { checkFrenchSiret } from './siret';
import type { ClientRecord, NormaliseResult } from './types';

/** What a patch may hold: the name may be sent empty, which the record rules then refuse. */
type ClientWritableFields = Omit<ClientRecord, 'name'> & { name: string | null };

export const DEFAULT_CLIENT_TYPE: ClientType = CLIENT_FIELD_CATALOGUE.type.default;

/** Exported for the API document, which tells what a write may send from these. */
export const CLIENT_FIELD_SCHEMAS = fieldSchemasOf<ClientWritableFields>(CLIENT_FIELD_CATALOGUE);

/**
 * @param patch    the keys being written (other keys, such as relations, are ignored)
 * @param existing the stored client on update, null on create
 */
export function normaliseClientPatch(
  patch: Record<string, unknown>,
  existing: ClientRecord | null
): NormaliseResult<Partial<ClientRecord>> {
  if (!isPatchObject(patch)) {
    return { ok: false, errors: notAnObjectErrors() };
  }
  const reading = readPatch(patch, CLIENT_FIELD_SCHEMAS);
  const errors = [...reading.errors];
  const address = applyAddressRules(reading, existing);
  errors.push(...address.errors);

  const { name: patchedName, ...otherValues } = reading.values;
  const data: Partial<ClientRecord> = { ...otherValues, ...address.changes };
  if (existing === null) {
    data.type ??= DEFAULT_CLIENT_TYPE;
  }

  const name = mergedValue(reading, existing, 'name', null);
  if (name === null && !reading.failedFields.has('name')) {
    errors.push(fieldError(['name'], problem('required')));
  } else if (patchedName !== undefined && patchedName !== null) {
    data.name = patchedName;
  }

  // A SIRET only has a checksum in France; agencies are French, so no country means France.
  const siret = mergedValue(reading, existing, 'siret', null);
  const siretNeedsCheck = reading.values.siret !== undefined || address.countryChanged;
  const countryIsFrench = address.country === null || address.country === 'FR';
  if (siret !== null && siretNeedsCheck && !reading.failedFields.has('siret') && countryIsFrench) {
    const checked = checkFrenchSiret(siret);
    if (!checked.ok) {
      errors.push(fieldError(['siret'], checked.problem));
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}
