import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { DOCUMENT_ID_PATTERN } from '../../../../../shared/constants';
import { readOrRefuse, singleFieldError } from '../../../utils/errors';
import { adminContact, contentApiContact, type ShownContact } from '../../../utils/shown-contact';
import { getService } from '../../../utils/get-service';
import { problem } from '../../../validation';
import { readErasureConfirmation } from '../validation';

const documentIdParam = (ctx: Context) => {
  const documentId = String((ctx.params as Record<string, unknown> | undefined)?.documentId ?? '');
  if (!DOCUMENT_ID_PATTERN.test(documentId))
    throw singleFieldError('documentId', problem('documentId.invalid'));
  return documentId;
};

/**
 * The erasure of a contact, for the content API and the admin alike; only how the anonymised
 * contact is shown differs. Who erased is the request's caller (the history knows it).
 */
const erasuresController =
  (shown: ShownContact) =>
  ({ strapi }: { strapi: Core.Strapi }) => ({
    /** `POST …/contacts/:documentId/erase` with `{ data: { confirm: true } }`. */
    async create(ctx: Context) {
      const documentId = documentIdParam(ctx);
      readOrRefuse(readErasureConfirmation(ctx.request.body));
      const report = await getService(strapi, 'erasure').eraseContact(documentId, { reason: 'request' });
      ctx.body = { data: await shown(strapi, ctx, documentId), meta: { erasure: report } };
    },

    /** `GET …/contacts/:documentId/erasure` (admin): when the contact was erased, or null. */
    async findOne(ctx: Context) {
      const documentId = documentIdParam(ctx);
      ctx.body = { data: await getService(strapi, 'erasure').erasureOf(documentId) };
    },
  });

export const contentApiErasures = erasuresController(contentApiContact);
export const adminErasures = erasuresController(adminContact);
