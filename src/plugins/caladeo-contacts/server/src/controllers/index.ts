import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { createSearchableController } from './searchable';
import newsletter from './newsletter';
import newsletterAdmin from './newsletter-admin';
import { offerContextController, offerQuoteController } from './offer-documents';
import adminClients from './admin-clients';
import adminContacts from './admin-contacts';
import adminLinks from './admin-links';

// Core controllers validate and sanitize the query, call the document service (where the
// validation choke point lives) and sanitize the output with the caller's permissions.
export default {
  contact: createSearchableController(UID.contact),
  client: createSearchableController(UID.client),
  'client-contact': factories.createCoreController(UID.clientContact),
  'offer-contact': factories.createCoreController(UID.offerContact),
  'consent-event': factories.createCoreController(UID.consentEvent),
  newsletter,
  'newsletter-admin': newsletterAdmin,
  'offer-context': offerContextController,
  'offer-quote': offerQuoteController,
  // the admin pages' routes (routes/admin.ts)
  'admin-contacts': adminContacts,
  'admin-clients': adminClients,
  'admin-links': adminLinks,
};
