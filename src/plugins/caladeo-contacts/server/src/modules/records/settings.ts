import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

export type ApiSettings = {
  /**
   * The longest one SQL statement of a content-API read (REST GET, GraphQL query) may run on
   * PostgreSQL, in ms, before the database cancels it and the caller gets a 400; 0: no limit.
   */
  readTimeoutMs: number;
  /**
   * The longest all the SQL of one content-API read may take together, in ms: past it the read's
   * next statement is refused (and on PostgreSQL the running one cancelled) with the same 400; 0: no limit.
   */
  requestTimeoutMs: number;
  /**
   * Content-API reads of one caller (its bearer credential, or its address) that may run at once
   * on a node; 0: no limit (modules/records/middlewares/read-slots.ts).
   */
  readsPerCaller: number;
  /** Reads of one caller that may wait for a slot when its reads all run; past them a 429. */
  queuedReadsPerCaller: number;
};

export const DEFAULT_API_SETTINGS: ApiSettings = {
  readTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  readsPerCaller: 4,
  queuedReadsPerCaller: 50,
};

export const apiSettings = (strapi: Core.Strapi): ApiSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.api`, DEFAULT_API_SETTINGS);
