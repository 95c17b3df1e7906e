import contact from './contact';
import client from './client';
import clientContact from './client-contact';
import offerContact from './offer-contact';

// keys must equal each schema's info.singularName
export default {
  contact,
  client,
  'client-contact': clientContact,
  'offer-contact': offerContact,
};
