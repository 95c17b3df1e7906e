import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { LIST_VIEW_LISTS, type ListViewList } from '../../../../../shared/list-views';
import { readOrRefuse } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam, refuseQueryParams } from '../../../utils/params';
import { readListColumns, readListViewInput, readListViewPatch } from '../validation';
import type { ViewOwner } from '../services/list-views';

/**
 * Whose views: the signed-in admin user's, of the list in the path (each list's routes check its
 * own read action, ../routes.ts). Nothing in a request can name another owner.
 */
const ownerOf = (ctx: Context): ViewOwner => {
  const list = String(ctx.params?.list ?? '') as ListViewList;
  const user = ctx.state.user as { id?: number } | undefined;
  if (!LIST_VIEW_LISTS.includes(list) || typeof user?.id !== 'number') {
    throw new errors.NotFoundError('no such list');
  }
  return { ownerId: user.id, list };
};

/** The admin's saved views and column choices of a list (docs/admin.md). */
const listViewsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    refuseQueryParams(ctx);
    ctx.body = { data: await getService(strapi, 'list-views').list(ownerOf(ctx)) };
  },

  async create(ctx: Context) {
    const owner = ownerOf(ctx);
    const input = readOrRefuse(readListViewInput(owner.list, ctx.request.body));
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'list-views').create(owner, input) };
  },

  async update(ctx: Context) {
    const owner = ownerOf(ctx);
    const documentId = documentIdParam(ctx);
    const patch = readOrRefuse(readListViewPatch(owner.list, ctx.request.body));
    const updated = await getService(strapi, 'list-views').update(owner, documentId, patch);
    if (!updated) throw new errors.NotFoundError('no such view');
    ctx.body = { data: updated };
  },

  async delete(ctx: Context) {
    const owner = ownerOf(ctx);
    const deleted = await getService(strapi, 'list-views').delete(owner, documentIdParam(ctx));
    if (!deleted) throw new errors.NotFoundError('no such view');
    ctx.status = 204;
  },

  async findColumns(ctx: Context) {
    refuseQueryParams(ctx);
    ctx.body = { data: await getService(strapi, 'list-columns').get(ownerOf(ctx)) };
  },

  async setColumns(ctx: Context) {
    const owner = ownerOf(ctx);
    const { columns } = readOrRefuse(readListColumns(owner.list, ctx.request.body));
    ctx.body = { data: await getService(strapi, 'list-columns').set(owner, columns) };
  },
});

export default listViewsController;
