import { ACTION, PLUGIN_ID } from '../../../../shared/constants';
import { guarded, type ContentApiRoute } from '../../utils/routes';
import {
  CONSENT_EVIDENCE_ANSWER,
  CONSENT_EVIDENCE_PARAMS,
  NEWSLETTER_DOCS,
  SIGN_UP_ANSWER,
  SIGN_UP_BODY,
  TOKEN_PARAMS,
} from './contract';

const PER_IP_LIMIT = `plugin::${PLUGIN_ID}.newsletter-rate-limit`;

/**
 * The plugin's only public surface (`auth: false`): the website's sign-up form and the links in
 * mails. Each is rate limited per IP, and the app middleware `public-forms` bounds its body and
 * CORS. Everything else here needs a permission. What the API document says of each is in
 * contract.ts.
 */
type PublicRoute = Pick<ContentApiRoute, 'method' | 'path' | 'handler' | 'request' | 'response' | 'docs'>;

/** A route anyone may call: no credential, and the per-IP limit first. One config object per route. */
const publicRoute = (route: PublicRoute): ContentApiRoute => ({
  ...route,
  config: { auth: false, middlewares: [PER_IP_LIMIT] },
});

export const newsletterContentApiRoutes: ContentApiRoute[] = [
  publicRoute({
    method: 'POST',
    path: '/newsletter/subscriptions',
    handler: 'newsletter.subscribe',
    request: { body: SIGN_UP_BODY },
    response: SIGN_UP_ANSWER,
    docs: NEWSLETTER_DOCS.subscribe,
  }),
  ...(
    [
      [
        'GET',
        '/newsletter/confirmations/:token',
        'newsletter.showConfirmation',
        NEWSLETTER_DOCS.showConfirmation,
      ],
      ['POST', '/newsletter/confirmations/:token', 'newsletter.confirm', NEWSLETTER_DOCS.confirm],
      [
        'GET',
        '/newsletter/unsubscribe/:token',
        'newsletter.showUnsubscribe',
        NEWSLETTER_DOCS.showUnsubscribe,
      ],
      ['POST', '/newsletter/unsubscribe/:token', 'newsletter.unsubscribe', NEWSLETTER_DOCS.unsubscribe],
    ] as const
  ).map(([method, path, handler, docs]) =>
    publicRoute({ method, path, handler, request: { params: TOKEN_PARAMS }, docs })
  ),
  // users-permissions action / API-token scope `plugin::caladeo-contacts.newsletter.exportSubscribers`
  {
    method: 'GET',
    path: '/newsletter/subscribers/export',
    handler: 'newsletter.exportSubscribers',
    docs: NEWSLETTER_DOCS.exportSubscribers,
  },
  // users-permissions action / API-token scope `plugin::caladeo-contacts.consent-evidence.read`:
  // not a `find`, so read-only tokens do not hold it
  {
    method: 'GET',
    path: '/contacts/:documentId/consent-evidence',
    handler: 'consent-evidence.read',
    config: {},
    request: { params: CONSENT_EVIDENCE_PARAMS },
    response: CONSENT_EVIDENCE_ANSWER,
    docs: NEWSLETTER_DOCS.consentEvidence,
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
  guarded(
    'GET',
    '/contacts/:documentId/consent-evidence',
    'consent-evidence.read',
    ACTION['consent.evidence']
  ),
];
