/**
 * Field-error messages in the language of the person who reads them, for what the server writes
 * itself (an import's error file): the messages of shared/error-messages, which the admin shows
 * too, so that a message reads the same in a form and in a file. Every code of messages.ts has
 * one in each language (the type of `TRANSLATIONS` says so).
 *
 * The messages are ICU messages; this renders the part of ICU they use: `{name}`,
 * `{name, plural, one {…} other {…}}` (with `#`) and `{name, select, a {…} other {…}}`.
 */
import * as isoCountries from 'i18n-iso-countries';
import englishCountryNames from 'i18n-iso-countries/langs/en.json';
import frenchCountryNames from 'i18n-iso-countries/langs/fr.json';
import { ERROR_MESSAGES } from '../../../shared/error-messages';
import type { FieldErrorCode, FieldErrorValue, Problem } from './messages';

export const MESSAGE_LANGUAGES = ['fr', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** The agencies work in French: a reader whose language is not known reads French. */
export const DEFAULT_MESSAGE_LANGUAGE: MessageLanguage = 'fr';

const TRANSLATIONS: Record<MessageLanguage, Record<FieldErrorCode, string>> = ERROR_MESSAGES;

isoCountries.registerLocale(frenchCountryNames);
isoCountries.registerLocale(englishCountryNames);

/** One of the languages messages are written in, from an interface language or a header's choice. */
export const messageLanguageOf = (language: unknown): MessageLanguage =>
  MESSAGE_LANGUAGES.find((known) => known === language) ?? DEFAULT_MESSAGE_LANGUAGE;

type Values = Record<string, string | number>;

/** Values as a person reads them, as the admin shows them: a country by its name, a list as "A ou B". */
const displayValues = (values: Record<string, FieldErrorValue | undefined>, language: MessageLanguage) =>
  Object.fromEntries(
    Object.entries(values).flatMap(([name, value]): [string, string | number][] => {
      if (value === undefined) return [];
      if (Array.isArray(value)) {
        return [[name, new Intl.ListFormat(language, { type: 'disjunction' }).format(value.map(String))]];
      }
      if (name === 'country' && typeof value === 'string') {
        return [[name, isoCountries.getName(value, language) ?? value]];
      }
      return [[name, value as string | number]];
    })
  ) as Values;

/** The index just past the brace that closes the one opened at `open`. */
const closingBrace = (template: string, open: number) => {
  let depth = 0;
  for (let index = open; index < template.length; index += 1) {
    if (template[index] === '{') depth += 1;
    else if (template[index] === '}' && (depth -= 1) === 0) return index + 1;
  }
  throw new Error(`unbalanced braces in message "${template}"`);
};

/** The `key {message}` options of a plural or select argument. */
const optionsOf = (body: string) => {
  const options = new Map<string, string>();
  let index = 0;
  while (index < body.length) {
    const open = body.indexOf('{', index);
    if (open < 0) break;
    const end = closingBrace(body, open);
    options.set(body.slice(index, open).trim(), body.slice(open + 1, end - 1));
    index = end;
  }
  return options;
};

const formatIcu = (
  template: string,
  values: Values,
  language: MessageLanguage,
  count: number | null = null
): string => {
  let text = '';
  let index = 0;
  while (index < template.length) {
    const character = template[index] as string;
    if (character === '#' && count !== null) {
      text += new Intl.NumberFormat(language).format(count);
      index += 1;
      continue;
    }
    if (character !== '{') {
      text += character;
      index += 1;
      continue;
    }
    const end = closingBrace(template, index);
    const [name = '', kind, ...rest] = template.slice(index + 1, end - 1).split(',');
    const value = values[name.trim()];
    if (kind === undefined) {
      text += value === undefined ? '' : String(value);
    } else {
      const options = optionsOf(rest.join(','));
      if (kind.trim() === 'plural') {
        const number = Number(value);
        const chosen =
          options.get(`=${number}`) ??
          options.get(new Intl.PluralRules(language).select(number)) ??
          options.get('other') ??
          '';
        text += formatIcu(chosen, values, language, number);
      } else {
        text += formatIcu(options.get(String(value)) ?? options.get('other') ?? '', values, language, count);
      }
    }
    index = end;
  }
  return text;
};

/** The message of a problem in `language`, from the shared message of its code. */
export function renderMessageIn(found: Problem, language: MessageLanguage): string {
  const template = TRANSLATIONS[language][found.code];
  const values = displayValues(found.values as Record<string, FieldErrorValue | undefined>, language);
  return formatIcu(template, values, language);
}
