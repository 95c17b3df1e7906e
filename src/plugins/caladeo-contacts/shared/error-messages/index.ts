/**
 * The field-error messages in French and English, by error code (the codes of
 * server/src/validation/messages.ts). One copy read by both sides: the server writes them into
 * what it renders itself in the reader's language (an import's error file), the admin registers
 * them as its `error.<code>` strings, so a message reads the same in a form and in a file.
 *
 * They are ICU messages (`{max, plural, one {# caractère} other {# caractères}}`,
 * `{target, select, client {…} other {…}}`): react-intl formats them in the admin,
 * server/src/validation/localised-messages.ts on the server.
 */
import en from './en.json';
import fr from './fr.json';

export const ERROR_MESSAGES = { fr, en };

export type ErrorMessageLanguage = keyof typeof ERROR_MESSAGES;

/** The messages as the admin's translations name them: `error.<code>`. */
export const errorMessageTranslations = (language: ErrorMessageLanguage) =>
  Object.fromEntries(
    Object.entries(ERROR_MESSAGES[language]).map(([code, message]) => [`error.${code}`, message])
  ) as Record<`error.${string}`, string>;
