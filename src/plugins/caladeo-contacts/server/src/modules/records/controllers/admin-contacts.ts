import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { CONTACT_FIELDS } from '../../../../../shared/contracts/admin';
import { readContactCountQuery, readContactListQuery } from '../admin-request';
import { recordHandlers } from './admin-record-handlers';

/** The admin pages' contact routes, and the export of the filtered list. */
const adminContacts = ({ strapi }: { strapi: Core.Strapi }) =>
  recordHandlers(strapi, {
    uid: UID.contact,
    fields: CONTACT_FIELDS,
    readListQuery: readContactListQuery,
    list: (records, query) => records.listContacts(query.search, query.filters),
    readCountQuery: readContactCountQuery,
    count: (records, query) => records.countContacts(query.search, query.filters),
    detail: (records, documentId) => records.contactDetail(documentId),
    exportOf: { type: 'contact', name: 'contacts' },
    exportRows: (records, query, columns) => records.exportContacts(query.search, query.filters, columns),
  });

export default adminContacts;
