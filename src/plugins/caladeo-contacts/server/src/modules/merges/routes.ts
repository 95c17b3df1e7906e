import { ACTION, DERIVED_CONTACT_FIELDS_MIDDLEWARE, UID } from '../../../../shared/constants';
import { guarded, type AdminRoute, type ContentApiRoute } from '../../utils/routes';
import { MERGE_ANSWER, MERGE_BODY, MERGE_DOCS, UNDO_ANSWER, UNDO_PARAMS } from './contract';

/** The survivor in the answer carries the contact's derived fields (fullName, salutation…) as its findOne does. */
const withDerivedFields = () =>
  ({
    middlewares: [{ name: DERIVED_CONTACT_FIELDS_MIDDLEWARE, config: { uid: UID.contact } }],
  }) as unknown as ContentApiRoute['config'];

/**
 * Content-API routes: users-permissions actions and API-token scopes
 * `plugin::caladeo-contacts.contact-merges.create` (merge and preview) and `….undo`. Read-only
 * tokens hold neither; no role holds them by default.
 */
export const mergesContentApiRoutes = (): ContentApiRoute[] => [
  {
    method: 'POST',
    path: '/contacts/merge',
    handler: 'contact-merges.create',
    config: withDerivedFields(),
    request: { body: MERGE_BODY },
    response: MERGE_ANSWER,
    docs: MERGE_DOCS.create,
  },
  {
    method: 'POST',
    path: '/merges/:mergeId/undo',
    handler: 'contact-merges.undo',
    config: withDerivedFields(),
    request: { params: UNDO_PARAMS },
    response: UNDO_ANSWER,
    docs: MERGE_DOCS.undo,
  },
];

/** The merge page of the Contacts tab: merging and undoing need their own action. */
export const mergesAdminRoutes: AdminRoute[] = [
  guarded('POST', '/contacts/merge', 'admin-contact-merges.create', ACTION['contacts.merge']),
  guarded('POST', '/merges/:mergeId/undo', 'admin-contact-merges.undo', ACTION['contacts.merge']),
];
