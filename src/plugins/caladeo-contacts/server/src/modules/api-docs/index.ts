import { defineModule } from '../module';
import { apiDocsController } from './controllers';
import { apiDocsContentApiRoutes } from './routes';

export { documentCoreRoutes, searchCountContract, type CoreRouteSpec } from './core-routes';
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

/**
 * The API document (docs/openapi.json, an OpenAPI 3.1 contract for external developers): the
 * route that serves it, and what the other modules' routes use to describe themselves in it.
 */
export default defineModule({
  controllers: { 'api-docs': apiDocsController },
  contentApiRoutes: () => apiDocsContentApiRoutes,
});
