import { factories } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import consentLog from './consent-log';
import newsletter from './newsletter';
import rateLimits from './rate-limits';

export default {
  'consent-event': factories.createCoreService(UID.consentEvent),
  'consent-log': consentLog,
  newsletter,
  'rate-limits': rateLimits,
};
