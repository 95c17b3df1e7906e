import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import { PLUGIN_ID, type AdminAction, type ManagedUid } from '../../../shared/constants';

export type AdminRoute = Core.RouteInput & { method: Core.HTTPMethod; path: string; handler: string };
export type ContentApiRoute = Core.RouteInput & { method: Core.HTTPMethod; path: string; handler: string };

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
