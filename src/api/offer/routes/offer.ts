import {
  CONSENT_LOG_QUERY_MIDDLEWARE,
  DERIVED_CONTACT_FIELDS_MIDDLEWARE,
  SERVER_FIELDS_MIDDLEWARE,
  SORT_THROUGH_FIELD_MIDDLEWARE,
  UID,
  UNREADABLE_RELATIONS_MIDDLEWARE,
} from '../../../plugins/caladeo-contacts/shared/constants';
import { documentedRecordRoutes } from '../../../plugins/caladeo-contacts/server/src/modules/records/contract';
import { coreRoutes, type ContentApiRoute } from '../../../plugins/caladeo-contacts/server/src/utils/routes';

// Offers populated with their contact links show the contacts' derived fields, as plugin routes do,
// in reads and in the offer a create or an update returns, and a relation the caller may not read
// as empty; reads refuse to reach the contacts' consent log without its permission; a sort past a
// field is a 400 (it would fail in the database). One object per
// route: Strapi writes each route's auth scope into its config.
const replyMiddlewares = () => [
  { name: SORT_THROUGH_FIELD_MIDDLEWARE, config: { uid: UID.offer } },
  { name: DERIVED_CONTACT_FIELDS_MIDDLEWARE, config: { uid: UID.offer } },
  { name: UNREADABLE_RELATIONS_MIDDLEWARE, config: { uid: UID.offer } },
];
const readConfig = () => ({
  middlewares: [{ name: CONSENT_LOG_QUERY_MIDDLEWARE, config: { uid: UID.offer } }, ...replyMiddlewares()],
});
// a write naming a field only the server sets (timestamps, publishedAt…) is refused
const writeConfig = () => ({
  middlewares: [{ name: SERVER_FIELDS_MIDDLEWARE, config: { uid: UID.offer } }, ...replyMiddlewares()],
});

// Built on first read, as Strapi's core router is (the content types must exist), with the API
// document contract the plugin's records carry (docs/openapi.json).
let routes: ContentApiRoute[] | undefined;

export default {
  type: 'content-api' as const,
  get routes() {
    routes ??= documentedRecordRoutes(
      UID.offer,
      coreRoutes(UID.offer, {
        config: { find: readConfig(), findOne: readConfig(), create: writeConfig(), update: writeConfig() },
      })
    );
    return routes;
  },
};
