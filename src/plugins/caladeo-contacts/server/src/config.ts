import { DEFAULT_AGENCY, parseAgencyConfig } from './modules/documents/agency';
import {
  DEFAULT_NEWSLETTER_SETTINGS,
  DEVELOPMENT_SECRET,
  type NewsletterSettings,
} from './modules/newsletter/settings';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from './modules/imports/settings';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from './modules/jobs/settings';
import {
  DEFAULT_API_SETTINGS,
  DEFAULT_BULK_SETTINGS,
  checkBulkSettings,
  type ApiSettings,
  type BulkSettings,
} from './modules/records/settings';
import { DEFAULT_HISTORY_SETTINGS } from './modules/history/settings';
import { DEFAULT_SEARCH_SETTINGS, type SearchSettings } from './modules/search/settings';
import { DEFAULT_MERGE_SETTINGS, type MergeSettings } from './modules/merges/settings';
import { DEFAULT_DUPLICATE_SETTINGS, type DuplicateSettings } from './modules/duplicates/settings';
import {
  DEFAULT_RETENTION_SETTINGS,
  checkRetentionSettings,
  type RetentionSettings,
} from './modules/retention/settings';
import {
  DEFAULT_PRIVACY_SETTINGS,
  DEVELOPMENT_PRIVACY_SECRET,
  type PrivacySettings,
} from './modules/erasure/settings';

type PluginConfig = {
  agency?: unknown;
  api: ApiSettings;
  bulk: BulkSettings;
  search: SearchSettings;
  newsletter: NewsletterSettings;
  jobs: JobSettings;
  imports: ImportSettings;
  merges: MergeSettings;
  duplicates: DuplicateSettings;
  retention: RetentionSettings;
  privacy: PrivacySettings;
};

const isPositiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

/**
 * The plugin's configuration (`config/plugins.ts` → `caladeo-contacts.config`), merged over these
 * defaults. The validator stops the boot on settings that would fail later: a wrong agency detail
 * would otherwise turn the first read of a contact, client or offer into a 500.
 */
export default {
  default: {
    agency: DEFAULT_AGENCY,
    api: DEFAULT_API_SETTINGS,
    bulk: DEFAULT_BULK_SETTINGS,
    search: DEFAULT_SEARCH_SETTINGS,
    newsletter: DEFAULT_NEWSLETTER_SETTINGS,
    jobs: DEFAULT_JOB_SETTINGS,
    imports: DEFAULT_IMPORT_SETTINGS,
    history: DEFAULT_HISTORY_SETTINGS,
    merges: DEFAULT_MERGE_SETTINGS,
    duplicates: DEFAULT_DUPLICATE_SETTINGS,
    retention: DEFAULT_RETENTION_SETTINGS,
    privacy: DEFAULT_PRIVACY_SETTINGS,
  },
  validator(config: PluginConfig) {
    parseAgencyConfig(config.agency);
    if (!isPositiveInteger(config.jobs.pollIntervalMs))
      throw new Error(
        'caladeo-contacts: jobs.pollIntervalMs (JOBS_POLL_INTERVAL_MS) must be a positive integer'
      );
    if (!isPositiveInteger(config.search.countCap))
      throw new Error('caladeo-contacts: search.countCap (SEARCH_COUNT_CAP) must be a positive integer');
    if (!isPositiveInteger(config.merges.undoDays))
      throw new Error('caladeo-contacts: merges.undoDays (MERGE_UNDO_DAYS) must be a positive integer');
    for (const [key, variable] of [
      ['readTimeoutMs', 'API_READ_TIMEOUT_MS'],
      ['requestTimeoutMs', 'API_REQUEST_TIMEOUT_MS'],
      ['readsPerCaller', 'API_READS_PER_CALLER'],
      ['queuedReadsPerCaller', 'API_QUEUED_READS_PER_CALLER'],
    ] as const) {
      const value = config.api[key];
      if (!Number.isInteger(value) || value < 0)
        throw new Error(`caladeo-contacts: api.${key} (${variable}) must be 0 or a positive integer`);
    }
    const { scanEveryHours } = config.duplicates;
    if (!Number.isInteger(scanEveryHours) || scanEveryHours < 0)
      throw new Error(
        'caladeo-contacts: duplicates.scanEveryHours (DUPLICATE_SCAN_EVERY_HOURS) must be 0 or a positive integer'
      );
    checkRetentionSettings(config.retention);
    checkBulkSettings(config.bulk);
    const { newsletter } = config;
    const { rateLimits } = newsletter;
    for (const [name, value] of Object.entries({
      confirmationTtlHours: newsletter.confirmationTtlHours,
      maxBodyBytes: newsletter.maxBodyBytes,
      'rateLimits.perIp.points': rateLimits.perIp.points,
      'rateLimits.perIp.durationSeconds': rateLimits.perIp.durationSeconds,
      'rateLimits.perEmail.points': rateLimits.perEmail.points,
      'rateLimits.perEmail.durationSeconds': rateLimits.perEmail.durationSeconds,
    })) {
      if (!isPositiveInteger(value))
        throw new Error(`caladeo-contacts: newsletter.${name} must be a positive integer`);
    }
    if (process.env.NODE_ENV === 'production' && newsletter.secret === DEVELOPMENT_SECRET) {
      // a known secret lets anyone forge unsubscribe links for every contact
      throw new Error('caladeo-contacts: set NEWSLETTER_SECRET in production');
    }
    if (process.env.NODE_ENV === 'production' && config.privacy.secret === DEVELOPMENT_PRIVACY_SECRET) {
      // a known key lets anyone who reads the suppression list test addresses against it
      throw new Error('caladeo-contacts: set PRIVACY_SECRET in production');
    }
    for (const origin of newsletter.allowedOrigins) {
      if (new URL(origin).origin !== origin) {
        throw new Error(
          `caladeo-contacts: newsletter.allowedOrigins entry "${origin}" must be an origin like https://www.example.fr`
        );
      }
    }
  },
};
