import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { UID } from '../../../shared/constants';
import { getService } from './get-service';

/** How a route that changes a contact shows it in its answer. */
export type ShownContact = (strapi: Core.Strapi, ctx: Context, documentId: string) => Promise<unknown>;

/** The contact as the content API's findOne answers it, sanitized with the caller's permissions. */
export const contentApiContact: ShownContact = async (strapi, ctx, documentId) => {
  const contact = await strapi.documents(UID.contact).findOne({ documentId });
  return strapi.contentAPI.sanitize.output(contact, strapi.getModel(UID.contact), {
    auth: (ctx.state as { auth?: unknown }).auth,
  });
};

/** The contact as the admin's contact page shows it. */
export const adminContact: ShownContact = (strapi, _ctx, documentId) =>
  getService(strapi, 'admin-records').contactDetail(documentId);
