import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { DOCUMENT_ID_PATTERN } from '../../../../../shared/constants';
import { readOrRefuse, singleFieldError } from '../../../utils/errors';
import { adminContact, contentApiContact, type ShownContact } from '../../../utils/shown-contact';
import { getService } from '../../../utils/get-service';
import { problem } from '../../../validation';
import { actorOf } from '../../newsletter/services/consent-log';
import { readMergeRequest, readPreviewFlag } from '../validation';

type AuthState = Parameters<typeof actorOf>[0];

const mergeIdParam = (ctx: Context) => {
  const mergeId = String((ctx.params as Record<string, unknown> | undefined)?.mergeId ?? '');
  if (!DOCUMENT_ID_PATTERN.test(mergeId)) throw singleFieldError('mergeId', problem('documentId.invalid'));
  return mergeId;
};

/**
 * Merge and undo, for the content API and the admin alike; only how the survivor is shown differs
 * (the content API's findOne of a contact, sanitized with the caller's permissions, or the admin's
 * contact detail). The content-API actions are `create` and `undo`: read-only tokens hold neither.
 */
const mergesController =
  (shown: ShownContact) =>
  ({ strapi }: { strapi: Core.Strapi }) => {
    const merges = () => getService(strapi, 'merges');
    const actor = (ctx: Context) => actorOf((ctx.state as { auth?: AuthState }).auth);
    return {
      /** `POST …/contacts/merge`, `?preview=true` to see what it would do. */
      async create(ctx: Context) {
        const preview = readOrRefuse(readPreviewFlag(ctx.query));
        const request = readOrRefuse(readMergeRequest(ctx.request.body));
        if (preview) {
          ctx.body = { data: await merges().preview(request), meta: { preview: true } };
          return;
        }
        const mergeId = await merges().merge(request, actor(ctx));
        ctx.body = { data: await shown(strapi, ctx, request.survivor), meta: { mergeId } };
      },

      /** `POST …/merges/:mergeId/undo`. */
      async undo(ctx: Context) {
        const result = await merges().undo(mergeIdParam(ctx), actor(ctx));
        ctx.body = {
          data: await shown(strapi, ctx, result.survivor),
          meta: { mergeId: mergeIdParam(ctx), restored: result.restored, keptChanges: result.kept },
        };
      },
    };
  };

export const contentApiMerges = mergesController(contentApiContact);
export const adminMerges = mergesController(adminContact);
