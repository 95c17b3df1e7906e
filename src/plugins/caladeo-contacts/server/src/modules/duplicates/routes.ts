import { ACTION } from '../../../../shared/constants';
import { guarded, type AdminRoute, type ContentApiRoute } from '../../utils/routes';
import {
  CHECK_BODY,
  CLIENT_CHECK_BODY,
  CLIENT_DUPLICATES_ANSWER,
  CLIENT_DUPLICATES_DOCS,
  DUPLICATES_ANSWER,
  DUPLICATES_DOCS,
  DUPLICATES_PARAMS,
  LATEST_SCAN_ANSWER,
  PAIR_ANSWER,
  PAIR_PARAMS,
  PAIRS_ANSWER,
  PAIRS_DOCS,
  PAIRS_QUERY,
  SCAN_ANSWER,
} from './contract';

/**
 * Content-API routes: users-permissions actions and API-token scopes
 * `plugin::caladeo-contacts.contact-duplicates.find` (the check) and `….findOne` (a stored
 * contact's). No role holds them by default.
 */
export const duplicatesContentApiRoutes = (): ContentApiRoute[] => [
  {
    method: 'POST',
    path: '/contacts/duplicates/check',
    handler: 'contact-duplicates.find',
    config: {},
    request: { body: CHECK_BODY },
    response: DUPLICATES_ANSWER,
    docs: DUPLICATES_DOCS.find,
  },
  {
    method: 'GET',
    path: '/contacts/:documentId/duplicates',
    handler: 'contact-duplicates.findOne',
    config: {},
    request: { params: DUPLICATES_PARAMS },
    response: DUPLICATES_ANSWER,
    docs: DUPLICATES_DOCS.findOne,
  },
  // duplicate clients: `plugin::caladeo-contacts.client-duplicates.find` and `….findOne`
  {
    method: 'POST',
    path: '/clients/duplicates/check',
    handler: 'client-duplicates.find',
    config: {},
    request: { body: CLIENT_CHECK_BODY },
    response: CLIENT_DUPLICATES_ANSWER,
    docs: CLIENT_DUPLICATES_DOCS.find,
  },
  {
    method: 'GET',
    path: '/clients/:documentId/duplicates',
    handler: 'client-duplicates.findOne',
    config: {},
    request: { params: DUPLICATES_PARAMS },
    response: CLIENT_DUPLICATES_ANSWER,
    docs: CLIENT_DUPLICATES_DOCS.findOne,
  },
  // the pairs of the scan: `plugin::caladeo-contacts.duplicate-pair.find` (read-only tokens may
  // call it), `….duplicate-pair.dismiss`, `….duplicate-scan.create` and `….duplicate-scan.findOne`
  {
    method: 'GET',
    path: '/duplicate-pairs',
    handler: 'duplicate-pair.find',
    config: {},
    request: { query: PAIRS_QUERY },
    response: PAIRS_ANSWER,
    docs: PAIRS_DOCS.find,
  },
  {
    method: 'GET',
    path: '/duplicate-pairs/scan',
    handler: 'duplicate-scan.findOne',
    config: {},
    response: LATEST_SCAN_ANSWER,
    docs: PAIRS_DOCS.findOne,
  },
  {
    method: 'POST',
    path: '/duplicate-pairs/scan',
    handler: 'duplicate-scan.create',
    config: {},
    response: SCAN_ANSWER,
    docs: PAIRS_DOCS.scan,
  },
  {
    method: 'POST',
    path: '/duplicate-pairs/:documentId/dismiss',
    handler: 'duplicate-pair.dismiss',
    config: {},
    request: { params: PAIR_PARAMS },
    response: PAIR_ANSWER,
    docs: PAIRS_DOCS.dismiss,
  },
];

/** The contact form's warnings: whoever may read contacts may see which ones look alike. */
export const duplicatesAdminRoutes: AdminRoute[] = [
  guarded('POST', '/contacts/duplicates/check', 'contact-duplicates.find', ACTION['contacts.read']),
  guarded('GET', '/contacts/:documentId/duplicates', 'contact-duplicates.findOne', ACTION['contacts.read']),
  guarded('POST', '/clients/duplicates/check', 'client-duplicates.find', ACTION['clients.read']),
  guarded('GET', '/clients/:documentId/duplicates', 'client-duplicates.findOne', ACTION['clients.read']),
  // the "Doublons" page: listing needs `contacts.read`, dismissing and scanning `duplicates.manage`
  guarded('GET', '/duplicate-pairs', 'duplicate-pair.find', ACTION['contacts.read']),
  guarded('GET', '/duplicate-pairs/scan', 'duplicate-scan.findOne', ACTION['contacts.read']),
  guarded('POST', '/duplicate-pairs/scan', 'duplicate-scan.create', ACTION['duplicates.manage']),
  guarded(
    'POST',
    '/duplicate-pairs/:documentId/dismiss',
    'duplicate-pair.dismiss',
    ACTION['duplicates.manage']
  ),
];
