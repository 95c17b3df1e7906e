import { ACTION } from '../../../../shared/constants';
import { guarded, type AdminRoute, type ContentApiRoute } from '../../utils/routes';
import {
  ACCESS_DOCS,
  EXPORT_ANSWER,
  EXPORT_PARAMS,
  EXPORT_QUERY,
  LOOKUP_ANSWER,
  LOOKUP_QUERY,
} from './contract';

/**
 * Content-API routes: users-permissions actions and API-token scopes
 * `plugin::caladeo-contacts.contact-exports.export` and `….lookup`. Named so that read-only tokens
 * do not get them (Strapi lets those through `find`/`findOne` only); no role holds them by default.
 * `/contacts/lookup` is tried before the records' `/contacts/:id` (routes/index.ts).
 */
export const accessContentApiRoutes = (): ContentApiRoute[] => [
  {
    method: 'GET',
    path: '/contacts/lookup',
    handler: 'contact-exports.lookup',
    config: {},
    request: { query: LOOKUP_QUERY },
    response: LOOKUP_ANSWER,
    docs: ACCESS_DOCS.lookup,
  },
  {
    method: 'GET',
    path: '/contacts/:documentId/export',
    handler: 'contact-exports.export',
    config: {},
    request: { params: EXPORT_PARAMS, query: EXPORT_QUERY },
    response: EXPORT_ANSWER,
    docs: ACCESS_DOCS.export,
  },
];

/** The "Demandes RGPD" page and the contact page's "Exporter ses données". */
export const accessAdminRoutes: AdminRoute[] = [
  guarded('GET', '/contacts/lookup', 'contact-exports.lookup', ACTION['privacy.export']),
  guarded('GET', '/contacts/:documentId/export', 'contact-exports.export', ACTION['privacy.export']),
];
