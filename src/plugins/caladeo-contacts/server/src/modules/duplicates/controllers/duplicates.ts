import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readOrRefuse } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import { UID } from '../../../../../shared/constants';
import {
  comparableClient,
  comparableContact,
  readClientDuplicateCheck,
  readDuplicateCheck,
} from '../validation';

/**
 * Likely duplicates, for the admin's contact form and for the content API alike: the handlers
 * only read, so each content-API action is named `find`/`findOne` (read-only tokens may call them).
 */
const duplicatesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const duplicates = () => getService(strapi, 'duplicates');
  return {
    /** `POST …/contacts/duplicates/check`: a contact being typed, saved or not. */
    async find(ctx: Context) {
      const check = readOrRefuse(readDuplicateCheck(ctx.request.body));
      let stored: Record<string, unknown> | null = null;
      let clients = check.clients;
      if (check.documentId) {
        stored = (await strapi.db
          .query(UID.contact)
          .findOne({ where: { documentId: check.documentId } })) as Record<string, unknown> | null;
        if (!stored) throw new errors.NotFoundError('No contact has this documentId');
        clients = [...new Set([...clients, ...(await duplicates().clientsOfStored(check.documentId))])];
      }
      const typed = comparableContact(check.typed, stored, clients);
      ctx.body = { data: await duplicates().likelyDuplicatesOf(typed, check.documentId), meta: {} };
    },

    /** `GET …/contacts/:documentId/duplicates`: a stored contact. */
    async findOne(ctx: Context) {
      const found = await duplicates().likelyDuplicatesOfStored(documentIdParam(ctx));
      if (found === null) throw new errors.NotFoundError('No contact has this documentId');
      ctx.body = { data: found, meta: {} };
    },
  };
};

/** Likely duplicate clients, the same two reads for the admin's client form and the content API. */
export const clientDuplicatesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const duplicates = () => getService(strapi, 'client-duplicates');
  return {
    /** `POST …/clients/duplicates/check`: a client being typed, saved or not. */
    async find(ctx: Context) {
      const check = readOrRefuse(readClientDuplicateCheck(ctx.request.body));
      const stored = check.documentId ? await duplicates().comparedOfStored(check.documentId) : null;
      if (check.documentId && !stored) throw new errors.NotFoundError('No client has this documentId');
      const typed = comparableClient(check.typed, stored);
      ctx.body = { data: await duplicates().likelyDuplicatesOf(typed, check.documentId), meta: {} };
    },

    /** `GET …/clients/:documentId/duplicates`: a stored client. */
    async findOne(ctx: Context) {
      const found = await duplicates().likelyDuplicatesOfStored(documentIdParam(ctx));
      if (found === null) throw new errors.NotFoundError('No client has this documentId');
      ctx.body = { data: found, meta: {} };
    },
  };
};

export default duplicatesController;
