import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { CLIENT_FIELDS } from '../../../shared/contracts/admin';
import { readClientListQuery, readRecordBody } from '../validation/admin-request';
import { fieldValidationError } from '../utils/errors';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.ControllerHandler>[0];

const records = (strapi: Core.Strapi) => getService(strapi, 'admin-records');

/** The admin pages' client routes. Every write goes through the document service's rules. */
const adminClients = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const read = readClientListQuery(ctx.query);
    if (!read.ok) throw fieldValidationError(read.errors);
    ctx.body = await records(strapi).listClients(read.value.search);
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await records(strapi).clientDetail(ctx.params.documentId) };
  },

  async create(ctx: Context) {
    const read = readRecordBody(ctx.request.body, CLIENT_FIELDS);
    if (!read.ok) throw fieldValidationError(read.errors);
    const created = await strapi.documents(UID.client).create({ data: read.value as never });
    ctx.status = 201;
    ctx.body = { data: await records(strapi).clientDetail(created.documentId) };
  },

  async update(ctx: Context) {
    const read = readRecordBody(ctx.request.body, CLIENT_FIELDS);
    if (!read.ok) throw fieldValidationError(read.errors);
    const { documentId } = ctx.params;
    await records(strapi).assertExists(UID.client, documentId);
    await strapi.documents(UID.client).update({ documentId, data: read.value as never });
    ctx.body = { data: await records(strapi).clientDetail(documentId) };
  },

  async delete(ctx: Context) {
    const { documentId } = ctx.params;
    await records(strapi).assertExists(UID.client, documentId);
    await strapi.documents(UID.client).delete({ documentId });
    ctx.body = { data: { documentId } };
  },
});

export default adminClients;
