import { factories } from '@strapi/strapi';
import {
  CONSENT_LOG_QUERY_MIDDLEWARE,
  DERIVED_CONTACT_FIELDS_MIDDLEWARE,
  UID,
  UNREADABLE_RELATIONS_MIDDLEWARE,
} from '../../../plugins/caladeo-contacts/shared/constants';

// Offers populated with their contact links show the contacts' derived fields, as plugin routes do,
// in reads and in the offer a create or an update returns, and a relation the caller may not read
// as empty; reads refuse to reach the contacts' consent log without its permission. One object per
// route: Strapi writes each route's auth scope into its config.
const replyMiddlewares = () => [
  { name: DERIVED_CONTACT_FIELDS_MIDDLEWARE, config: { uid: UID.offer } },
  { name: UNREADABLE_RELATIONS_MIDDLEWARE, config: { uid: UID.offer } },
];
const readConfig = () => ({
  middlewares: [{ name: CONSENT_LOG_QUERY_MIDDLEWARE, config: { uid: UID.offer } }, ...replyMiddlewares()],
});
const writeConfig = () => ({ middlewares: replyMiddlewares() });

export default factories.createCoreRouter(UID.offer, {
  config: { find: readConfig(), findOne: readConfig(), create: writeConfig(), update: writeConfig() },
});
