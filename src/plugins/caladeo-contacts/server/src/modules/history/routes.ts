import { ACTION } from '../../../../shared/constants';
import { guarded, type AdminRoute, type ContentApiRoute } from '../../utils/routes';
import { HISTORY_ANSWER, HISTORY_DOCS, HISTORY_PARAMS, HISTORY_QUERY } from './contract';

/**
 * Content-API routes: users-permissions actions and API-token scopes
 * `plugin::caladeo-contacts.history.contactHistory` and `….clientHistory`. Named so that read-only
 * tokens do not get them (Strapi lets those through `find`/`findOne` only): the history holds
 * past values and the names of who changed them, given on purpose. No role holds them by default.
 */
export const historyContentApiRoutes = (): ContentApiRoute[] =>
  (['contact', 'client'] as const).map((target) => ({
    method: 'GET',
    path: `/${target}s/:documentId/history`,
    handler: `history.${target}History`,
    config: {},
    request: { params: HISTORY_PARAMS, query: HISTORY_QUERY },
    response: HISTORY_ANSWER,
    docs: HISTORY_DOCS[`${target}History`],
  }));

/** The detail pages' "Historique" section. */
export const historyAdminRoutes: AdminRoute[] = [
  guarded('GET', '/contacts/:documentId/history', 'history.contactHistory', ACTION['history.read']),
  guarded('GET', '/clients/:documentId/history', 'history.clientHistory', ACTION['history.read']),
];
