import type { Core } from '@strapi/strapi';
import type { UID } from '../../../../../shared/constants';
import type { ExportedType } from '../../../../../shared/exports';
import type { ExportCell } from '../../../utils/spreadsheet-cells';
import { readRecordBody } from '../admin-request';
import { readOrRefuse } from '../../../utils/errors';
import type { Reading } from '../../../validation/types';
import { getService, type ServiceOf } from '../../../utils/get-service';
import { exportHandler } from './export-handler';

export type Context = Parameters<Core.ControllerHandler>[0];

type AdminRecords = ServiceOf<'admin-records'>;

/** What differs between the contact and the client pages' routes; the handlers are the same. */
export type RecordKind<Query> = {
  uid: typeof UID.contact | typeof UID.client;
  fields: readonly string[];
  readListQuery: (query: unknown) => Reading<Query>;
  list: (records: AdminRecords, query: Query) => Promise<unknown>;
  /** The list's total apart (`GET …/count`), read with its own query reader: no order, no page. */
  readCountQuery: (query: unknown) => Reading<Query>;
  count: (records: AdminRecords, query: Query) => Promise<unknown>;
  detail: (records: AdminRecords, documentId: string) => Promise<unknown>;
  /** The catalogue the export's columns come from, and the export's file and sheet name. */
  exportOf: { type: ExportedType; name: string };
  exportRows: (
    records: AdminRecords,
    query: Query,
    columns: readonly string[]
  ) => AsyncIterable<ExportCell[][]>;
};

/**
 * List, detail, create, update and delete for one of the admin pages' record types. Every write
 * goes through the document service, so the validation choke point and its rules apply; each
 * answer is the record as the detail page shows it.
 */
export const recordHandlers = <Query>(strapi: Core.Strapi, kind: RecordKind<Query>) => {
  const records = () => getService(strapi, 'admin-records');
  return {
    export: exportHandler(strapi, kind),

    async find(ctx: Context) {
      ctx.body = await kind.list(records(), readOrRefuse(kind.readListQuery(ctx.query)));
    },

    async count(ctx: Context) {
      ctx.body = await kind.count(records(), readOrRefuse(kind.readCountQuery(ctx.query)));
    },

    async findOne(ctx: Context) {
      ctx.body = { data: await kind.detail(records(), ctx.params.documentId) };
    },

    async create(ctx: Context) {
      const data = readOrRefuse(readRecordBody(ctx.request.body, kind.fields));
      const created = await strapi.documents(kind.uid).create({ data: data });
      ctx.status = 201;
      ctx.body = { data: await kind.detail(records(), created.documentId) };
    },

    async update(ctx: Context) {
      const data = readOrRefuse(readRecordBody(ctx.request.body, kind.fields));
      const { documentId } = ctx.params;
      await records().assertExists(kind.uid, documentId);
      await strapi.documents(kind.uid).update({ documentId, data: data });
      ctx.body = { data: await kind.detail(records(), documentId) };
    },

    async delete(ctx: Context) {
      const { documentId } = ctx.params;
      await records().assertExists(kind.uid, documentId);
      // the document rules delete the record's links in the same transaction
      await strapi.documents(kind.uid).delete({ documentId });
      ctx.body = { data: { documentId } };
    },
  };
};
