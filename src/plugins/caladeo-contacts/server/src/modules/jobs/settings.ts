import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

export type JobSettings = {
  /** How often a node looks for due jobs when nothing woke it: retries, other nodes' enqueues. */
  pollIntervalMs: number;
};

export const DEFAULT_JOB_SETTINGS: JobSettings = { pollIntervalMs: 5000 };

export const jobSettings = (strapi: Core.Strapi): JobSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.jobs`, DEFAULT_JOB_SETTINGS);
