import type { IntlShape } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { countryName } from './countries';

/** One entry of `error.details.errors` in Strapi's 400 envelope, as the plugin's server writes it. */
export type FieldErrorEntry = {
  path: Array<string | number>;
  message: string;
  code?: string;
  values?: Record<string, unknown>;
};

type DisplayValue = string | number;

/** Values as a person reads them: a country by its name, a list as "A ou B". */
const displayValue = (name: string, value: unknown, intl: IntlShape): DisplayValue => {
  if (Array.isArray(value)) return intl.formatList(value.map(String), { type: 'disjunction' });
  if (name === 'country' && typeof value === 'string') return countryName(value, intl.locale);
  return typeof value === 'number' ? value : String(value);
};

/**
 * The message of a field error in the admin's language, from its code (keys `error.<code>`, the
 * messages of shared/error-messages); an error without a known code keeps the server's English message.
 */
export const translateFieldError = (entry: FieldErrorEntry, intl: IntlShape): string => {
  const id = `${PLUGIN_ID}.error.${entry.code ?? ''}`;
  if (!entry.code || intl.messages[id] === undefined) return entry.message;
  const values = Object.fromEntries(
    Object.entries(entry.values ?? {}).map(([name, value]) => [name, displayValue(name, value, intl)])
  );
  return intl.formatMessage({ id }, values);
};
