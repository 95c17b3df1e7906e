import { isFetchError } from '@strapi/strapi/admin';
import type { IntlShape } from 'react-intl';
import { translateFieldError, type FieldErrorEntry } from './field-errors';

export const API = '/caladeo-contacts';

/**
 * Field errors of Strapi's 400 envelope, by first path segment, in the admin's language, for
 * showing next to the fields.
 */
export const fieldErrorsOf = (error: unknown, intl: IntlShape): Record<string, string> =>
  Object.fromEntries(
    fieldErrorEntriesOf(error).map((entry) => [String(entry.path[0] ?? ''), translateFieldError(entry, intl)])
  );

/** The field errors of Strapi's error envelope, as the server wrote them (code and values). */
export const fieldErrorEntriesOf = (error: unknown): FieldErrorEntry[] => {
  if (!isFetchError(error)) return [];
  const details = error.response?.data?.error?.details as { errors?: FieldErrorEntry[] } | undefined;
  return details?.errors ?? [];
};

export const messageOf = (error: unknown) =>
  isFetchError(error) ? (error.response?.data?.error?.message ?? error.message) : String(error);

/**
 * One line for a refused change: the first of these fields' errors, else any field error, in the
 * admin's language; the server's English summary only when no field is named.
 */
export const refusalOf = (error: unknown, intl: IntlShape, fields: readonly string[]) => {
  const fieldErrors = fieldErrorsOf(error, intl);
  const named = fields.map((field) => fieldErrors[field]).find(Boolean);
  return named ?? Object.values(fieldErrors)[0] ?? messageOf(error);
};
