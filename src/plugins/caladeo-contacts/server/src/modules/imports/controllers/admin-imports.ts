import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readOrRefuse } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import { readHistoryQuery, readTemplateInput } from '../admin-validation';
import { readPreviewFields } from '../validation';
import { withUploadedFile } from './upload';

type AdminUser = { email?: string | null };

/**
 * The admin's Imports page: preview a file, the history, mapping templates (routes in
 * ../admin-routes.ts). Uploading, an import's progress, its error file, cancel and undo share the
 * content API's handlers.
 */
const adminImportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    const preview = await withUploadedFile(strapi, ctx, (file, fields) =>
      getService(strapi, 'import-preview').preview(file.path, readOrRefuse(readPreviewFields(fields)))
    );
    ctx.body = { data: preview };
  },

  async find(ctx: Context) {
    const query = readOrRefuse(readHistoryQuery(ctx.query));
    ctx.body = await getService(strapi, 'import-history').list(query);
  },

  async findTemplates(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'import-templates').list() };
  },

  async createTemplate(ctx: Context) {
    const input = readOrRefuse(readTemplateInput(ctx.request.body));
    const user = ctx.state.user as AdminUser | undefined;
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'import-templates').create(input, user?.email ?? null) };
  },

  async deleteTemplate(ctx: Context) {
    const deleted = await getService(strapi, 'import-templates').delete(documentIdParam(ctx));
    if (!deleted) throw new errors.NotFoundError('no such mapping template');
    ctx.status = 204;
  },
});

export default adminImportsController;
