import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { UID } from '../../../shared/constants';
import { getService } from './get-service';

/** How a route that changes a contact (or a client) shows it in its answer. */
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

/** The client as the content API's findOne answers it, sanitized with the caller's permissions. */
export const contentApiClient: ShownContact = async (strapi, ctx, documentId) => {
  const client = await strapi.documents(UID.client).findOne({ documentId });
  return strapi.contentAPI.sanitize.output(client, strapi.getModel(UID.client), {
    auth: (ctx.state as { auth?: unknown }).auth,
  });
};

/** The client as the admin's client page shows it. */
export const adminClient: ShownContact = (strapi, _ctx, documentId) =>
  getService(strapi, 'admin-records').clientDetail(documentId);
