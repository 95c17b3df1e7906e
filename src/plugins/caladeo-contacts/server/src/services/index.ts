import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import links from './links';
import offerDocuments from './offer-documents';

export default {
  contact: factories.createCoreService(UID.contact),
  client: factories.createCoreService(UID.client),
  'client-contact': factories.createCoreService(UID.clientContact),
  'offer-contact': factories.createCoreService(UID.offerContact),
  links,
  'offer-documents': offerDocuments,
};
