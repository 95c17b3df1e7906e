/**
 * The rules that tie a contact's or client's location fields together: the phone is read in the
 * record's country, the postal code must fit the country, and for France the "département/région"
 * must fit the postal code (and is filled in from it); an address without country whose postal code
 * can only be French is French. They run on the merged record, so changing only the country
 * re-checks the stored phone and postal code.
 */
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';

import { findDepartementsForPostalCode, isFrenchPostalCode, matchFrenchRegion } from './france';
import { fieldError, problem } from './messages';
import { mergedValue, type PatchReading } from './patch';
import { normalisePhoneNumber } from './phone';
import type { AddressFields, FieldError } from './types';

/** Numbers typed without "+" on a record without country are French: the agencies are. */
const DEFAULT_PHONE_COUNTRY = 'FR';

/**
 * The country an address is in: its own; without one, France when the postal code can only be
 * French (the agencies are French, and a record without country has its phone and SIRET read as
 * French too); otherwise unknown (null). The postal code rules and the address block both read the
 * address in this country, so that a contact at "33000" without country gets the département of
 * Gironde as well as a French address block.
 */
export function addressCountryOf(country: string | null, postalCode: string | null): string | null {
  if (country !== null) return country;
  return postalCode !== null && isFrenchPostalCode(postalCode) ? 'FR' : null;
}

export type AddressOutcome = {
  /** Final values of location fields that the patch wrote or whose stored value must change. */
  changes: Partial<AddressFields>;
  errors: FieldError[];
  /** The merged record's country; `undefined` when the patch's country was rejected. */
  country: string | null | undefined;
  countryChanged: boolean;
};

type AddressReading = PatchReading<AddressFields>;

function sameValue(left: string | null, right: string | null | undefined): boolean {
  return left === (right ?? null);
}

export function applyAddressRules(reading: AddressReading, existing: AddressFields | null): AddressOutcome {
  const changes: Partial<AddressFields> = {};
  const errors: FieldError[] = [];
  const written = (key: keyof AddressFields): boolean => reading.values[key] !== undefined;
  const failed = (key: keyof AddressFields): boolean => reading.failedFields.has(key);

  if (failed('country')) {
    // Every rule below depends on the country: checking against a guess would report mistakes
    // the user did not make.
    return { changes, errors, country: undefined, countryChanged: true };
  }
  const country = mergedValue(reading, existing, 'country', null);
  const countryChanged = written('country') && !sameValue(country, existing?.country);

  // Phone → E.164, read in the record's country.
  if (!failed('phone')) {
    const phone = mergedValue(reading, existing, 'phone', null);
    const mustCheckPhone = written('phone') || (countryChanged && phone !== null);
    if (mustCheckPhone && phone !== null) {
      const normalised = normalisePhoneNumber(phone, country ?? DEFAULT_PHONE_COUNTRY);
      if (!normalised.ok) {
        errors.push(fieldError(['phone'], normalised.problem));
      } else if (written('phone') || !sameValue(normalised.value, existing?.phone)) {
        changes.phone = normalised.value;
      }
    }
  }

  // Postal code: the format of the country the address is in, when postcode-validator knows one.
  let postalCodeUsable = !failed('postalCode');
  let postalCode = mergedValue(reading, existing, 'postalCode', null);
  const addressCountry = addressCountryOf(country, postalCodeUsable ? postalCode : null);
  const postalCodeRelevantChange = written('postalCode') || countryChanged;
  if (postalCodeUsable && postalCode !== null && postalCodeRelevantChange && addressCountry !== null) {
    if (postcodeValidatorExistsForCountry(addressCountry) && !postcodeValidator(postalCode, addressCountry)) {
      errors.push(
        fieldError(['postalCode'], problem('postalCode.invalidForCountry', { country: addressCountry }))
      );
      postalCodeUsable = false;
    } else {
      // French codes are five digits; "33 000" is a typing habit the lookups must not see.
      const canonical = addressCountry === 'FR' ? postalCode.replace(/ /g, '') : postalCode;
      if (written('postalCode') || !sameValue(canonical, existing?.postalCode)) {
        changes.postalCode = canonical;
      }
      postalCode = canonical;
    }
  }

  // Département/région of a French address must agree with its postal code.
  const regionRelevantChange = postalCodeRelevantChange || written('region');
  if (
    addressCountry === 'FR' &&
    postalCode !== null &&
    postalCodeUsable &&
    !failed('region') &&
    regionRelevantChange
  ) {
    const departements = findDepartementsForPostalCode(postalCode);
    const region = mergedValue(reading, existing, 'region', null);
    const onlyDepartement = departements.length === 1 ? departements[0].name : null;
    if (departements.length === 0) {
      // Not a code we can place (e.g. military "00xxx" codes): the region stays free text.
    } else if (region === null) {
      if (onlyDepartement !== null) {
        changes.region = onlyDepartement;
      }
    } else {
      const canonical = matchFrenchRegion(region, departements);
      if (canonical !== null) {
        if (written('region') || !sameValue(canonical, existing?.region)) {
          changes.region = canonical;
        }
      } else if (written('region')) {
        const names = departements.map((departement) => departement.name);
        errors.push(
          fieldError(
            ['region'],
            problem('postalCode.departementMismatch', { postalCode, departements: names })
          )
        );
      } else {
        // The stored region belonged to the old postal code: a stale value would end up on
        // letters, so it is replaced (or cleared when the new code spans several départements).
        changes.region = onlyDepartement;
      }
    }
  }

  return { changes, errors, country, countryChanged };
}
