/**
 * Country resolution: agency staff type "Belgique", "germany" or "deu"; every other part of the
 * plugin (phones, postal codes, address blocks) needs the ISO 3166-1 alpha-2 code.
 */
import * as isoCountries from 'i18n-iso-countries';
import englishCountryNames from 'i18n-iso-countries/langs/en.json';
import frenchCountryNames from 'i18n-iso-countries/langs/fr.json';

import { foldNameForMatching } from './fold';

/** The languages whose country names we accept: the agencies' (French) and the lingua franca. */
const NAME_LANGUAGES = ['fr', 'en'] as const;

/**
 * Everyday names that the ISO name lists lack but French agency staff do type. The UK nations
 * are not ISO countries, yet their phones and postcodes are British ones.
 */
const EXTRA_COUNTRY_NAMES: Readonly<Record<string, string>> = {
  'etats unis': 'US',
  angleterre: 'GB',
  ecosse: 'GB',
  'pays de galles': 'GB',
  'irlande du nord': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  hollande: 'NL',
  holland: 'NL',
};

type CountryIndex = {
  alpha2Codes: ReadonlySet<string>;
  /** Folded name → alpha-2; names that designate several countries are left out. */
  alpha2ByName: ReadonlyMap<string, string>;
};

let countryIndex: CountryIndex | null = null;

function buildCountryIndex(): CountryIndex {
  isoCountries.registerLocale(frenchCountryNames);
  isoCountries.registerLocale(englishCountryNames);

  const alpha2ByName = new Map<string, string>();
  const ambiguousNames = new Set<string>();
  for (const language of NAME_LANGUAGES) {
    const namesByCode = isoCountries.getNames(language, { select: 'all' });
    for (const [alpha2, names] of Object.entries(namesByCode)) {
      for (const name of names) {
        const key = foldNameForMatching(name);
        const known = alpha2ByName.get(key);
        if (known !== undefined && known !== alpha2) {
          // "Congo" names two countries: better to ask than to guess.
          ambiguousNames.add(key);
        }
        alpha2ByName.set(key, alpha2);
      }
    }
  }
  for (const key of ambiguousNames) {
    alpha2ByName.delete(key);
  }
  for (const [name, alpha2] of Object.entries(EXTRA_COUNTRY_NAMES)) {
    if (!alpha2ByName.has(name)) {
      alpha2ByName.set(name, alpha2);
    }
  }
  return {
    alpha2Codes: new Set(Object.keys(isoCountries.getAlpha2Codes())),
    alpha2ByName,
  };
}

function getCountryIndex(): CountryIndex {
  countryIndex ??= buildCountryIndex();
  return countryIndex;
}

/**
 * Returns the upper-case alpha-2 code for an alpha-2 or alpha-3 code (any case) or a French or
 * English country name (case-, accent- and punctuation-insensitive), or null when unknown.
 */
export function resolveCountryCode(input: string): string | null {
  const index = getCountryIndex();
  const folded = foldNameForMatching(input);
  if (/^[a-z]{2}$/.test(folded)) {
    const alpha2 = folded.toUpperCase();
    if (index.alpha2Codes.has(alpha2)) {
      return alpha2;
    }
  }
  if (/^[a-z]{3}$/.test(folded)) {
    const alpha2 = isoCountries.alpha3ToAlpha2(folded.toUpperCase());
    if (alpha2 !== undefined) {
      return alpha2;
    }
  }
  return index.alpha2ByName.get(folded) ?? null;
}
