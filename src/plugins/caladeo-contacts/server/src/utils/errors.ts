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

const STATUS_NAMES = {
  404: 'NotFoundError',
  409: 'ConflictError',
  410: 'GoneError',
  429: 'RateLimitError',
} as const;

/**
 * A refusal with another status than 400 (a record that does not exist, a state that forbids the
 * request), in the same envelope and with the same field errors as a ValidationError. Strapi
 * formats any HttpError with its status, name and details.
 */
export const statusFieldErrors = (status: keyof typeof STATUS_NAMES, fieldErrors: FieldError[]) => {
  const name = STATUS_NAMES[status];
  const entries = fieldErrors.map(({ path, message, code, values }) => ({
    path,
    message: `${path.join('.')} ${message}`,
    name,
    code,
    values,
  }));
  const [first] = entries;
  const summary =
    entries.length === 1 && first ? first.message : `${entries.length} fields cannot be changed`;
  const error = Object.assign(new Error(summary), {
    status,
    statusCode: status,
    expose: true,
    name,
    details: { errors: entries },
  });
  // http-errors' HttpError cannot be constructed; Strapi recognises its errors by this prototype
  Object.setPrototypeOf(error, errors.HttpError.prototype);
  return error;
};

export const statusError = (status: keyof typeof STATUS_NAMES, field: string[], found: Problem) =>
  statusFieldErrors(status, [fieldError(field, found)]);
