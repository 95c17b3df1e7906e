import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

export type HistorySettings = {
  /**
   * Whether changes are recorded (HISTORY_ENABLED). On unless said: turning it off is for measuring
   * what the history costs, not for production, where every change must leave its entry.
   */
  enabled: boolean;
};

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { enabled: true };

export const historySettings = (strapi: Core.Strapi): HistorySettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.history`, DEFAULT_HISTORY_SETTINGS);
