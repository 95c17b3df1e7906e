/**
 * Normalisation of an offer patch (create or update): required title and reference, status,
 * a travel period whose end is not before its start, and a price per person in euros.
 */
import type { OfferStatus } from '../../../shared/constants';
import { OFFER_FIELD_CATALOGUE } from '../../../shared/fields';
import { fieldError, problem } from './messages';
import { isPatchObject, mergedValue, notAnObjectErrors, readPatch } from './patch';
import { fieldSchemasOf } from './catalogue';
import type { FieldError, NormaliseResult, OfferRecord } from './types';

/** What a patch may hold: title and reference may be sent empty, which the record rules refuse. */
type OfferWritableFields = Omit<OfferRecord, 'title' | 'reference'> & {
  title: string | null;
  reference: string | null;
};

export const DEFAULT_OFFER_STATUS: OfferStatus = OFFER_FIELD_CATALOGUE.offerStatus.default;

/** Exported for the API document, which tells what a write may send from these. */
export const OFFER_FIELD_SCHEMAS = fieldSchemasOf<OfferWritableFields>(OFFER_FIELD_CATALOGUE);

/**
 * @param patch    the keys being written (other keys, such as relations, are ignored)
 * @param existing the stored offer on update, null on create
 */
export function normaliseOfferPatch(
  patch: Record<string, unknown>,
  existing: OfferRecord | null
): NormaliseResult<Partial<OfferRecord>> {
  if (!isPatchObject(patch)) {
    return { ok: false, errors: notAnObjectErrors() };
  }
  const reading = readPatch(patch, OFFER_FIELD_SCHEMAS);
  const errors: FieldError[] = [...reading.errors];
  const { title: patchedTitle, reference: patchedReference, ...otherValues } = reading.values;
  const data: Partial<OfferRecord> = { ...otherValues };
  if (existing === null) {
    data.offerStatus ??= DEFAULT_OFFER_STATUS;
  }

  if (mergedValue(reading, existing, 'title', null) === null && !reading.failedFields.has('title')) {
    errors.push(fieldError(['title'], problem('required')));
  } else if (patchedTitle !== undefined && patchedTitle !== null) {
    data.title = patchedTitle;
  }
  if (mergedValue(reading, existing, 'reference', null) === null && !reading.failedFields.has('reference')) {
    errors.push(fieldError(['reference'], problem('required')));
  } else if (patchedReference !== undefined && patchedReference !== null) {
    data.reference = patchedReference;
  }

  const datesFailed = reading.failedFields.has('startDate') || reading.failedFields.has('endDate');
  const datesWritten = reading.values.startDate !== undefined || reading.values.endDate !== undefined;
  const startDate = mergedValue(reading, existing, 'startDate', null);
  const endDate = mergedValue(reading, existing, 'endDate', null);
  // Both are 'YYYY-MM-DD', so comparing the strings compares the dates.
  if (!datesFailed && datesWritten && startDate !== null && endDate !== null && endDate < startDate) {
    errors.push(fieldError(['endDate'], problem('date.beforeStart', { startDate })));
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}
