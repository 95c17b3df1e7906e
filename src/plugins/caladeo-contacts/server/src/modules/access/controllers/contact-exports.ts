import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readOrRefuse } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { documentIdParam } from '../../../utils/params';
import type { PersonExport } from '../services/person-export';
import { personSummaryHtml } from '../summary';
import { readExportQuery, readLookupQuery, type ExportQuery } from '../validation';

/** `donnees-lefevre-helene-2026-12-04.json`: a name any file system keeps, without accents. */
export const exportFileName = (data: PersonExport, query: ExportQuery) => {
  const { lastName, firstName } = data.person;
  const name =
    [lastName, firstName]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join('-')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || String(data.person.documentId);
  const prefix = query.locale === 'fr' ? 'donnees' : 'personal-data';
  return `${prefix}-${name}-${data.exportedAt.slice(0, 10)}.${query.format}`;
};

/**
 * The access-request routes, for the content API and the admin alike: the export of everything
 * held about a person, as JSON or as a readable page, and the look-up of a person by e-mail or phone.
 */
const contactExportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET …/contacts/:documentId/export?format=json|html&locale=fr|en` */
  async export(ctx: Context) {
    const documentId = documentIdParam(ctx);
    const query = readOrRefuse(readExportQuery(ctx.query));
    const data = await getService(strapi, 'person-export').exportPerson(documentId);
    if (!data) throw new errors.NotFoundError('No contact has this documentId');
    ctx.set('Content-Disposition', `attachment; filename="${exportFileName(data, query)}"`);
    // everything about a person: no shared cache may keep it
    ctx.set('Cache-Control', 'private, no-store');
    if (query.format === 'html') {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = personSummaryHtml(data, query.locale);
      return;
    }
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = data;
  },

  /** `GET …/contacts/lookup?email=…` or `?phone=…` */
  async lookup(ctx: Context) {
    const query = readOrRefuse(readLookupQuery(ctx.query));
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data: await getService(strapi, 'person-export').lookup(query) };
  },
});

export default contactExportsController;
