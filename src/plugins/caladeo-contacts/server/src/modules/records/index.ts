import { factories } from '@strapi/strapi';
import {
  CONSENT_LOG_QUERY_MIDDLEWARE,
  DERIVED_CONTACT_FIELDS_MIDDLEWARE,
  SERVER_FIELDS_MIDDLEWARE,
  SORT_THROUGH_FIELD_MIDDLEWARE,
  UID,
  UNREADABLE_RELATIONS_MIDDLEWARE,
} from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { keepOutOfGraphqlInput } from '../../utils/graphql';
import { coreRoutes, type ContentApiRoute } from '../../utils/routes';
import { searchCountContract } from '../api-docs';
import { defineModule } from '../module';
import { BULK_DELETE_JOB, BULK_LINKS_JOB } from './bulk-jobs';
import {
  documentedRecordRoutes,
  RECORD_ROUTE_SPECS,
  RECORD_ROUTE_UIDS,
  type RecordRouteUid,
} from './contract';
import contact from './content-types/contact';
import client from './content-types/client';
import clientContact from './content-types/client-contact';
import offerContact from './content-types/offer-contact';
import { createSearchableController } from './controllers/searchable';
import adminClients from './controllers/admin-clients';
import adminContacts from './controllers/admin-contacts';
import adminBulk from './controllers/admin-bulk';
import adminLinks from './controllers/admin-links';
import adminOffers from './controllers/admin-offers';
import queryShape, { bodyShape } from './middlewares/query-shape';
import readSlots from './middlewares/read-slots';
import readTimeout from './middlewares/read-timeout';
import serverFields, { serverOwnedFields } from './middlewares/server-fields';
import sortThroughField from './middlewares/sort-through-field';
import unreadableRelations from './middlewares/unreadable-relations';
import { ADMIN_ROUTES } from './routes/admin';
import services from './services';
import { registerDocumentRules } from './write-rules';

/**
 * Every reply that holds records (reads, and the record a create or an update returns) adds the
 * contacts' derived fields (fullName, salutation, …) and shows a populated relation the caller may
 * not read as empty; reads also refuse queries naming the consent log to callers who may not read
 * it, writes refuse a body naming a field only the server sets, and every route refuses a sort past
 * a field (its own or a populate's). One object per route: Strapi writes each route's auth scope
 * into its config. Each route carries its API document contract (contract.ts).
 */
const recordRoutes = (uid: RecordRouteUid) => {
  const replyMiddlewares = () => [
    { name: SORT_THROUGH_FIELD_MIDDLEWARE, config: { uid } },
    { name: DERIVED_CONTACT_FIELDS_MIDDLEWARE, config: { uid } },
    { name: UNREADABLE_RELATIONS_MIDDLEWARE, config: { uid } },
  ];
  const readConfig = () => ({
    middlewares: [{ name: CONSENT_LOG_QUERY_MIDDLEWARE, config: { uid } }, ...replyMiddlewares()],
  });
  const writeConfig = () => ({
    middlewares: [{ name: SERVER_FIELDS_MIDDLEWARE, config: { uid } }, ...replyMiddlewares()],
  });
  return documentedRecordRoutes(
    uid,
    coreRoutes(uid, {
      config: { find: readConfig(), findOne: readConfig(), create: writeConfig(), update: writeConfig() },
    })
  );
};

/**
 * `GET /contacts/count`, `GET /clients/count`: the total of a searched list, apart from its rows.
 * Its scope is the list's own (`….find`): whoever may read the list may count it, read-only API
 * tokens included, and nobody else. The consent-log check applies to its filters as to the list's.
 */
const countRoute = (uid: typeof UID.contact | typeof UID.client): ContentApiRoute => {
  const spec = RECORD_ROUTE_SPECS[uid];
  return {
    method: 'GET',
    path: `/${spec.many}/count`,
    handler: `${uid}.count`,
    // Strapi's route type knows no `{ name, config }` middleware, which its router takes
    config: {
      auth: { scope: [`${uid}.find`] },
      middlewares: [{ name: CONSENT_LOG_QUERY_MIDDLEWARE, config: { uid } }],
    } as unknown as ContentApiRoute['config'],
    ...searchCountContract(spec),
  };
};

/**
 * Contacts, clients and the links between them and offers: their content types, the write rules
 * every entry point crosses, the REST routes and the Contacts tab's routes.
 */
export default defineModule({
  contentTypes: {
    contact,
    client,
    'client-contact': clientContact,
    'offer-contact': offerContact,
  },
  services,
  // Core controllers validate and sanitize the query, call the document service (where the
  // validation choke point lives) and sanitize the output with the caller's permissions.
  controllers: {
    contact: createSearchableController(UID.contact),
    client: createSearchableController(UID.client),
    'client-contact': factories.createCoreController(UID.clientContact),
    'offer-contact': factories.createCoreController(UID.offerContact),
    'admin-contacts': adminContacts,
    'admin-clients': adminClients,
    'admin-links': adminLinks,
    'admin-bulk': adminBulk,
    'admin-offers': adminOffers,
  },
  middlewares: {
    'query-shape': queryShape,
    'body-shape': bodyShape,
    'read-timeout': readTimeout,
    'read-slots': readSlots,
    'server-fields': serverFields,
    'sort-through-field': sortThroughField,
    'unreadable-relations': unreadableRelations,
  },
  adminRoutes: ADMIN_ROUTES,
  contentApiRoutes: () => [
    countRoute(UID.contact),
    countRoute(UID.client),
    ...recordRoutes(UID.contact),
    ...recordRoutes(UID.client),
    ...recordRoutes(UID.clientContact),
    ...recordRoutes(UID.offerContact),
  ],
  register(strapi) {
    registerDocumentRules(strapi);
    // the contact list's bulk actions over more contacts than a request waits for
    getService(strapi, 'jobs').define(BULK_LINKS_JOB);
    getService(strapi, 'jobs').define(BULK_DELETE_JOB);
    // GraphQL's schema refuses what the REST routes' server-fields middleware refuses
    for (const uid of RECORD_ROUTE_UIDS) {
      const model = strapi.getModel(uid);
      if (model) keepOutOfGraphqlInput(strapi, uid, serverOwnedFields(model));
    }
  },
});
