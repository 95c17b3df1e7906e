/**
 * Postal address blocks: the lines printed in an envelope window, laid out by the rules of the
 * destination country. France follows La Poste's standard (NF Z 10-011): at most 38 characters a
 * line; recipient, delivery complement, then the street, the delivery service and "POSTCODE
 * LOCALITY" in capitals without accents or punctuation, shortened with the standard's
 * abbreviations when a line is too long; the country line only when the letter goes abroad. Other
 * countries are laid out by @fragaria/address-formatter (OpenCage's per-country templates).
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

/**
 * A name line ("Madame Claire Dupont", "À l'attention de …"), or its forms from the fullest to the
 * shortest, of which the block prints the first that fits a line.
 */
export type RecipientLine = string | readonly string[];

export type AddressBlockOptions = {
  /** Name lines printed first. */
  recipientLines: readonly RecipientLine[];
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

/** What an address line may hold, spaces included (NF Z 10-011). */
export const POSTAL_LINE_LENGTH = 38;

const fits = (line: string) => Array.from(line).length <= POSTAL_LINE_LENGTH;

/**
 * The abbreviations the standard allows, in capitals, tried tier by tier until the line fits: the
 * kinds of way and of building first, then titles and common words of names.
 */
const ABBREVIATION_TIERS: readonly (readonly [string, string])[][] = [
  [
    ['AVENUE', 'AV'],
    ['BOULEVARD', 'BD'],
    ['ALLEES', 'ALL'],
    ['ALLEE', 'ALL'],
    ['CHEMIN', 'CHE'],
    ['CHAUSSEE', 'CHS'],
    ['COURS', 'CRS'],
    ['FAUBOURG', 'FG'],
    ['HAMEAU', 'HAM'],
    ['IMPASSE', 'IMP'],
    ['LIEU DIT', 'LD'],
    ['LOTISSEMENT', 'LOT'],
    ['MONTEE', 'MTE'],
    ['PASSAGE', 'PAS'],
    ['PLACE', 'PL'],
    ['PROMENADE', 'PROM'],
    ['QUARTIER', 'QUA'],
    ['RESIDENCE', 'RES'],
    ['ROND POINT', 'RPT'],
    ['ROUTE', 'RTE'],
    ['SQUARE', 'SQ'],
    ['BATIMENT', 'BAT'],
    ['IMMEUBLE', 'IMM'],
    ['APPARTEMENT', 'APP'],
    ['ESCALIER', 'ESC'],
    ['ZONE INDUSTRIELLE', 'ZI'],
    ['ZONE ARTISANALE', 'ZA'],
    ['CENTRE COMMERCIAL', 'CCAL'],
  ],
  [
    ['SAINTE', 'STE'],
    ['SAINT', 'ST'],
    ['NOTRE DAME', 'ND'],
    ['DOCTEUR', 'DR'],
    ['GENERAL', 'GAL'],
    ['MARECHAL', 'MAL'],
    ['PRESIDENT', 'PDT'],
    ['PROFESSEUR', 'PR'],
    ['COMMANDANT', 'CDT'],
    ['CAPITAINE', 'CNE'],
    ['LIEUTENANT', 'LT'],
    ['MONSEIGNEUR', 'MGR'],
    ['GRANDE', 'GDE'],
    ['GRAND', 'GD'],
    ['PETITE', 'PTE'],
    ['PETIT', 'PT'],
  ],
];

const ABBREVIATIONS = ABBREVIATION_TIERS.map((tier) =>
  tier.map(([long, short]) => [new RegExp(`\\b${long}\\b`, 'g'), short] as const)
);

/**
 * A line from the street on, as La Poste reads it: capitals without accents or punctuation,
 * shortened tier by tier past 38 characters. A line still too long is kept whole: cutting an
 * address would send the letter astray.
 */
export function deliveryLine(text: string): string {
  let line = toPostalCapitals(text);
  for (const tier of ABBREVIATIONS) {
    if (fits(line)) break;
    line = tier.reduce((shortened, [word, short]) => shortened.replace(word, short), line);
  }
  return line;
}

/** The first form of a name line that fits a line, else its shortest. */
const recipientLine = (line: RecipientLine): string | null => {
  const forms = (typeof line === 'string' ? [line] : line).filter(present).map((form) => form.trim());
  return forms.find(fits) ?? forms[forms.length - 1] ?? null;
};

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
  // above the street, a complement keeps its punctuation and case unless it must be shortened
  if (complement !== null && !complementBelowStreet)
    lines.push(fits(complement) ? complement : deliveryLine(complement));
  if (present(address.addressLine1)) lines.push(deliveryLine(address.addressLine1));
  if (complement !== null && complementBelowStreet) lines.push(deliveryLine(complement));
  const locality = [
    present(address.postalCode) ? address.postalCode.replace(/\s+/g, '') : null,
    present(address.city) ? toPostalCapitals(address.city) : null,
  ].filter(present);
  if (locality.length > 0) lines.push(deliveryLine(locality.join(' ')));
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
    ...options.recipientLines.map(recipientLine).filter(present),
    ...(destination === 'FR' ? frenchAddressLines(address) : internationalAddressLines(address, destination)),
  ];
  if (destination !== senderCountry) lines.push(countryLine(destination));
  return lines;
}
