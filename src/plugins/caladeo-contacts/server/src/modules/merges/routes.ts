import { ACTION, DERIVED_CONTACT_FIELDS_MIDDLEWARE, UID } from '../../../../shared/constants';
import { guarded, type AdminRoute, type ContentApiRoute } from '../../utils/routes';
import {
  CLIENT_MERGE_ANSWER,
  CLIENT_MERGE_BODY,
  CLIENT_MERGE_DOCS,
  CLIENT_UNDO_ANSWER,
  MERGE_ANSWER,
  MERGE_BODY,
  MERGE_DOCS,
  UNDO_ANSWER,
  UNDO_PARAMS,
} from './contract';

/** The survivor in the answer carries the contact's derived fields (fullName, salutation…) as its findOne does. */
const withDerivedFields = () =>
  ({
    middlewares: [{ name: DERIVED_CONTACT_FIELDS_MIDDLEWARE, config: { uid: UID.contact } }],
  }) as unknown as ContentApiRoute['config'];

/**
 * Content-API routes: users-permissions actions and API-token scopes
 * `plugin::caladeo-contacts.contact-merges.create` (merge and preview) and `….undo`. Read-only
 * tokens hold neither; no role holds them by default. Clients: `….client-merges.create` and
 * `….client-merges.undo`, with their own undo route (a client merge is not a contact merge).
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
  {
    method: 'POST',
    path: '/clients/merge',
    handler: 'client-merges.create',
    config: {},
    request: { body: CLIENT_MERGE_BODY },
    response: CLIENT_MERGE_ANSWER,
    docs: CLIENT_MERGE_DOCS.create,
  },
  {
    method: 'POST',
    path: '/clients/merges/:mergeId/undo',
    handler: 'client-merges.undo',
    config: {},
    request: { params: UNDO_PARAMS },
    response: CLIENT_UNDO_ANSWER,
    docs: CLIENT_MERGE_DOCS.undo,
  },
];

/** The merge pages: merging and undoing need their own action, for contacts and for clients. */
export const mergesAdminRoutes: AdminRoute[] = [
  guarded('POST', '/contacts/merge', 'admin-contact-merges.create', ACTION['contacts.merge']),
  guarded('POST', '/merges/:mergeId/undo', 'admin-contact-merges.undo', ACTION['contacts.merge']),
  guarded('POST', '/clients/merge', 'admin-client-merges.create', ACTION['clients.merge']),
  guarded('POST', '/clients/merges/:mergeId/undo', 'admin-client-merges.undo', ACTION['clients.merge']),
];
