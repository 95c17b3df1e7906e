import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { UID } from '../constants';
import { CONTACT_FIELDS, type Contact } from '../../../shared/contracts/admin';
import { readContactListQuery, readRecordBody } from '../validation/admin-request';
import { MAX_PAGE_SIZE } from '../search/request';
import { decodeCursor } from '../search/cursor';
import { fieldValidationError } from '../utils/errors';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.ControllerHandler>[0];

/** An export is bounded: past this many rows, filter the list first. */
export const EXPORT_ROW_LIMIT = 10_000;

const records = (strapi: Core.Strapi) => getService(strapi, 'admin-records');

/** The admin pages' contact routes. Every write goes through the document service's rules. */
const adminContacts = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const read = readContactListQuery(ctx.query);
    if (!read.ok) throw fieldValidationError(read.errors);
    ctx.body = await records(strapi).listContacts(read.value.search, read.value.filters);
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await records(strapi).contactDetail(ctx.params.documentId) };
  },

  async create(ctx: Context) {
    const read = readRecordBody(ctx.request.body, CONTACT_FIELDS);
    if (!read.ok) throw fieldValidationError(read.errors);
    const created = await strapi.documents(UID.contact).create({ data: read.value as never });
    ctx.status = 201;
    ctx.body = { data: await records(strapi).contactDetail(created.documentId) };
  },

  async update(ctx: Context) {
    const read = readRecordBody(ctx.request.body, CONTACT_FIELDS);
    if (!read.ok) throw fieldValidationError(read.errors);
    const { documentId } = ctx.params;
    await records(strapi).assertExists(UID.contact, documentId);
    await strapi.documents(UID.contact).update({ documentId, data: read.value as never });
    ctx.body = { data: await records(strapi).contactDetail(documentId) };
  },

  async delete(ctx: Context) {
    const { documentId } = ctx.params;
    await records(strapi).assertExists(UID.contact, documentId);
    // the document rules delete the contact's links in the same transaction
    await strapi.documents(UID.contact).delete({ documentId });
    ctx.body = { data: { documentId } };
  },

  /** The filtered list as CSV (UTF-8 with a BOM, so that spreadsheets read the accents). */
  async exportCsv(ctx: Context) {
    const { cursor: _cursor, pageSize: _pageSize, ...query } = (ctx.query ?? {}) as Record<string, unknown>;
    const read = readContactListQuery(query);
    if (!read.ok) throw fieldValidationError(read.errors);
    const rows: Contact[] = [];
    let cursor: string | null = null;
    do {
      const search = {
        ...read.value.search,
        pageSize: MAX_PAGE_SIZE,
        cursor: cursor ? decodeCursor(cursor, read.value.search.order) : null,
      };
      const page = await records(strapi).listContacts(search, read.value.filters);
      rows.push(...page.results);
      cursor = page.pagination.nextCursor;
    } while (cursor && rows.length < EXPORT_ROW_LIMIT);

    const columns = ['documentId', ...CONTACT_FIELDS, 'createdAt'] as const;
    const csv = stringify(
      rows.slice(0, EXPORT_ROW_LIMIT).map((row) => columns.map((column) => row[column] ?? '')),
      { header: true, columns: [...columns] }
    );
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', 'attachment; filename="contacts.csv"');
    ctx.body = `\uFEFF${csv}`;
  },
});

export default adminContacts;
