import countries from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json';
import frCountries from 'i18n-iso-countries/langs/fr.json';

countries.registerLocale(enCountries);
countries.registerLocale(frCountries);

const sortedCountries = new Map<string, Array<{ code: string; name: string }>>();

/**
 * Countries as ISO code and name in the admin's language, sorted by that name; computed once per
 * language, as every list filter and form asks for them on each render.
 */
export const countryOptions = (locale: string) => {
  const language = locale.startsWith('fr') ? 'fr' : 'en';
  let options = sortedCountries.get(language);
  if (!options) {
    options = Object.entries(countries.getNames(language, { select: 'official' }))
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
    sortedCountries.set(language, options);
  }
  return options;
};

export const countryName = (code: string | null, locale: string) =>
  code ? (countries.getName(code, locale.startsWith('fr') ? 'fr' : 'en') ?? code) : '';
