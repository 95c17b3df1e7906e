import type { Core } from '@strapi/strapi';
import { BULK_MAX_CONTACTS, PLUGIN_ID } from '../../../../shared/constants';

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

export type BulkSettings = {
  /** Most contacts a bulk action does while its request waits; past it the action is a job. */
  inlineMax: number;
  /** Most contacts one bulk action names, as a job (`BULK_JOB_MAX_CONTACTS`). */
  jobMaxContacts: number;
  /** Contacts a bulk job does in one transaction, reporting its progress after each. */
  jobChunkSize: number;
};

export const DEFAULT_BULK_SETTINGS: BulkSettings = {
  inlineMax: BULK_MAX_CONTACTS,
  jobMaxContacts: 100_000,
  jobChunkSize: 100,
};

export const bulkSettings = (strapi: Core.Strapi): BulkSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.bulk`, DEFAULT_BULK_SETTINGS);

/** Stops the boot on bulk settings that would refuse every bulk action or never make a job. */
export const checkBulkSettings = (settings: BulkSettings) => {
  for (const [key, variable] of [
    ['inlineMax', 'BULK_INLINE_MAX'],
    ['jobMaxContacts', 'BULK_JOB_MAX_CONTACTS'],
    ['jobChunkSize', 'BULK_JOB_CHUNK_SIZE'],
  ] as const) {
    const value = settings[key];
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`caladeo-contacts: bulk.${key} (${variable}) must be a positive integer`);
  }
  if (settings.inlineMax > settings.jobMaxContacts)
    throw new Error(
      'caladeo-contacts: bulk.inlineMax (BULK_INLINE_MAX) must not exceed bulk.jobMaxContacts (BULK_JOB_MAX_CONTACTS)'
    );
};
