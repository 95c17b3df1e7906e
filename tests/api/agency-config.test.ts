import { describe, expect, it } from '@jest/globals';
import { bootError } from '../helpers/strapi';

// each case is a full boot, on PostgreSQL a first one that creates every table
const BOOT_TIMEOUT_MS = 120_000;

describe('agency settings at boot', () => {
  it(
    'refuses to start with an agency e-mail that is not one, naming the setting and its variable',
    async () => {
      const error = await bootError({ CALADEO_AGENCY_EMAIL: 'not-an-email' });
      expect(error?.message).toContain(
        'caladeo-contacts: agency.email (CALADEO_AGENCY_EMAIL) must be an e-mail address'
      );
    },
    BOOT_TIMEOUT_MS
  );

  it(
    'starts with agency settings of the right shape',
    async () => {
      const error = await bootError({
        CALADEO_AGENCY_EMAIL: 'contact@caladeo-voyages.fr',
        CALADEO_AGENCY_COUNTRY: 'Belgique',
        CALADEO_AGENCY_TIME_ZONE: 'Europe/Brussels',
      });
      expect(error).toBeUndefined();
    },
    BOOT_TIMEOUT_MS
  );
});
