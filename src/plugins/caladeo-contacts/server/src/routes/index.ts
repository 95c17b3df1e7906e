import { factories } from '@strapi/strapi';
import { CONSENT_LOG_QUERY_MIDDLEWARE, DERIVED_CONTACT_FIELDS_MIDDLEWARE, UID } from '../constants';
import { newsletterAdminRoutes, newsletterContentApiRoutes } from './newsletter';
import { documentAdminRoutes, documentContentApiRoutes } from './documents';
import { ADMIN_ROUTES } from './admin';

type Routes = ReturnType<typeof factories.createCoreRouter>['routes'];

const coreRoutes = (uid: (typeof UID)[keyof typeof UID]) => {
  // Reads refuse queries naming the consent log to callers who may not read it, and add the
  // contacts' derived fields (fullName, salutation, …) to what they output. One object per route:
  // Strapi writes each route's auth scope into its config.
  const readConfig = () => ({
    middlewares: [
      { name: CONSENT_LOG_QUERY_MIDDLEWARE, config: { uid } },
      { name: DERIVED_CONTACT_FIELDS_MIDDLEWARE, config: { uid } },
    ],
  });
  const { routes } = factories.createCoreRouter(uid, {
    config: { find: readConfig(), findOne: readConfig() },
  });
  return typeof routes === 'function' ? routes() : routes;
};

// the consent log is read through the API, never written: no create, update or delete route
const readOnlyCoreRoutes = (uid: (typeof UID)[keyof typeof UID]) => {
  const { routes } = factories.createCoreRouter(uid, { only: ['find', 'findOne'] });
  return typeof routes === 'function' ? routes() : routes;
};

// Built once, on first read (content types exist only then): Strapi writes each route's auth scope
// into these objects and must find them again when it mounts the router.
let contentApiRoutes: Exclude<Routes, () => unknown> | undefined;

/** Every admin route of the plugin: the Contacts tab's, the subscriber export and consent log, the quote. */
export const adminRoutes = [...ADMIN_ROUTES, ...newsletterAdminRoutes, ...documentAdminRoutes];

/**
 * Content-API routes: every handler becomes a users-permissions action
 * (`plugin::caladeo-contacts.<controller>.<action>`) and an API-token scope. Nothing is public:
 * the public role holds none of these actions.
 */
export default {
  admin: {
    type: 'admin' as const,
    routes: adminRoutes,
  },
  'content-api': {
    type: 'content-api' as const,
    get routes() {
      contentApiRoutes ??= [
        ...coreRoutes(UID.contact),
        ...coreRoutes(UID.client),
        ...coreRoutes(UID.clientContact),
        ...coreRoutes(UID.offerContact),
        ...readOnlyCoreRoutes(UID.consentEvent),
        ...newsletterContentApiRoutes,
        ...documentContentApiRoutes,
      ];
      return contentApiRoutes;
    },
  },
};
