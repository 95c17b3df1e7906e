import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import { sendSubscribersCsv } from './newsletter';

/** Admin routes: each carries `admin::hasPermissions` with its own action (routes/newsletter.ts). */
const newsletterAdminController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async exportSubscribers(ctx: Context) {
    sendSubscribersCsv(strapi, ctx);
  },

  async consentEventsOfContact(ctx: Context) {
    const documentId = documentIdParam(ctx);
    ctx.body = { data: await getService(strapi, 'consent-log').listForContact(documentId) };
  },
});

export default newsletterAdminController;
