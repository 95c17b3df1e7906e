import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readOrRefuse, singleFieldError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import { problem } from '../../../validation';
import { readPairListQuery } from '../validation';

type Caller = {
  user?: { email?: string | null; username?: string | null } | null;
  auth?: { credentials?: { name?: string; username?: string; email?: string } | null } | null;
};

/** Who dismissed a pair: the admin's e-mail, the API token's name or the user's name. */
const callerName = (ctx: Context) => {
  const { user, auth } = ctx.state as Caller;
  const credentials = auth?.credentials;
  return user?.email ?? credentials?.name ?? credentials?.username ?? credentials?.email ?? null;
};

/** The pairs of the scan, for the "Doublons" page and the content API alike. */
export const duplicatePairsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const pairs = () => getService(strapi, 'duplicate-pairs');
  return {
    async find(ctx: Context) {
      ctx.body = await pairs().list(readOrRefuse(readPairListQuery(ctx.query)));
    },

    async dismiss(ctx: Context) {
      const documentId = documentIdParam(ctx);
      const outcome = await pairs().dismiss(documentId, callerName(ctx));
      if (!outcome) throw new errors.NotFoundError('No duplicate pair has this documentId');
      if (!outcome.changed)
        throw singleFieldError('status', problem('duplicatePair.notOpen', { status: outcome.status }));
      ctx.body = { data: await pairs().findOne(documentId), meta: {} };
    },
  };
};

/** The scan: its latest job, and a new one on demand. */
export const duplicateScanController = ({ strapi }: { strapi: Core.Strapi }) => {
  const pairs = () => getService(strapi, 'duplicate-pairs');
  return {
    async findOne(ctx: Context) {
      ctx.body = { data: await pairs().latestScan(), meta: {} };
    },

    async create(ctx: Context) {
      ctx.status = 202;
      ctx.body = { data: await pairs().requestScan(), meta: {} };
    },
  };
};
