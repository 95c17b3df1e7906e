import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { CLIENT_FIELDS } from '../../../../../shared/contracts/admin';
import { readClientCountQuery, readClientListQuery } from '../admin-request';
import { recordHandlers } from './admin-record-handlers';

/** The admin pages' client routes, and the export of the filtered list. */
const adminClients = ({ strapi }: { strapi: Core.Strapi }) =>
  recordHandlers(strapi, {
    uid: UID.client,
    fields: CLIENT_FIELDS,
    readListQuery: readClientListQuery,
    list: (records, query) => records.listClients(query.search, query.filters),
    readCountQuery: readClientCountQuery,
    count: (records, query) => records.countClients(query.search, query.filters),
    detail: (records, documentId) => records.clientDetail(documentId),
    exportOf: { type: 'client', name: 'clients' },
    exportRows: (records, query, columns) => records.exportClients(query.search, query.filters, columns),
  });

export default adminClients;
