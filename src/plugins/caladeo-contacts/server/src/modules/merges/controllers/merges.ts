import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { DOCUMENT_ID_PATTERN } from '../../../../../shared/constants';
import { readOrRefuse, singleFieldError } from '../../../utils/errors';
import {
  adminClient,
  adminContact,
  contentApiClient,
  contentApiContact,
  type ShownContact,
} from '../../../utils/shown-contact';
import { getService } from '../../../utils/get-service';
import { problem } from '../../../validation';
import type { Reading } from '../../../validation/types';
import { actorOf } from '../../newsletter/services/consent-log';
import {
  readClientMergeRequest,
  readMergeRequest,
  readPreviewFlag,
  type ClientMergeRequest,
  type MergeRequest,
} from '../validation';

type AuthState = Parameters<typeof actorOf>[0];

const mergeIdParam = (ctx: Context) => {
  const mergeId = String((ctx.params as Record<string, unknown> | undefined)?.mergeId ?? '');
  if (!DOCUMENT_ID_PATTERN.test(mergeId)) throw singleFieldError('mergeId', problem('documentId.invalid'));
  return mergeId;
};

type MergeKind<Request> = {
  service: (strapi: Core.Strapi) => {
    preview(request: Request): Promise<unknown>;
    merge(request: Request, actor: ReturnType<typeof actorOf>): Promise<string>;
    undo(
      mergeId: string,
      actor: ReturnType<typeof actorOf>
    ): Promise<{ survivor: string; restored: string[]; kept: { field: string; value: unknown }[] }>;
  };
  read: (body: unknown) => Reading<Request>;
};

const CONTACTS: MergeKind<MergeRequest> = {
  service: (strapi) => getService(strapi, 'merges'),
  read: readMergeRequest,
};
const CLIENTS: MergeKind<ClientMergeRequest> = {
  service: (strapi) => getService(strapi, 'client-merges'),
  read: readClientMergeRequest,
};

/**
 * Merge and undo, of contacts or of clients, for the content API and the admin alike; only how
 * the survivor is shown differs (the content API's findOne, sanitized with the caller's
 * permissions, or the admin's detail). The content-API actions are `create` and `undo`: read-only
 * tokens hold neither.
 */
const mergesController =
  <Request extends { survivor: string }>(kind: MergeKind<Request>, shown: ShownContact) =>
  ({ strapi }: { strapi: Core.Strapi }) => {
    const merges = () => kind.service(strapi);
    const actor = (ctx: Context) => actorOf((ctx.state as { auth?: AuthState }).auth);
    return {
      /** `POST …/contacts/merge` or `…/clients/merge`, `?preview=true` to see what it would do. */
      async create(ctx: Context) {
        const preview = readOrRefuse(readPreviewFlag(ctx.query));
        const request = readOrRefuse(kind.read(ctx.request.body));
        if (preview) {
          ctx.body = { data: await merges().preview(request), meta: { preview: true } };
          return;
        }
        const mergeId = await merges().merge(request, actor(ctx));
        ctx.body = { data: await shown(strapi, ctx, request.survivor), meta: { mergeId } };
      },

      /** `POST …/merges/:mergeId/undo` or `…/clients/merges/:mergeId/undo`. */
      async undo(ctx: Context) {
        const result = await merges().undo(mergeIdParam(ctx), actor(ctx));
        ctx.body = {
          data: await shown(strapi, ctx, result.survivor),
          meta: { mergeId: mergeIdParam(ctx), restored: result.restored, keptChanges: result.kept },
        };
      },
    };
  };

export const contentApiMerges = mergesController(CONTACTS, contentApiContact);
export const adminMerges = mergesController(CONTACTS, adminContact);
export const contentApiClientMerges = mergesController(CLIENTS, contentApiClient);
export const adminClientMerges = mergesController(CLIENTS, adminClient);
