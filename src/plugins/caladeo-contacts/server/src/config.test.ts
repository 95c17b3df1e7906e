import { describe, expect, it } from '@jest/globals';

import config from './config';

/** What Strapi hands the validator: the plugin's defaults under the app's settings. */
const withSettings = (agency: Record<string, unknown>) => ({ ...config.default, agency });

describe('plugin configuration', () => {
  it('accepts its own defaults, and agency details of the right shape', () => {
    expect(() => config.validator(config.default)).not.toThrow();
    expect(() =>
      config.validator(withSettings({ email: 'contact@caladeo-voyages.fr', country: 'Belgique' }))
    ).not.toThrow();
  });

  it.each([
    [{ email: 'not-an-email' }, 'agency.email (CALADEO_AGENCY_EMAIL) must be an e-mail address'],
    [{ name: ' ' }, 'agency.name (CALADEO_AGENCY_NAME) must not be empty'],
    [{ country: 'Narnia' }, 'agency.country (CALADEO_AGENCY_COUNTRY) must be a country, "Narnia" is not one'],
    [{ defaultLanguage: 'de' }, 'agency.defaultLanguage (CALADEO_AGENCY_LANGUAGE) must be one of fr, en'],
    [
      { timeZone: 'Mars/Olympus' },
      'agency.timeZone (CALADEO_AGENCY_TIME_ZONE) must be a time zone such as Europe/Paris',
    ],
    [{ fax: '01 23 45 67 89' }, 'agency.fax is not a setting'],
  ])('stops the boot on agency %j, naming the setting and its variable', (agency, message) => {
    expect(() => config.validator(withSettings(agency))).toThrow(`caladeo-contacts: ${message}`);
  });

  it('names every wrong agency detail at once', () => {
    expect(() => config.validator(withSettings({ email: 'nope', siret: 'x'.repeat(21) }))).toThrow(
      'caladeo-contacts: agency.email (CALADEO_AGENCY_EMAIL) must be an e-mail address; ' +
        'agency.siret (CALADEO_AGENCY_SIRET) must be at most 20 characters'
    );
  });

  it('still checks the newsletter settings', () => {
    const newsletter = { ...config.default.newsletter, confirmationTtlHours: 0 };
    expect(() => config.validator({ ...config.default, newsletter })).toThrow(
      'caladeo-contacts: newsletter.confirmationTtlHours must be a positive integer'
    );
  });

  it('takes 0 hours between duplicate scans (none by itself) and refuses a negative number', () => {
    const every = (scanEveryHours: number) => ({ ...config.default, duplicates: { scanEveryHours } });
    expect(() => config.validator(every(0))).not.toThrow();
    expect(() => config.validator(every(-1))).toThrow(
      'caladeo-contacts: duplicates.scanEveryHours (DUPLICATE_SCAN_EVERY_HOURS) must be 0 or a positive integer'
    );
  });

  it('takes a positive cap of the lists’ counts and refuses any other', () => {
    const capped = (countCap: number) => ({ ...config.default, search: { countCap } });
    expect(() => config.validator(capped(500))).not.toThrow();
    for (const wrong of [0, -1, 2.5])
      expect(() => config.validator(capped(wrong))).toThrow(
        'caladeo-contacts: search.countCap (SEARCH_COUNT_CAP) must be a positive integer'
      );
  });

  it.each([
    ['readTimeoutMs', 'API_READ_TIMEOUT_MS'],
    ['requestTimeoutMs', 'API_REQUEST_TIMEOUT_MS'],
    ['readsPerCaller', 'API_READS_PER_CALLER'],
    ['queuedReadsPerCaller', 'API_QUEUED_READS_PER_CALLER'],
  ])('takes 0 as no %s and refuses a negative or fractional one', (key, variable) => {
    const timeout = (value: number) => ({ ...config.default, api: { ...config.default.api, [key]: value } });
    expect(() => config.validator(timeout(0))).not.toThrow();
    for (const wrong of [-1, 2.5])
      expect(() => config.validator(timeout(wrong))).toThrow(
        `caladeo-contacts: api.${key} (${variable}) must be 0 or a positive integer`
      );
  });

  it.each([
    [
      { prospect: { enabled: true, months: 0 } },
      'retention.prospect.months (RETENTION_PROSPECT_MONTHS) must be a whole number of months from 1 to 600',
    ],
    [
      { client: { enabled: true, months: -12 } },
      'retention.client.months (RETENTION_CLIENT_MONTHS) must be a whole number of months from 1 to 600',
    ],
    [{ client: { enabled: 'no', months: 36 } }, 'retention.client.enabled must be true or false'],
    [{ batchSize: 0 }, 'retention.batchSize must be a positive integer'],
  ])('stops the boot on the retention setting %j, naming it', (change, message) => {
    const retention = { ...config.default.retention, ...change };
    expect(() => config.validator({ ...config.default, retention } as never)).toThrow(
      `caladeo-contacts: ${message}`
    );
  });

  it.each([
    [{ inlineMax: 0 }, 'bulk.inlineMax (BULK_INLINE_MAX) must be a positive integer'],
    [{ jobMaxContacts: 1.5 }, 'bulk.jobMaxContacts (BULK_JOB_MAX_CONTACTS) must be a positive integer'],
    [{ jobChunkSize: -1 }, 'bulk.jobChunkSize (BULK_JOB_CHUNK_SIZE) must be a positive integer'],
    [
      { inlineMax: 600, jobMaxContacts: 500 },
      'bulk.inlineMax (BULK_INLINE_MAX) must not exceed bulk.jobMaxContacts (BULK_JOB_MAX_CONTACTS)',
    ],
  ])('stops the boot on the bulk setting %j, naming it', (change, message) => {
    const bulk = { ...config.default.bulk, ...change };
    expect(() => config.validator({ ...config.default, bulk } as never)).toThrow(
      `caladeo-contacts: ${message}`
    );
  });
});
