import consentLogQuery from './consent-log-query';
import derivedContactFields from './derived-contact-fields';
import newsletterRateLimit from './newsletter-rate-limit';
import publicForms from './public-forms';
import queryShape from './query-shape';

export default {
  'consent-log-query': consentLogQuery,
  'derived-contact-fields': derivedContactFields,
  'newsletter-rate-limit': newsletterRateLimit,
  'public-forms': publicForms,
  'query-shape': queryShape,
};
