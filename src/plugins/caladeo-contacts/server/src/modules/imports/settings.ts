import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

export type ImportSettings = {
  /** The largest file an import takes, in bytes. */
  maxFileBytes: number;
};

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { maxFileBytes: 100 * 1024 * 1024 };

export const importSettings = (strapi: Core.Strapi): ImportSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.imports`, DEFAULT_IMPORT_SETTINGS);
