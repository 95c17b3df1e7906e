import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

export type DuplicateSettings = {
  /**
   * How many hours apart the whole base is scanned (DUPLICATE_SCAN_EVERY_HOURS); the first scan
   * is due at the first start. 0: never by itself, only from the "Doublons" page or the API (a
   * large base may rather scan at a quiet hour, started by hand or by the agency's scheduler).
   */
  scanEveryHours: number;
};

export const DEFAULT_DUPLICATE_SETTINGS: DuplicateSettings = { scanEveryHours: 24 };

export const duplicateSettings = (strapi: Core.Strapi): DuplicateSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.duplicates`, DEFAULT_DUPLICATE_SETTINGS);
