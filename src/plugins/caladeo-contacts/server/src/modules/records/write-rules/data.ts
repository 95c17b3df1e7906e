import { errors } from '@strapi/utils';
import type { DocumentCall } from './types';

/** The write payload as a plain object; anything else is refused before it reaches the database. */
export const writePayload = (call: DocumentCall): Record<string, unknown> => {
  const { data } = call.params;
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new errors.ValidationError('data must be an object');
  }
  return data as Record<string, unknown>;
};

/** Update and clone read the stored document first; create starts from nothing. */
export const isWriteOnExisting = (call: DocumentCall) => call.action === 'update' || call.action === 'clone';
