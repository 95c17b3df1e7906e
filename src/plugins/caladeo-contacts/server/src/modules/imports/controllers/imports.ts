import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readOrRefuse } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import { readImportFields } from '../validation';
import { withUploadedFile } from './upload';

type AuthState = { credentials?: { name?: string; username?: string; email?: string } | null };

const found = <T>(value: T | null): T => {
  if (value === null) throw new errors.NotFoundError('no such import');
  return value;
};

/** Content-API routes of imports: each handler is its own users-permissions action and token scope. */
const importsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const imports = () => getService(strapi, 'imports');
  return {
    async create(ctx: Context) {
      const summary = await withUploadedFile(strapi, ctx, (file, fields) => {
        const options = readOrRefuse(readImportFields(fields));
        const auth = ctx.state.auth as AuthState | undefined;
        const requestedBy =
          auth?.credentials?.name ?? auth?.credentials?.username ?? auth?.credentials?.email ?? null;
        return imports().create(file, options, requestedBy);
      });
      ctx.status = 202;
      ctx.body = { data: summary };
    },

    async findOne(ctx: Context) {
      ctx.body = { data: found(await imports().summary(documentIdParam(ctx))) };
    },

    async errors(ctx: Context) {
      const csv = found(await imports().errorsCsv(documentIdParam(ctx)));
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="import-errors.csv"');
      // a byte-order mark, so that Excel reads the accents right
      ctx.body = `\uFEFF${csv}`;
    },

    async cancel(ctx: Context) {
      ctx.body = { data: found(await imports().cancel(documentIdParam(ctx))) };
    },

    async undo(ctx: Context) {
      ctx.status = 202;
      ctx.body = { data: found(await imports().undo(documentIdParam(ctx))) };
    },
  };
};

export default importsController;
