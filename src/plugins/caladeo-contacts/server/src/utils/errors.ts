import { errors } from '@strapi/utils';
import type { FieldError } from '../validation';

/**
 * Builds the error Strapi turns into HTTP 400 with its usual envelope:
 * `{ error: { status: 400, name: 'ValidationError', message, details: { errors: [{ path, message, name }] } } }`.
 */
export const fieldValidationError = (fieldErrors: FieldError[]) => {
  const [first] = fieldErrors;
  const summary =
    fieldErrors.length === 1 && first
      ? `${first.path.join('.')} ${first.message}`
      : `${fieldErrors.length} fields are invalid`;
  return new errors.ValidationError(summary, {
    errors: fieldErrors.map(({ path, message }) => ({
      path,
      message: `${path.join('.')} ${message}`,
      name: 'ValidationError',
    })),
  });
};

export const singleFieldError = (field: string, message: string) =>
  fieldValidationError([{ path: [field], message }]);
