import newsletterRateLimit from './newsletter-rate-limit';
import publicForms from './public-forms';

export default {
  'newsletter-rate-limit': newsletterRateLimit,
  'public-forms': publicForms,
};
