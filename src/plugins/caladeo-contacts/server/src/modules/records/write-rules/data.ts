import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { modelOf } from '../../../utils/database-model';
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

/**
 * Concurrent writes that check the same record wait for each other (a PostgreSQL row lock, held
 * until the write's transaction ends), so that each checks what the previous one stored: thirty
 * callers turning a contact's newsletter on at once leave one consent event, fifty giving it the
 * same role on one client leave one link. SQLite runs one writing transaction at a time already.
 */
export const lockForUpdate = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  await strapi.db.transaction(({ trx }) =>
    trx(modelOf(strapi, uid).tableName).select('id').where('document_id', documentId).forUpdate()
  );
};
