import derivedContactFields from './derived-contact-fields';
import newsletterRateLimit from './newsletter-rate-limit';
import publicForms from './public-forms';

export default {
  'derived-contact-fields': derivedContactFields,
  'newsletter-rate-limit': newsletterRateLimit,
  'public-forms': publicForms,
};
