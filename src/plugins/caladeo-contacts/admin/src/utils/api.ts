import { isFetchError } from '@strapi/strapi/admin';

export const API = '/caladeo-contacts';

/** Field errors of Strapi's 400 envelope, by first path segment, for showing next to the fields. */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  if (!isFetchError(error)) return {};
  const details = error.response?.data?.error?.details as
    | { errors?: Array<{ path: Array<string | number>; message: string }> }
    | undefined;
  return Object.fromEntries(
    (details?.errors ?? []).map((entry) => [String(entry.path[0] ?? ''), entry.message])
  );
};

export const messageOf = (error: unknown) =>
  isFetchError(error) ? (error.response?.data?.error?.message ?? error.message) : String(error);
