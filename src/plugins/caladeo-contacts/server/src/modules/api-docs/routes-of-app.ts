import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';
import type { ContentApiRoute } from '../../utils/routes';
import type { DocumentedRoute } from './document';

type Router = { type?: string; prefix?: string; routes: ContentApiRoute[] };

/** The app's own APIs the document covers besides the plugin: the offers (src/api/offer). */
const DOCUMENTED_APIS = ['offer'];

const isContentApi = (router: Router) => router.type === undefined || router.type === 'content-api';

const documented = (router: Router, restPrefix: string, origin: { plugin?: string }) =>
  router.routes.map((route): DocumentedRoute => {
    const prefix = route.config?.prefix ?? router.prefix ?? (origin.plugin ? `/${origin.plugin}` : '');
    const path = `${restPrefix}${prefix}${route.path}`;
    if (!route.docs)
      throw new Error(`caladeo-contacts: ${route.method} ${path} has no docs for the API document`);
    const handler = String(route.handler);
    // what Strapi names the route's users-permissions action and API-token scope
    const handlerAction =
      handler.includes('::') || !origin.plugin ? handler : `plugin::${origin.plugin}.${handler}`;
    // a route may check another action than its handler's (a list's count checks the list's `find`)
    const auth = route.config?.auth;
    const [scope] = auth && Array.isArray(auth.scope) ? auth.scope : [];
    return {
      method: route.method,
      path,
      action: scope ?? handlerAction,
      ...(scope && scope !== handlerAction ? { handler: handlerAction } : {}),
      isPublic: route.config?.auth === false,
      docs: route.docs,
    };
  });

/**
 * The content-API routes of the plugin and of the offers, as the booted Strapi serves them (its
 * router must be mounted: routes get their final shape there). Throws on a route without docs,
 * so that a new route cannot be left out of the document.
 */
export const documentedRoutes = (strapi: Core.Strapi): DocumentedRoute[] => {
  const restPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const pluginRouters = Object.values(strapi.plugin(PLUGIN_ID).routes as unknown as Record<string, Router>);
  const apiRouters = DOCUMENTED_APIS.flatMap((name) =>
    Object.values(strapi.api(name).routes as unknown as Record<string, Router>)
  );
  return [
    ...pluginRouters
      .filter(isContentApi)
      .flatMap((router) => documented(router, restPrefix, { plugin: PLUGIN_ID })),
    ...apiRouters.filter(isContentApi).flatMap((router) => documented(router, restPrefix, {})),
  ];
};
