import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

export type MergeSettings = {
  /** How long after a merge it may still be undone, in days. */
  undoDays: number;
};

export const DEFAULT_MERGE_SETTINGS: MergeSettings = { undoDays: 30 };

export const mergeSettings = (strapi: Core.Strapi): MergeSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.merges`, DEFAULT_MERGE_SETTINGS);
