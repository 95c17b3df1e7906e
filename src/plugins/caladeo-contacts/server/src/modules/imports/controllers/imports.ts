import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readOrRefuse } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import { MESSAGE_LANGUAGES, messageLanguageOf, type MessageLanguage } from '../../../validation';
import { readImportFields } from '../validation';
import { withUploadedFile } from './upload';

type AuthState = {
  strategy?: { name?: string };
  credentials?: { name?: string; username?: string; email?: string } | null;
};

/**
 * The language of the one who starts an import, which its error file is written in: an admin
 * user's interface language; for the content API, what the request's Accept-Language prefers
 * among French and English; French otherwise, as the agency works.
 */
const requesterLanguage = (ctx: Context): MessageLanguage => {
  const auth = ctx.state.auth as AuthState | undefined;
  if (auth?.strategy?.name === 'admin') {
    return messageLanguageOf(
      (ctx.state.user as { preferedLanguage?: unknown } | undefined)?.preferedLanguage
    );
  }
  // without the header, koa answers the first language offered: French
  return messageLanguageOf(ctx.acceptsLanguages(...MESSAGE_LANGUAGES));
};

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
        return imports().create(file, options, { name: requestedBy, language: requesterLanguage(ctx) });
      });
      ctx.status = 202;
      ctx.body = { data: summary };
    },

    async findOne(ctx: Context) {
      ctx.body = { data: found(await imports().summary(documentIdParam(ctx))) };
    },

    async errors(ctx: Context) {
      const file = found(await imports().errorsCsv(documentIdParam(ctx)));
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="import-errors.csv"');
      ctx.body = file;
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
