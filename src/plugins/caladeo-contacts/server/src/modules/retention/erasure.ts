/**
 * What retention needs of the erasure module: erasing one contact (anonymised, its offer links and
 * consent evidence kept, the erasure recorded) and knowing which contacts were erased already.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import type { Exclusion } from './selection';

/** Erases a due contact, as the retention job of `jobId`, in the erasure's own transaction. */
export const eraseForRetention = (strapi: Core.Strapi, documentId: string, jobId: number | null) =>
  getService(strapi, 'erasure').eraseContact(documentId, {
    reason: 'retention',
    actor: { type: 'job', id: jobId === null ? null : String(jobId), name: 'retention' },
  });

/** The erasure module's record of erased contacts (`contact-erasure`, one row per erased contact). */
const ERASURES = 'caladeo_contact_erasures';

/** An erased contact is never selected again, even once its anonymised row is old enough. */
export const erasedContacts =
  (strapi: Core.Strapi): Exclusion =>
  (query) => {
    const knex = strapi.db.connection;
    query.whereNotExists(
      knex(`${ERASURES} as x`).select(knex.raw('1')).whereRaw('x.contact_document_id = c.document_id')
    );
  };
