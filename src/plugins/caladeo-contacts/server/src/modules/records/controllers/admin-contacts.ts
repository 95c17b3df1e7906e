import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { CONTACT_FIELDS, type Contact } from '../../../../../shared/contracts/admin';
import { readContactListQuery } from '../admin-request';
import { MAX_PAGE_SIZE } from '../../search/request';
import { decodeCursor } from '../../search/cursor';
import { toCsv } from '../../../utils/csv';
import { getService } from '../../../utils/get-service';
import { readOrRefuse } from '../../../utils/errors';
import { recordHandlers, type Context } from './admin-record-handlers';

/** An export is bounded: past this many rows, filter the list first. */
export const EXPORT_ROW_LIMIT = 10_000;

/** The admin pages' contact routes, and the export of the filtered list. */
const adminContacts = ({ strapi }: { strapi: Core.Strapi }) => ({
  ...recordHandlers(strapi, {
    uid: UID.contact,
    fields: CONTACT_FIELDS,
    readListQuery: readContactListQuery,
    list: (records, query) => records.listContacts(query.search, query.filters),
    detail: (records, documentId) => records.contactDetail(documentId),
  }),

  /**
   * The filtered list as CSV (UTF-8 with a BOM, so that spreadsheets read the accents), its cells
   * safe to open in a spreadsheet.
   */
  async exportCsv(ctx: Context) {
    const { cursor: _cursor, pageSize: _pageSize, ...query } = (ctx.query ?? {}) as Record<string, unknown>;
    const listQuery = readOrRefuse(readContactListQuery(query));
    const rows: Contact[] = [];
    let cursor: string | null = null;
    do {
      const search = {
        ...listQuery.search,
        pageSize: MAX_PAGE_SIZE,
        cursor: cursor ? decodeCursor(cursor, listQuery.search.order) : null,
      };
      const page = await getService(strapi, 'admin-records').listContacts(search, listQuery.filters);
      rows.push(...page.results);
      cursor = page.pagination.nextCursor;
    } while (cursor && rows.length < EXPORT_ROW_LIMIT);

    const columns = ['documentId', ...CONTACT_FIELDS, 'createdAt'] as const;
    const csv = toCsv([
      columns,
      ...rows.slice(0, EXPORT_ROW_LIMIT).map((row) => columns.map((column) => row[column] ?? '')),
    ]);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', 'attachment; filename="contacts.csv"');
    ctx.body = `\uFEFF${csv}`;
  },
});

export default adminContacts;
