/** What the plugin's routes use to describe themselves in the API document (docs/openapi.json). */
export { documentCoreRoutes, type CoreRouteSpec } from './core-routes';
export type { ApiTag, RouteDocs } from '../../utils/route-docs';
export {
  documentIdSchema,
  formatted,
  integer,
  requestFieldsOf,
  singleEnvelope,
  type SameType,
} from './schemas';
