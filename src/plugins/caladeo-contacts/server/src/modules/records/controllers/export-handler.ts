import type { Core } from '@strapi/strapi';
import {
  DATE_COLUMNS,
  defaultExportColumns,
  exportColumnHeader,
  exportColumns,
} from '../../../../../shared/exports';
import { readExportQuery } from '../export-request';
import { readOrRefuse } from '../../../utils/errors';
import { EXPORT_CONTENT_TYPES, exportFileName, exportStream } from '../../../utils/export-file';
import { getService } from '../../../utils/get-service';
import type { Context, RecordKind } from './admin-record-handlers';

/**
 * The export route of a list: the list as searched and filtered on screen, every row of it, in the
 * chosen format and columns, streamed as it is read. A bad parameter is a 400 before anything is sent.
 */
export const exportHandler =
  <Query>(strapi: Core.Strapi, kind: RecordKind<Query>) =>
  async (ctx: Context) => {
    const { type, name } = kind.exportOf;
    const { params, listQuery } = readOrRefuse(
      readExportQuery(ctx.query, { allowed: exportColumns(type), defaultColumns: defaultExportColumns(type) })
    );
    const query = readOrRefuse(kind.readListQuery(listQuery));
    const batches = kind.exportRows(getService(strapi, 'admin-records'), query, params.columns);
    ctx.set('Content-Type', EXPORT_CONTENT_TYPES[params.format]);
    ctx.set('Content-Disposition', `attachment; filename="${exportFileName(name, params.format)}"`);
    ctx.body = exportStream({
      format: params.format,
      delimiter: params.delimiter,
      sheetName: name,
      columns: params.columns.map((column) => ({
        header: exportColumnHeader(type, column, params.headers),
        isDate: DATE_COLUMNS.includes(column),
      })),
      batches,
    });
  };
