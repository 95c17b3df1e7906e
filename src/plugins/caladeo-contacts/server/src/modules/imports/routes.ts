import type { ContentApiRoute } from '../../utils/routes';
import { IMPORT_ANSWER, IMPORT_DOCS, IMPORT_PARAMS } from './contract';

const route = (
  method: 'GET' | 'POST',
  path: string,
  action: keyof typeof IMPORT_DOCS,
  withAnswer = true
): ContentApiRoute => ({
  method,
  path,
  handler: `import.${action}`,
  // its own object: Strapi writes the route's auth scope into it
  config: {},
  ...(path.includes(':documentId') ? { request: { params: IMPORT_PARAMS } } : {}),
  ...(withAnswer ? { response: IMPORT_ANSWER } : {}),
  docs: IMPORT_DOCS[action],
});

/**
 * Imports over the content API, for the agency's other systems. Each handler is its own
 * users-permissions action and API-token scope (`plugin::caladeo-contacts.import.create`, …); no
 * role holds them by default. Read-only tokens may read an import (`findOne`), nothing else.
 */
export const importContentApiRoutes: ContentApiRoute[] = [
  route('POST', '/imports', 'create'),
  route('GET', '/imports/:documentId', 'findOne'),
  route('GET', '/imports/:documentId/errors', 'errors', false),
  route('POST', '/imports/:documentId/cancel', 'cancel'),
  route('POST', '/imports/:documentId/undo', 'undo'),
];
