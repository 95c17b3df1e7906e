import { factories } from '@strapi/strapi';
import { SORT_THROUGH_FIELD_MIDDLEWARE, UID } from '../../../../shared/constants';
import { coreRoutes } from '../../utils/routes';
import { documentCoreRoutes } from '../api-docs';
import { getService } from '../../utils/get-service';
import { hideFromGraphql } from '../../utils/graphql';
import { defineModule } from '../module';
import consentEvent from './content-types/consent-event';
import newsletterConfirmation from './content-types/newsletter-confirmation';
import newsletterSignUp from './content-types/newsletter-sign-up';
import consentEvidence from './controllers/consent-evidence';
import newsletterController from './controllers/newsletter';
import newsletterAdmin from './controllers/newsletter-admin';
import consentLogQuery from './middlewares/consent-log-query';
import newsletterRateLimit from './middlewares/newsletter-rate-limit';
import publicForms from './middlewares/public-forms';
import { newsletterAdminRoutes, newsletterContentApiRoutes } from './routes';
import services from './services';
import { SIGN_UP_JOB } from './sign-up-job';

/**
 * The website's newsletter forms (double opt-in, one-click unsubscribe, rate limits) and the consent
 * log that keeps the evidence of every consent change.
 */
export default defineModule({
  contentTypes: {
    'consent-event': consentEvent,
    'newsletter-confirmation': newsletterConfirmation,
    'newsletter-sign-up': newsletterSignUp,
  },
  services,
  controllers: {
    'consent-event': factories.createCoreController(UID.consentEvent),
    'consent-evidence': consentEvidence,
    newsletter: newsletterController,
    'newsletter-admin': newsletterAdmin,
  },
  middlewares: {
    'consent-log-query': consentLogQuery,
    'newsletter-rate-limit': newsletterRateLimit,
    'public-forms': publicForms,
  },
  adminRoutes: newsletterAdminRoutes,
  // the consent log is read through the API, never written: no create, update or delete route;
  // its evidence (IP addresses, user agents) only through the consent-evidence route; a sort past
  // a field is refused as on the other records (one config object per route)
  contentApiRoutes: () => [
    ...documentCoreRoutes(
      { uid: UID.consentEvent, tag: 'Consent log', one: 'consent event', many: 'consent events' },
      coreRoutes(UID.consentEvent, {
        only: ['find', 'findOne'],
        config: Object.fromEntries(
          (['find', 'findOne'] as const).map((action) => [
            action,
            { middlewares: [{ name: SORT_THROUGH_FIELD_MIDDLEWARE, config: { uid: UID.consentEvent } }] },
          ])
        ),
      })
    ),
    ...newsletterContentApiRoutes,
  ],
  register(strapi) {
    // queued sign-ups and pending confirmations are bookkeeping, never part of an API
    hideFromGraphql(strapi, [UID.newsletterSignUp, UID.newsletterConfirmation]);
    getService(strapi, 'jobs').define(SIGN_UP_JOB);
  },
  async bootstrap(strapi) {
    await getService(strapi, 'rate-limits').start();
    await getService(strapi, 'newsletter').queueUnprocessedSignUps();
  },
  destroy: (strapi) => getService(strapi, 'rate-limits').stop(),
});
