import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import admin from './admin';

type Routes = ReturnType<typeof factories.createCoreRouter>['routes'];

const coreRoutes = (uid: (typeof UID)[keyof typeof UID]) => {
  const { routes } = factories.createCoreRouter(uid);
  return typeof routes === 'function' ? routes() : routes;
};

// Built once, on first read (content types exist only then): Strapi writes each route's auth scope
// into these objects and must find them again when it mounts the router.
let contentApiRoutes: Exclude<Routes, () => unknown> | undefined;

/**
 * Content-API routes: every handler becomes a users-permissions action
 * (`plugin::caladeo-contacts.<controller>.<action>`) and an API-token scope. Nothing is public:
 * the public role holds none of these actions.
 */
export default {
  admin,
  'content-api': {
    type: 'content-api' as const,
    get routes() {
      contentApiRoutes ??= [
        ...coreRoutes(UID.contact),
        ...coreRoutes(UID.client),
        ...coreRoutes(UID.clientContact),
        ...coreRoutes(UID.offerContact),
      ];
      return contentApiRoutes;
    },
  },
};
