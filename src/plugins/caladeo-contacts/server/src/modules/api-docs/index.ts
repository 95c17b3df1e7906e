/**
 * The API document (docs/openapi.json): what the plugin's routes use to describe themselves in
 * it, and what `scripts/openapi.ts` makes it with.
 */
export { documentCoreRoutes, type CoreRouteSpec } from './core-routes';
export { finishApiDocument, type DocumentedRoute, type GeneratedDocument } from './document';
export { apiDocumentFile } from './file';
export type { ApiTag, RouteDocs } from '../../utils/route-docs';
export { documentedRoutes } from './routes-of-app';
export {
  documentIdSchema,
  formatted,
  integer,
  requestFieldsOf,
  singleEnvelope,
  type SameType,
} from './schemas';
