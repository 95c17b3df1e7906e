import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import {
  normaliseClientPatch,
  normaliseContactPatch,
  normaliseOfferPatch,
  type NormaliseResult,
} from '../validation';
import { fieldValidationError, singleFieldError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { isWriteOnExisting, writePayload } from './data';
import type { DocumentRule } from './types';

export const EMAIL_TAKEN_MESSAGE = 'is already used by another contact';
export const REFERENCE_TAKEN_MESSAGE = 'is already used by another offer';

type RecordSpec = {
  uid: string;
  /** Which end of the link documents this record is, for the clean-up on delete. */
  linkEnd: 'contact' | 'client' | 'offer';
  // the stored row is passed as it comes from the database
  normalise: (patch: Record<string, unknown>, existing: never) => NormaliseResult<Record<string, unknown>>;
  /** A field unique among the records, with the message when it is taken. */
  unique?: { field: string; message: string };
};

const RECORD_SPECS: RecordSpec[] = [
  {
    uid: UID.contact,
    linkEnd: 'contact',
    normalise: normaliseContactPatch,
    unique: { field: 'email', message: EMAIL_TAKEN_MESSAGE },
  },
  { uid: UID.client, linkEnd: 'client', normalise: normaliseClientPatch },
  {
    uid: UID.offer,
    linkEnd: 'offer',
    normalise: normaliseOfferPatch,
    unique: { field: 'reference', message: REFERENCE_TAKEN_MESSAGE },
  },
];

/**
 * Contacts, clients and offers: every write is normalised by the one validation module, and a
 * delete takes the record's links with it.
 */
const recordRule = (strapi: Core.Strapi, spec: RecordSpec): DocumentRule => ({
  async beforeWrite(call) {
    const data = writePayload(call);
    const onExisting = isWriteOnExisting(call);
    const existing = onExisting
      ? await strapi.db
          .query(spec.uid as typeof UID.contact)
          .findOne({ where: { documentId: call.params.documentId } })
      : null;
    // a write to a missing document falls through: the document service answers "not found"
    if (onExisting && !existing) return;

    const result = spec.normalise(data, existing as never);
    if (!result.ok) throw fieldValidationError(result.errors);

    // a friendly answer for the common case; the unique index settles concurrent writes
    const uniqueValue = spec.unique && result.data[spec.unique.field];
    if (spec.unique && uniqueValue) {
      const taken = await strapi.db.query(spec.uid as typeof UID.contact).findOne({
        select: ['documentId'],
        where: {
          [spec.unique.field]: uniqueValue,
          ...(call.action === 'update' ? { documentId: { $ne: call.params.documentId } } : {}),
        },
      });
      if (taken) throw singleFieldError(spec.unique.field, spec.unique.message);
    }

    call.params.data = { ...data, ...result.data };
  },

  async beforeDelete(call) {
    if (call.params.documentId) {
      await getService(strapi, 'links').deleteLinksOf(spec.linkEnd, call.params.documentId);
    }
  },
});

export const recordRules = (strapi: Core.Strapi): Record<string, DocumentRule> =>
  Object.fromEntries(RECORD_SPECS.map((spec) => [spec.uid, recordRule(strapi, spec)]));
