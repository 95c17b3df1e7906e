import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { DOCUMENT_ID_PATTERN } from '../../../../../shared/constants';
import { singleFieldError } from '../../../utils/errors';
import { problem } from '../../../validation';
import { getService } from '../../../utils/get-service';
import { sendSubscribersCsv } from './newsletter';

/** Admin routes: each carries `admin::hasPermissions` with its own action (routes/newsletter.ts). */
const newsletterAdminController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async exportSubscribers(ctx: Context) {
    sendSubscribersCsv(strapi, ctx);
  },

  async consentEventsOfContact(ctx: Context) {
    const documentId = String((ctx.params as Record<string, unknown>).documentId ?? '');
    if (!DOCUMENT_ID_PATTERN.test(documentId))
      throw singleFieldError('documentId', problem('documentId.invalid'));
    ctx.body = { data: await getService(strapi, 'consent-log').listForContact(documentId) };
  },
});

export default newsletterAdminController;
