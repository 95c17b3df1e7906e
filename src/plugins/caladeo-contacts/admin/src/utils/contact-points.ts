// The "min" metadata: enough to parse and format every country's numbers, without the per-type
// patterns of "max" (mobile, fixed line…) that only validation needs; it keeps the admin bundle small.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * The agency's country until the server has said which it is (CALADEO_AGENCY_COUNTRY, through
 * `GET /admin-settings`), or when it cannot: France, the product's market.
 */
export const AGENCY_COUNTRY: CountryCode = 'FR';

/**
 * The agency's country from the server's answer: an ISO code that phone numbers know, else the
 * default (a country without phone numbering of its own, such as Antarctica, formats nothing).
 */
export const agencyCountryOf = (answer: unknown): CountryCode => {
  const code = (answer as { data?: { agencyCountry?: unknown } } | null)?.data?.agencyCountry;
  return typeof code === 'string' && isSupportedCountry(code) ? code : AGENCY_COUNTRY;
};

export type ContactPoint = { text: string; href: string };

/**
 * A stored phone (E.164, `+33612345678`) as a person reads it: in the national format for a
 * number of the agency's country (`06 12 34 56 78`), in the international format otherwise
 * (`+44 7911 123456`), with its `tel:` link. A value that is not a phone number is shown as
 * stored, without a link.
 */
export const displayPhone = (
  stored: string | null | undefined,
  agencyCountry: CountryCode = AGENCY_COUNTRY
): ContactPoint | { text: string; href: null } | null => {
  const text = stored?.trim();
  if (!text) return null;
  const parsed = parsePhoneNumberFromString(text);
  if (!parsed) return { text, href: null };
  return {
    text: parsed.country === agencyCountry ? parsed.formatNational() : parsed.formatInternational(),
    href: parsed.getURI(),
  };
};

/** An e-mail address with its `mailto:` link. */
export const displayEmail = (stored: string | null | undefined): ContactPoint | null => {
  const text = stored?.trim();
  return text ? { text, href: `mailto:${text}` } : null;
};
