import type { ContentApiRoute } from '../../utils/routes';

/**
 * Imports over the content API, for the agency's other systems. Each handler is its own
 * users-permissions action and API-token scope (`plugin::caladeo-contacts.import.create`, …); no
 * role holds them by default. Read-only tokens may read an import (`findOne`), nothing else.
 */
export const importContentApiRoutes: ContentApiRoute[] = [
  { method: 'POST', path: '/imports', handler: 'import.create', config: {} },
  { method: 'GET', path: '/imports/:documentId', handler: 'import.findOne', config: {} },
  { method: 'GET', path: '/imports/:documentId/errors', handler: 'import.errors', config: {} },
  { method: 'POST', path: '/imports/:documentId/cancel', handler: 'import.cancel', config: {} },
  { method: 'POST', path: '/imports/:documentId/undo', handler: 'import.undo', config: {} },
];
