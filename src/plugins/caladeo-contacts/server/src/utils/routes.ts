import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import type { z } from 'zod';
import { PLUGIN_ID, type AdminAction, type ManagedUid } from '../../../shared/constants';
import type { RouteDocs } from './route-docs';

export type AdminRoute = Core.RouteInput & { method: Core.HTTPMethod; path: string; handler: string };

/**
 * A zod schema of either copy of zod 4: Strapi builds its core routes' schemas with its own, the
 * plugin with the app's. Their types are not assignable to each other; Strapi's generator reads both.
 */
export type RouteSchema = z.core.$ZodType | Core.RouteResponse;

/**
 * A content-API route with what the API document says of it (docs/openapi.json): the schemas of
 * its path parameters, query, body and JSON answer, which Strapi's OpenAPI generator reads, and
 * `docs`, which the plugin adds (summary, success status, refusals).
 */
export type ContentApiRoute = Omit<Core.RouteInput, 'request' | 'response'> & {
  method: Core.HTTPMethod;
  path: string;
  handler: string;
  request?: {
    params?: Record<string, RouteSchema>;
    query?: Record<string, RouteSchema>;
    body?: Record<string, RouteSchema>;
  };
  response?: RouteSchema;
  docs?: RouteDocs;
};

/**
 * Every admin route is open only to an authenticated admin whose role holds its exact action;
 * hiding a button or a menu link is not what protects the data.
 */
export const guarded = (
  method: Core.HTTPMethod,
  path: string,
  handler: string,
  action: AdminAction
): AdminRoute => ({
  method,
  path,
  handler,
  config: {
    policies: [
      'admin::isAuthenticatedAdmin',
      { name: 'admin::hasPermissions', config: { actions: [action] } },
    ],
  },
});

type CoreRouterConfig = Parameters<typeof factories.createCoreRouter>[1];

/** The routes of Strapi's core router for a content type, as a plain list. */
export const coreRoutes = (uid: ManagedUid, config?: CoreRouterConfig): ContentApiRoute[] => {
  const { routes } = factories.createCoreRouter(uid, config);
  return (typeof routes === 'function' ? routes() : routes) as ContentApiRoute[];
};

/** The public path of one of the plugin's content-API routes (`/api/caladeo-contacts/…` by default). */
export const contentApiPath = (strapi: Core.Strapi, path: string) =>
  `${strapi.config.get<string>('api.rest.prefix', '/api')}/${PLUGIN_ID}${path}`;
