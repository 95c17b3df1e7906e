import { factories } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import adminOffers from './admin-offers';
import adminRecords from './admin-records';
import bulkActions from './bulk-actions';
import links from './links';

export default {
  contact: factories.createCoreService(UID.contact),
  client: factories.createCoreService(UID.client),
  'client-contact': factories.createCoreService(UID.clientContact),
  'offer-contact': factories.createCoreService(UID.offerContact),
  links,
  'admin-records': adminRecords,
  'admin-offers': adminOffers,
  'bulk-actions': bulkActions,
};
