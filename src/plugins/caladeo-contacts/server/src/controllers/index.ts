import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { offerContextController, offerQuoteController } from './offer-documents';

// Core controllers validate and sanitize the query, call the document service (where the
// validation choke point lives) and sanitize the output with the caller's permissions.
export default {
  contact: factories.createCoreController(UID.contact),
  client: factories.createCoreController(UID.client),
  'client-contact': factories.createCoreController(UID.clientContact),
  'offer-contact': factories.createCoreController(UID.offerContact),
  'offer-context': offerContextController,
  'offer-quote': offerQuoteController,
};
