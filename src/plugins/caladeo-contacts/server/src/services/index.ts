import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import links from './links';
import searchIndex from './search-index';
import listSearch from './list-search';
import adminRecords from './admin-records';

export default {
  contact: factories.createCoreService(UID.contact),
  client: factories.createCoreService(UID.client),
  'client-contact': factories.createCoreService(UID.clientContact),
  'offer-contact': factories.createCoreService(UID.offerContact),
  links,
  'search-index': searchIndex,
  'list-search': listSearch,
  'admin-records': adminRecords,
};
