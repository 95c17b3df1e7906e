import { DOCUMENT_ID_PATTERN } from '../../../shared/constants';
import { fieldError, problem } from '../validation';
import { fieldValidationError, singleFieldError } from './errors';

/** The `:documentId` of a route's path, or a 400 naming it when it cannot be one. */
export const documentIdParam = (ctx: object) => {
  const params = (ctx as { params?: Record<string, unknown> }).params;
  const documentId = String(params?.documentId ?? '');
  if (!DOCUMENT_ID_PATTERN.test(documentId))
    throw singleFieldError('documentId', problem('documentId.invalid'));
  return documentId;
};

/**
 * For routes that take no query parameter, or only the `allowed` ones: a typo must be refused, not
 * silently ignored.
 */
export const refuseQueryParams = (ctx: object, allowed: readonly string[] = []) => {
  const unknownKeys = Object.keys((ctx as { query?: Record<string, unknown> }).query ?? {}).filter(
    (key) => !allowed.includes(key)
  );
  if (unknownKeys.length > 0) {
    throw fieldValidationError(unknownKeys.map((key) => fieldError([key], problem('query.notAParameter'))));
  }
};
