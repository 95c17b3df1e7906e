import { MODULES } from '../modules';
import type { PluginModule } from '../modules/module';
import { fixedPathsFirst } from '../utils/route-order';
import type { ContentApiRoute } from '../utils/routes';

const modules = MODULES as readonly PluginModule[];

/** Every admin route of the plugin: the Contacts tab's, the subscriber export and consent log, the quote. */
export const adminRoutes = fixedPathsFirst(modules.flatMap((module) => module.adminRoutes ?? []));

// Built once, on first read (content types exist only then): Strapi writes each route's auth scope
// into these objects and must find them again when it mounts the router.
let contentApiRoutes: ContentApiRoute[] | undefined;

/**
 * Content-API routes: every handler becomes a users-permissions action
 * (`plugin::caladeo-contacts.<controller>.<action>`) and an API-token scope. Nothing is public but
 * the newsletter forms' routes, which say `auth: false` themselves.
 */
export default {
  admin: {
    type: 'admin' as const,
    routes: adminRoutes,
  },
  'content-api': {
    type: 'content-api' as const,
    get routes() {
      contentApiRoutes ??= fixedPathsFirst(modules.flatMap((module) => module.contentApiRoutes?.() ?? []));
      return contentApiRoutes;
    },
  },
};
