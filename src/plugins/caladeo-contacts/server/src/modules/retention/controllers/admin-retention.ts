import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { RETENTION_POLICIES } from '../../../../../shared/constants';
import { readOrRefuse, statusError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { problem } from '../../../validation';
import { actorOf } from '../../newsletter/services/consent-log';
import {
  policyOfParam,
  readHoldId,
  readHoldListQuery,
  readHoldRequest,
  readLiftRequest,
  readPolicySetting,
  readPreviewQuery,
  readRunListQuery,
} from '../validation';

type AuthState = Parameters<typeof actorOf>[0];
const actor = (ctx: Context) => actorOf((ctx.state as { auth?: AuthState }).auth);

/** The "Conservation des données" page (routes in ../routes.ts, all behind `privacy.settings`). */
const adminRetentionController = ({ strapi }: { strapi: Core.Strapi }) => {
  const retention = () => getService(strapi, 'retention');
  const holds = () => getService(strapi, 'legal-holds');
  return {
    async policies(ctx: Context) {
      ctx.body = { data: await retention().policies() };
    },

    async setPolicy(ctx: Context) {
      const policy = policyOfParam((ctx.params as Record<string, unknown>).policy);
      if (!policy)
        throw statusError(
          404,
          ['policy'],
          problem('retention.unknownPolicy', { allowed: RETENTION_POLICIES })
        );
      const setting = readOrRefuse(readPolicySetting(ctx.request.body));
      ctx.body = { data: await retention().setPolicy(policy, setting, actor(ctx)) };
    },

    async preview(ctx: Context) {
      ctx.body = await retention().preview(readOrRefuse(readPreviewQuery(ctx.query)));
    },

    async runs(ctx: Context) {
      const { page, pageSize } = readOrRefuse(readRunListQuery(ctx.query));
      ctx.body = await retention().runs(page, pageSize);
    },

    async holds(ctx: Context) {
      ctx.body = await holds().list(readOrRefuse(readHoldListQuery(ctx.query)));
    },

    async placeHold(ctx: Context) {
      const { contact, reason } = readOrRefuse(readHoldRequest(ctx.request.body));
      ctx.status = 201;
      ctx.body = { data: await holds().place(contact, reason, actor(ctx)) };
    },

    async liftHold(ctx: Context) {
      const holdId = readOrRefuse(readHoldId(ctx.params));
      const { reason } = readOrRefuse(readLiftRequest(ctx.request.body));
      ctx.body = { data: await holds().lift(holdId, reason, actor(ctx)) };
    },
  };
};

export default adminRetentionController;
