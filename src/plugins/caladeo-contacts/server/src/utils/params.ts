import { DOCUMENT_ID_PATTERN } from '../../../shared/constants';
import { problem } from '../validation';
import { singleFieldError } from './errors';

/** The `:documentId` of a route's path, or a 400 naming it when it cannot be one. */
export const documentIdParam = (ctx: object) => {
  const params = (ctx as { params?: Record<string, unknown> }).params;
  const documentId = String(params?.documentId ?? '');
  if (!DOCUMENT_ID_PATTERN.test(documentId))
    throw singleFieldError('documentId', problem('documentId.invalid'));
  return documentId;
};
