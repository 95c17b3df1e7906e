import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { UID } from '../../../../../shared/constants';
import { getService } from '../../../utils/get-service';
import { documentIdParam, refuseQueryParams } from '../../../utils/params';

/**
 * A contact's consent log with the evidence of each event (IP address, user agent, e-mail digest),
 * for the content API (scope `plugin::caladeo-contacts.consent-evidence.read`) and the admin
 * (action "Read the consent log with its evidence") alike. The consent log's other reads leave the
 * evidence out.
 */
const consentEvidenceController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET …/contacts/:documentId/consent-evidence` */
  async read(ctx: Context) {
    refuseQueryParams(ctx);
    const documentId = documentIdParam(ctx);
    const contact = await strapi.db.query(UID.contact).findOne({ select: ['id'], where: { documentId } });
    if (!contact) throw new errors.NotFoundError(`No contact has documentId ${documentId}`);
    // evidence about a person: no shared cache may keep it
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = {
      data: await getService(strapi, 'consent-log').listForContact(documentId, { evidence: true }),
    };
  },
});

export default consentEvidenceController;
