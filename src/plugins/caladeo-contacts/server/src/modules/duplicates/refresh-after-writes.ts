import type { Core } from '@strapi/strapi';
import { UID } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { REFRESH_JOB } from './jobs';

type ContactCall = { uid: string; action: string; params: { documentId?: string } };

const WRITES = new Set(['create', 'update', 'clone']);

/**
 * Keeps the pairs of the scan current, whatever wrote the contact (admin, REST, GraphQL): a
 * written contact's pairs are refreshed by a job queued in the write's own transaction (the
 * lookup costs more than a write should wait for), and a deleted contact's pairs go with it.
 */
export const refreshPairsAfterWrites = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const call = context as unknown as ContactCall;
    if (call.uid !== UID.contact) return next();
    if (call.action === 'delete' && call.params.documentId) {
      const stored = (await strapi.db
        .query(UID.contact)
        .findOne({ select: ['id'], where: { documentId: call.params.documentId } })) as { id: number } | null;
      const result = await next();
      if (stored) await getService(strapi, 'duplicate-pairs').removeContact(stored.id);
      return result;
    }
    if (!WRITES.has(call.action)) return next();
    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId;
    if (documentId) await getService(strapi, 'jobs').enqueue(REFRESH_JOB, { documentId });
    return result;
  });
};
