import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

/** The privacy settings, under `privacy` in the plugin's config (config/plugins.ts). */
export type PrivacySettings = {
  /** Keys the hashes of the suppression list (HMAC-SHA256): without it, a hash cannot be matched. */
  secret: string;
};

export const DEVELOPMENT_PRIVACY_SECRET = 'caladeo-dev-privacy-secret';

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { secret: DEVELOPMENT_PRIVACY_SECRET };

export const privacySettings = (strapi: Core.Strapi): PrivacySettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.privacy`, DEFAULT_PRIVACY_SETTINGS);
