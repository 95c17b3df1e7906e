import { errors } from '@strapi/utils';
import { fieldError, type FieldError, type Problem } from '../validation';
import type { Reading } from '../validation/types';

/**
 * Builds the error Strapi turns into HTTP 400 with its usual envelope:
 * `{ error: { status: 400, name: 'ValidationError', message, details: { errors: [entry…] } } }`
 * where each entry is `{ path, message, name, code, values }`. `code` and `values` let a client
 * show the error in its own language; docs/api.md lists the codes.
 */
export const fieldValidationError = (fieldErrors: FieldError[]) => {
  const [first] = fieldErrors;
  const summary =
    fieldErrors.length === 1 && first
      ? `${first.path.join('.')} ${first.message}`
      : `${fieldErrors.length} fields are invalid`;
  return new errors.ValidationError(summary, {
    errors: fieldErrors.map(({ path, message, code, values }) => ({
      path,
      message: `${path.join('.')} ${message}`,
      name: 'ValidationError',
      code,
      values,
    })),
  });
};

export const singleFieldError = (field: string, found: Problem) =>
  fieldValidationError([fieldError([field], found)]);

/** Reads a request part, or answers 400 naming the faulty fields. */
export const readOrRefuse = <T>(read: Reading<T>): T => {
  if (!read.ok) throw fieldValidationError(read.errors);
  return read.value;
};
