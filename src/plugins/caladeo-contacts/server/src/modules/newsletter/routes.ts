import { ACTION, PLUGIN_ID } from '../../../../shared/constants';
import { guarded, type ContentApiRoute } from '../../utils/routes';
import { NEWSLETTER_DOCS, SIGN_UP_ANSWER, SIGN_UP_BODY, TOKEN_PARAMS } from './contract';

const PER_IP_LIMIT = `plugin::${PLUGIN_ID}.newsletter-rate-limit`;

/**
 * The plugin's only public surface (`auth: false`): the website's sign-up form and the links in
 * mails. Each is rate limited per IP, and the app middleware `public-forms` bounds its body and
 * CORS. Everything else here needs a permission. What the API document says of each is in
 * contract.ts.
 */
export const newsletterContentApiRoutes: ContentApiRoute[] = [
  {
    method: 'POST',
    path: '/newsletter/subscriptions',
    handler: 'newsletter.subscribe',
    config: { auth: false, middlewares: [PER_IP_LIMIT] },
    request: { body: SIGN_UP_BODY },
    response: SIGN_UP_ANSWER,
    docs: NEWSLETTER_DOCS.subscribe,
  },
  {
    method: 'GET',
    path: '/newsletter/confirmations/:token',
    handler: 'newsletter.showConfirmation',
    config: { auth: false, middlewares: [PER_IP_LIMIT] },
    request: { params: TOKEN_PARAMS },
    docs: NEWSLETTER_DOCS.showConfirmation,
  },
  {
    method: 'POST',
    path: '/newsletter/confirmations/:token',
    handler: 'newsletter.confirm',
    config: { auth: false, middlewares: [PER_IP_LIMIT] },
    request: { params: TOKEN_PARAMS },
    docs: NEWSLETTER_DOCS.confirm,
  },
  {
    method: 'GET',
    path: '/newsletter/unsubscribe/:token',
    handler: 'newsletter.showUnsubscribe',
    config: { auth: false, middlewares: [PER_IP_LIMIT] },
    request: { params: TOKEN_PARAMS },
    docs: NEWSLETTER_DOCS.showUnsubscribe,
  },
  {
    method: 'POST',
    path: '/newsletter/unsubscribe/:token',
    handler: 'newsletter.unsubscribe',
    config: { auth: false, middlewares: [PER_IP_LIMIT] },
    request: { params: TOKEN_PARAMS },
    docs: NEWSLETTER_DOCS.unsubscribe,
  },
  // users-permissions action / API-token scope `plugin::caladeo-contacts.newsletter.exportSubscribers`
  {
    method: 'GET',
    path: '/newsletter/subscribers/export',
    handler: 'newsletter.exportSubscribers',
    docs: NEWSLETTER_DOCS.exportSubscribers,
  },
];

/** Admin routes, each behind its own admin action. */
export const newsletterAdminRoutes = [
  guarded(
    'GET',
    '/newsletter/subscribers/export',
    'newsletter-admin.exportSubscribers',
    ACTION['newsletter.export']
  ),
  guarded(
    'GET',
    '/contacts/:documentId/consent-events',
    'newsletter-admin.consentEventsOfContact',
    ACTION['consent.read']
  ),
];
