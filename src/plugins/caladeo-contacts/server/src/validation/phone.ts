/**
 * Phone numbers are stored in E.164 so that documents, mailing tools and click-to-call all get
 * one unambiguous form. The `max` metadata is used because only it knows which number ranges are
 * really allocated (the default build accepts any number of the right length).
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

import { problem } from './messages';
import { accept, reject, type Check } from './text';

/**
 * Parses a phone number typed by a person. `defaultCountry` is the country of the record: it is
 * how "06 12 34 56 78" is understood; a number written with its "+" prefix keeps its own country.
 */
export function normalisePhoneNumber(input: string, defaultCountry: string): Check<string> {
  const parsed = parsePhoneNumberFromString(input, {
    defaultCountry: isSupportedCountry(defaultCountry) ? defaultCountry : undefined,
    // The whole field must be the number: "call 06… after 6pm" is not a phone number.
    extract: false,
  });
  const writtenInternationally = input.trimStart().startsWith('+');
  const describedCountry = parsed?.country ?? (writtenInternationally ? null : defaultCountry);
  if (parsed === undefined || !parsed.isValid()) {
    return reject(
      describedCountry === null
        ? problem('phone.invalidInternational')
        : problem('phone.invalidForCountry', { country: describedCountry })
    );
  }
  if (parsed.ext !== undefined) {
    // E.164 has no room for an extension: storing the number without it would lose data.
    return reject(problem('phone.extension'));
  }
  return accept(parsed.number);
}

const FRENCH_E164 = /^\+33(\d{9})$/;

/**
 * The digit strings a user may type to find a phone: international without "+"
 * ('33612345678') and national ('0612345678').
 */
export function phoneSearchForms(storedPhone: string): string[] {
  // most stored numbers are French: their national form is a 0 before the nine digits
  const french = FRENCH_E164.exec(storedPhone);
  if (french) return [`33${french[1]}`, `0${french[1]}`];
  const parsed = parsePhoneNumberFromString(storedPhone, { extract: false });
  if (parsed === undefined) {
    const digits = storedPhone.replace(/\D/g, '');
    return digits === '' ? [] : [digits];
  }
  const international = parsed.number.replace(/\D/g, '');
  const national = parsed.formatNational().replace(/\D/g, '');
  return national === international ? [international] : [international, national];
}
