import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readOrRefuse, singleFieldError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import { problem } from '../../../validation';
import { importSettings } from '../settings';
import { readImportFields } from '../validation';

type UploadedFile = { filepath: string; originalFilename?: string | null; size: number };
type AuthState = { credentials?: { name?: string; username?: string; email?: string } | null };

const found = <T>(value: T | null): T => {
  if (value === null) throw new errors.NotFoundError('no such import');
  return value;
};

const uploadedFile = (ctx: Context): UploadedFile => {
  const files =
    (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  const file = files.file;
  if (!file) throw singleFieldError('file', problem('required'));
  if (Array.isArray(file)) throw singleFieldError('file', problem('field.invalid'));
  return file;
};

/** Content-API routes of imports: each handler is its own users-permissions action and token scope. */
const importsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const imports = () => getService(strapi, 'imports');
  return {
    async create(ctx: Context) {
      const file = uploadedFile(ctx);
      try {
        const { maxFileBytes } = importSettings(strapi);
        if (file.size > maxFileBytes)
          throw singleFieldError('file', problem('import.fileTooLarge', { max: maxFileBytes }));
        const { file: _file, ...fields } = (ctx.request.body ?? {}) as Record<string, unknown>;
        const options = readOrRefuse(readImportFields(fields));
        const auth = ctx.state.auth as AuthState | undefined;
        const requestedBy =
          auth?.credentials?.name ?? auth?.credentials?.username ?? auth?.credentials?.email ?? null;
        const summary = await imports().create(
          { path: file.filepath, name: file.originalFilename ?? 'import' },
          options,
          requestedBy
        );
        ctx.status = 202;
        ctx.body = { data: summary };
      } finally {
        await fs.promises.rm(file.filepath, { force: true });
      }
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
