import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import links from './links';
import searchIndex from './search-index';
import listSearch from './list-search';
import consentLog from './consent-log';
import newsletter from './newsletter';
import newsletterQueue from './newsletter-queue';
import rateLimits from './rate-limits';
import offerDocuments from './offer-documents';
import adminRecords from './admin-records';

export default {
  contact: factories.createCoreService(UID.contact),
  client: factories.createCoreService(UID.client),
  'client-contact': factories.createCoreService(UID.clientContact),
  'offer-contact': factories.createCoreService(UID.offerContact),
  links,
  'search-index': searchIndex,
  'list-search': listSearch,
  'consent-event': factories.createCoreService(UID.consentEvent),
  'consent-log': consentLog,
  newsletter,
  'newsletter-queue': newsletterQueue,
  'rate-limits': rateLimits,
  'offer-documents': offerDocuments,
  'admin-records': adminRecords,
};
