import { ACTION, DERIVED_CONTACT_FIELDS_MIDDLEWARE, UID } from '../../../../shared/constants';
import { guarded, type AdminRoute, type ContentApiRoute } from '../../utils/routes';
import { ERASE_ANSWER, ERASE_BODY, ERASE_DOCS, ERASE_PARAMS } from './contract';

/**
 * Content-API route: users-permissions action and API-token scope
 * `plugin::caladeo-contacts.contact-erasures.create`. Read-only tokens never hold it (Strapi lets
 * them through `find`/`findOne` only); no role holds it by default.
 */
export const erasureContentApiRoutes = (): ContentApiRoute[] => [
  {
    method: 'POST',
    path: '/contacts/:documentId/erase',
    handler: 'contact-erasures.create',
    // the anonymised contact in the answer carries its derived fields, as its findOne does
    config: {
      middlewares: [{ name: DERIVED_CONTACT_FIELDS_MIDDLEWARE, config: { uid: UID.contact } }],
    } as unknown as ContentApiRoute['config'],
    request: { params: ERASE_PARAMS, body: ERASE_BODY },
    response: ERASE_ANSWER,
    docs: ERASE_DOCS,
  },
];

/** The contact page's "Effacer les données personnelles" button, and its notice once erased. */
export const erasureAdminRoutes: AdminRoute[] = [
  guarded('POST', '/contacts/:documentId/erase', 'admin-contact-erasures.create', ACTION['privacy.erase']),
  guarded('GET', '/contacts/:documentId/erasure', 'admin-contact-erasures.findOne', ACTION['contacts.read']),
];
