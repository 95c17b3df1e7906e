import contact from './contact';
import client from './client';
import clientContact from './client-contact';
import offerContact from './offer-contact';
import consentEvent from './consent-event';
import newsletterConfirmation from './newsletter-confirmation';
import newsletterSignUp from './newsletter-sign-up';

// keys must equal each schema's info.singularName
export default {
  contact,
  client,
  'client-contact': clientContact,
  'offer-contact': offerContact,
  'consent-event': consentEvent,
  'newsletter-confirmation': newsletterConfirmation,
  'newsletter-sign-up': newsletterSignUp,
};
