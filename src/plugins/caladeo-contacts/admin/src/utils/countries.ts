import countries from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json';
import frCountries from 'i18n-iso-countries/langs/fr.json';

countries.registerLocale(enCountries);
countries.registerLocale(frCountries);

/** Countries as ISO code and name in the admin's language, sorted by that name. */
export const countryOptions = (locale: string) => {
  const language = locale.startsWith('fr') ? 'fr' : 'en';
  return Object.entries(countries.getNames(language, { select: 'official' }))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
};

export const countryName = (code: string | null, locale: string) =>
  code ? (countries.getName(code, locale.startsWith('fr') ? 'fr' : 'en') ?? code) : '';
