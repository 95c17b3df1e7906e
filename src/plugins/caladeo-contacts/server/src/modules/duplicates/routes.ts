import { ACTION } from '../../../../shared/constants';
import { guarded, type AdminRoute, type ContentApiRoute } from '../../utils/routes';
import { CHECK_BODY, DUPLICATES_ANSWER, DUPLICATES_DOCS, DUPLICATES_PARAMS } from './contract';

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
];

/** The contact form's warnings: whoever may read contacts may see which ones look alike. */
export const duplicatesAdminRoutes: AdminRoute[] = [
  guarded('POST', '/contacts/duplicates/check', 'contact-duplicates.find', ACTION['contacts.read']),
  guarded('GET', '/contacts/:documentId/duplicates', 'contact-duplicates.findOne', ACTION['contacts.read']),
];
