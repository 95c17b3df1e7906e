/**
 * Postal address blocks: the lines printed in an envelope window, laid out by the rules of the
 * destination country. France follows La Poste's standard (NF Z 10-011): recipient, delivery
 * complement, street, then "POSTCODE LOCALITY" in capitals without accents, and the country line
 * only when the letter goes abroad. Other countries are laid out by @fragaria/address-formatter
 * (OpenCage's per-country templates).
 */
import { format as formatWithCountryTemplate } from '@fragaria/address-formatter';
import * as isoCountries from 'i18n-iso-countries';
import frenchCountryNames from 'i18n-iso-countries/langs/fr.json';

import { addressCountryOf } from '../../validation';
import { foldCaseAndAccents } from '../../validation/fold';

export type PostalAddress = {
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  /**
   * ISO 3166-1 alpha-2, as the validation stores it; null means France when the postal code can
   * only be French (as the validation reads it), the sender's own country otherwise.
   */
  country: string | null;
};

export type AddressBlockOptions = {
  /** Name lines printed first ("Madame Claire Dupont", "À l'attention de …"). */
  recipientLines: readonly string[];
  /** ISO alpha-2 code of the country the letter is posted from. */
  senderCountry: string;
};

/**
 * Second address lines that La Poste puts below the street (post-office boxes, sorting codes,
 * localities); any other complement (flat, building, residence) goes above it.
 */
const FRENCH_DELIVERY_SERVICE = /^(bp|b\.p\.|cs|tsa|lieu[- ]dit|boite postale|boîte postale)\b/i;

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** Capitals without accents or punctuation, as La Poste prints localities: "SAINT ETIENNE". */
export function toPostalCapitals(text: string): string {
  return foldCaseAndAccents(text)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

let frenchNamesRegistered = false;

/** Where the ISO name is not what the post office prints. */
const COUNTRY_LINE_OVERRIDES: Readonly<Record<string, string>> = { US: 'ETATS-UNIS' };

/**
 * The destination's name for the last line, in French (the Universal Postal Union's language,
 * and the agencies'), in capitals: "BELGIQUE", "ROYAUME-UNI", "ETATS-UNIS".
 */
export function countryLine(countryCode: string): string {
  const override = COUNTRY_LINE_OVERRIDES[countryCode];
  if (override !== undefined) return override;
  if (!frenchNamesRegistered) {
    isoCountries.registerLocale(frenchCountryNames);
    frenchNamesRegistered = true;
  }
  const name = isoCountries.getName(countryCode, 'fr', { select: 'official' }) ?? countryCode;
  return foldCaseAndAccents(name).toUpperCase();
}

function frenchAddressLines(address: PostalAddress): string[] {
  const lines: string[] = [];
  const complement = present(address.addressLine2) ? address.addressLine2.trim() : null;
  const complementBelowStreet = complement !== null && FRENCH_DELIVERY_SERVICE.test(complement);
  if (complement !== null && !complementBelowStreet) lines.push(complement);
  if (present(address.addressLine1)) lines.push(address.addressLine1.trim());
  if (complement !== null && complementBelowStreet) lines.push(complement);
  const locality = [
    present(address.postalCode) ? address.postalCode.replace(/\s+/g, '') : null,
    present(address.city) ? toPostalCapitals(address.city) : null,
  ].filter(present);
  if (locality.length > 0) lines.push(locality.join(' '));
  return lines;
}

function internationalAddressLines(address: PostalAddress, countryCode: string): string[] {
  const street = present(address.addressLine1) ? address.addressLine1.trim() : undefined;
  const lines = formatWithCountryTemplate(
    {
      road: street,
      postcode: present(address.postalCode) ? address.postalCode.trim() : undefined,
      city: present(address.city) ? address.city.trim() : undefined,
      state: present(address.region) ? address.region.trim() : undefined,
      countryCode,
    },
    { output: 'array', appendCountry: false, countryCode }
  ).filter(present);
  if (present(address.addressLine2)) {
    // Templates know no "second line": in every country we serve it follows the street.
    const streetIndex = street === undefined ? -1 : lines.indexOf(street);
    lines.splice(streetIndex + 1, 0, address.addressLine2.trim());
  }
  return lines;
}

/**
 * The address block's lines, recipient first; empty when the address has no street, postal code
 * or city (a name alone cannot be posted to).
 */
export function formatAddressBlock(address: PostalAddress, options: AddressBlockOptions): string[] {
  const hasAddress = [address.addressLine1, address.addressLine2, address.postalCode, address.city].some(
    present
  );
  if (!hasAddress) return [];
  const senderCountry = options.senderCountry.toUpperCase();
  const country = present(address.country) ? address.country.toUpperCase() : null;
  const postalCode = present(address.postalCode) ? address.postalCode : null;
  const destination = addressCountryOf(country, postalCode) ?? senderCountry;
  const lines = [
    ...options.recipientLines.filter(present),
    ...(destination === 'FR' ? frenchAddressLines(address) : internationalAddressLines(address, destination)),
  ];
  if (destination !== senderCountry) lines.push(countryLine(destination));
  return lines;
}
