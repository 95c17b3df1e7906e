import { ACTION } from '../../../../shared/constants';
import { guarded, type ContentApiRoute } from '../../utils/routes';
import { DOCUMENT_DOCS, OFFER_CONTEXT_ANSWER, OFFER_PARAMS } from './contract';

const OFFER_CONTEXT_PATH = '/documents/offers/:documentId';
const OFFER_QUOTE_PATH = '/documents/offers/:documentId/quote.pdf';

/**
 * Content-API document routes. Each handler is its own users-permissions action and API-token
 * scope (`plugin::caladeo-contacts.offer-context.findOne`, `….offer-quote.findOne`); no role holds
 * them by default, so they are never public. What the API document says of them is in contract.ts.
 */
export const documentContentApiRoutes: ContentApiRoute[] = [
  {
    method: 'GET' as const,
    path: OFFER_CONTEXT_PATH,
    handler: 'offer-context.findOne',
    // its own object: Strapi writes the route's auth scope into it
    config: {},
    request: { params: OFFER_PARAMS },
    response: OFFER_CONTEXT_ANSWER,
    docs: DOCUMENT_DOCS.offerContext,
  },
  {
    method: 'GET' as const,
    path: OFFER_QUOTE_PATH,
    handler: 'offer-quote.findOne',
    config: {},
    request: { params: OFFER_PARAMS },
    docs: DOCUMENT_DOCS.offerQuote,
  },
];

/**
 * The same quote for the admin panel ("Générer le devis"), reached with the admin's session and
 * allowed only to roles holding the "Generate quotes" action.
 */
export const documentAdminRoutes = [
  guarded('GET', OFFER_QUOTE_PATH, 'offer-quote.findOne', ACTION['documents.generate']),
  // the agency's country, for the phone formats of the tab: whoever may see the tab reads it
  guarded('GET', '/admin-settings', 'admin-settings.find', ACTION['contacts.read']),
];
