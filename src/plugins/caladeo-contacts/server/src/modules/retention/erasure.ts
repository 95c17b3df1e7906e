/**
 * What retention needs of the erasure module: erasing one contact (anonymised, its offer links and
 * consent evidence kept, the erasure recorded) and knowing which contacts were erased already.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';
import type { HistoryActor } from '../history/actor';
import type { Exclusion } from './selection';

type EraseContact = (
  documentId: string,
  options: { reason: 'request' | 'retention'; actor?: HistoryActor }
) => Promise<unknown>;

/** Erases a due contact, as the retention job of `jobId`. */
export const eraseForRetention = async (strapi: Core.Strapi, documentId: string, jobId: number | null) => {
  const erasure = strapi.plugin(PLUGIN_ID).service('erasure') as { eraseContact?: EraseContact } | undefined;
  if (typeof erasure?.eraseContact !== 'function')
    throw new Error('the erasure service is not available: nothing was anonymised');
  return erasure.eraseContact(documentId, {
    reason: 'retention',
    actor: { type: 'job', id: jobId === null ? null : String(jobId), name: 'retention' },
  });
};

/** The erasure module's record of erased contacts (one row per erasure). */
const ERASURES = { table: 'caladeo_contact_erasures', contactColumn: 'contact_document_id' } as const;

/** An erased contact is never selected again, even once its anonymised row is old enough. */
export const erasedContacts =
  (strapi: Core.Strapi): Exclusion =>
  (query) => {
    if (!strapi.contentTypes[`plugin::${PLUGIN_ID}.contact-erasure` as keyof typeof strapi.contentTypes])
      return;
    const knex = strapi.db.connection;
    query.whereNotExists(
      knex(`${ERASURES.table} as x`)
        .select(knex.raw('1'))
        .whereRaw(`x.${ERASURES.contactColumn} = c.document_id`)
    );
  };
