import { factories } from '@strapi/strapi';
import {
  CONSENT_LOG_QUERY_MIDDLEWARE,
  DERIVED_CONTACT_FIELDS_MIDDLEWARE,
  UID,
} from '../../../plugins/caladeo-contacts/shared/constants';

// Offers populated with their contact links show the contacts' derived fields, as plugin routes do,
// and refuse to reach the contacts' consent log without its permission. One object per route:
// Strapi writes each route's auth scope into its config.
const readConfig = () => ({
  middlewares: [
    { name: CONSENT_LOG_QUERY_MIDDLEWARE, config: { uid: UID.offer } },
    { name: DERIVED_CONTACT_FIELDS_MIDDLEWARE, config: { uid: UID.offer } },
  ],
});

export default factories.createCoreRouter(UID.offer, {
  config: { find: readConfig(), findOne: readConfig() },
});
