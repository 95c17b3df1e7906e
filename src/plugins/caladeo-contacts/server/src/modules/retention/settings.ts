import type { Core } from '@strapi/strapi';
import {
  MAX_RETENTION_MONTHS,
  PLUGIN_ID,
  RETENTION_POLICIES,
  type RetentionPolicy,
} from '../../../../shared/constants';

export type PolicySetting = { enabled: boolean; months: number };

export type RetentionSettings = Record<RetentionPolicy, PolicySetting> & {
  /** Contacts selected and erased per batch of a run. */
  batchSize: number;
};

/**
 * The CNIL's periods (docs/privacy.md): a prospect 3 years after its last activity, a client 3
 * years after the end of the commercial relationship (here, of its last trip).
 */
export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = {
  prospect: { enabled: true, months: 36 },
  client: { enabled: true, months: 36 },
  batchSize: 200,
};

export const retentionSettings = (strapi: Core.Strapi): RetentionSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.retention`, DEFAULT_RETENTION_SETTINGS);

const isMonths = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_RETENTION_MONTHS;

/** The boot check of the configured policies: a wrong period would stop every run. */
export const checkRetentionSettings = (settings: RetentionSettings) => {
  for (const policy of RETENTION_POLICIES) {
    const setting = settings[policy];
    if (typeof setting?.enabled !== 'boolean')
      throw new Error(`caladeo-contacts: retention.${policy}.enabled must be true or false`);
    if (!isMonths(setting.months))
      throw new Error(
        `caladeo-contacts: retention.${policy}.months (RETENTION_${policy.toUpperCase()}_MONTHS) must be a whole number of months from 1 to ${MAX_RETENTION_MONTHS}`
      );
  }
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1)
    throw new Error('caladeo-contacts: retention.batchSize must be a positive integer');
};
