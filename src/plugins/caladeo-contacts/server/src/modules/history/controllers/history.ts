import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { UID, type HistoryTargetType } from '../../../../../shared/constants';
import { readOrRefuse } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import { readHistoryQuery } from '../validation';

const TARGETS = {
  contact: { uid: UID.contact, missing: 'No contact has this documentId' },
  client: { uid: UID.client, missing: 'No client has this documentId' },
} as const;

/**
 * A contact's or a client's history, for the admin's detail pages and the content API alike. A
 * deleted record keeps its history: the answer is a 404 only when nothing ever had this documentId.
 */
const historyController = ({ strapi }: { strapi: Core.Strapi }) => {
  const answer = async (ctx: Context, targetType: Extract<HistoryTargetType, 'contact' | 'client'>) => {
    const documentId = documentIdParam(ctx);
    const query = readOrRefuse(readHistoryQuery(ctx.query));
    const page = await getService(strapi, 'history').list(targetType, documentId, query);
    if (page.meta.pagination.total === 0) {
      const { uid, missing } = TARGETS[targetType];
      const known =
        (await strapi.db.query(uid).findOne({ select: ['id'], where: { documentId } })) ??
        (await strapi.db.query(UID.historyEntry).findOne({
          select: ['id'],
          where: { targetType, targetDocumentId: documentId },
        }));
      if (!known) throw new errors.NotFoundError(missing);
    }
    ctx.body = page;
  };
  return {
    /** `GET …/contacts/:documentId/history` */
    contactHistory: (ctx: Context) => answer(ctx, 'contact'),
    /** `GET …/clients/:documentId/history` */
    clientHistory: (ctx: Context) => answer(ctx, 'client'),
  };
};

export default historyController;
