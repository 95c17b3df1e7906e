import { ACTION } from '../../../../shared/constants';
import { guarded, type ContentApiRoute } from '../../utils/routes';

const OFFER_CONTEXT_PATH = '/documents/offers/:documentId';
const OFFER_QUOTE_PATH = '/documents/offers/:documentId/quote.pdf';

/**
 * Content-API document routes. Each handler is its own users-permissions action and API-token
 * scope (`plugin::caladeo-contacts.offer-context.findOne`, `….offer-quote.findOne`); no role holds
 * them by default, so they are never public.
 */
export const documentContentApiRoutes: ContentApiRoute[] = [
  {
    method: 'GET' as const,
    path: OFFER_CONTEXT_PATH,
    handler: 'offer-context.findOne',
    // its own object: Strapi writes the route's auth scope into it
    config: {},
  },
  {
    method: 'GET' as const,
    path: OFFER_QUOTE_PATH,
    handler: 'offer-quote.findOne',
    config: {},
  },
];

/**
 * The same quote for the admin panel ("Générer le devis"), reached with the admin's session and
 * allowed only to roles holding the "Generate quotes" action.
 */
export const documentAdminRoutes = [
  guarded('GET', OFFER_QUOTE_PATH, 'offer-quote.findOne', ACTION['documents.generate']),
];
