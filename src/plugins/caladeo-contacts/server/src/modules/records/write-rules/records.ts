import type { Core } from '@strapi/strapi';
import { ERASED_CONTACT_LAST_NAME, UID } from '../../../../../shared/constants';
import { personalFieldNames } from '../../../../../shared/fields';
import {
  derivedClientFields,
  derivedContactFields,
  normaliseClientPatch,
  normaliseContactPatch,
  normaliseOfferPatch,
  fieldError,
  problem,
  type ContactRecord,
  type NormaliseResult,
  type Problem,
} from '../../../validation';
import { fieldValidationError, singleFieldError, statusFieldErrors } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { isWriteOnExisting, lockForUpdate, writePayload } from './data';
import type { AfterWrite, DocumentRule } from './types';

type RecordSpec = {
  uid: string;
  /** Which end of the link documents this record is, for the clean-up on delete. */
  linkEnd: 'contact' | 'client' | 'offer';
  // the stored row is passed as it comes from the database
  normalise: (patch: Record<string, unknown>, existing: never) => NormaliseResult<Record<string, unknown>>;
  /**
   * A field unique among the records, with the problem when it is taken (by the record named);
   * `heldElsewhere` names a record that holds the value outside the field (a contact's e-mail alias).
   */
  unique?: {
    field: string;
    taken: (documentId: string) => Problem;
    heldElsewhere?: (strapi: Core.Strapi, value: string) => Promise<string | null>;
  };
  /** Relations the application keeps itself; a write that names one is refused. */
  keptByApplication?: string[];
  /**
   * The record's links to its contacts, clients or offers: their ends never move, so a write of the
   * record may not connect, disconnect or set them (a link is created or deleted on its own).
   */
  links?: string[];
  /**
   * Refuses an update the stored record's state forbids, given the normalised patch (before the
   * unique checks: a refused field is not worth checking).
   */
  guardUpdate?: (strapi: Core.Strapi, existing: StoredRow, data: Record<string, unknown>) => Promise<void>;
  /** Side effects of a successful write: the stored row before it (null on create) and the result. */
  afterWrite?: (
    strapi: Core.Strapi,
    existing: Record<string, unknown> | null,
    result: unknown
  ) => Promise<void>;
  /** What goes with the record when it is deleted, besides its links. */
  beforeDelete?: (strapi: Core.Strapi, documentId: string) => Promise<void>;
  /**
   * Completes the normalised data with what depends on other records (the search text), and
   * returns the work to do once the write is done.
   */
  complete?: (
    strapi: Core.Strapi,
    data: Record<string, unknown>,
    existing: StoredRow | null
  ) => Promise<AfterWrite | void>;
};

type StoredRow = Record<string, unknown> & { id: number };

const searchIndexOf = (strapi: Core.Strapi) => getService(strapi, 'search-index');

/** A contact's search text includes the names of its clients, which the normaliser cannot see. */
const completeContact: RecordSpec['complete'] = async (strapi, data, existing) => {
  const terms = existing
    ? await searchIndexOf(strapi).searchTermsOf(existing as StoredRow & { documentId: string })
    : [];
  Object.assign(data, derivedContactFields({ ...existing, ...data } as Partial<ContactRecord>, terms));
};

/**
 * A client stores its search text and folded keys (derivedClientFields); a renamed client changes
 * the search text of every contact linked to it.
 */
const completeClient: RecordSpec['complete'] = async (strapi, data, existing) => {
  Object.assign(data, derivedClientFields({ ...existing, ...data }));
  if (existing && data.name !== undefined && data.name !== existing.name) {
    return async () => {
      const index = searchIndexOf(strapi);
      await index.refreshContacts(await index.contactIdsOfClient(existing.id));
    };
  }
};

const PERSONAL_CONTACT_FIELDS = personalFieldNames('contact');

/**
 * An erased person stays erased, whatever the entry point: an update may not give a personal field
 * of an erased contact a value again (409 `erasure.erasedContact`, naming each field). Writing the
 * values it already holds passes (a form sends every field), and so do its links and roles, so
 * that the anonymous traveller can still be moved between offers; deleting it stays possible.
 */
const refuseErasedContactChanges: RecordSpec['guardUpdate'] = async (strapi, existing, data) => {
  const changed = PERSONAL_CONTACT_FIELDS.filter(
    (field) =>
      field in data && JSON.stringify(data[field] ?? null) !== JSON.stringify(existing[field] ?? null)
  );
  if (changed.length === 0) return;
  // an erased contact bears the erased name, which this rule keeps it from changing: a contact
  // with another name was not erased, and most writes need no look-up
  if (existing.lastName !== ERASED_CONTACT_LAST_NAME) return;
  const documentId = String(existing.documentId);
  if (!(await getService(strapi, 'erasure').erasedAmong([documentId])).has(documentId)) return;
  throw statusFieldErrors(
    409,
    changed.map((field) => fieldError([field], problem('erasure.erasedContact')))
  );
};

const RECORD_SPECS: RecordSpec[] = [
  {
    uid: UID.contact,
    linkEnd: 'contact',
    normalise: normaliseContactPatch,
    unique: {
      field: 'email',
      taken: (documentId) => problem('email.taken', { documentId }),
      // a merged contact's old address still leads to the contact it was merged into
      heldElsewhere: (strapi, email) => getService(strapi, 'email-aliases').ownerOf(email),
    },
    complete: completeContact,
    guardUpdate: refuseErasedContactChanges,
    keptByApplication: ['consentEvents'],
    links: ['clientLinks', 'offerLinks'],
    // every change of `newsletter`, whatever wrote it, leaves its consent event
    afterWrite: (strapi, existing, result) =>
      getService(strapi, 'consent-log').recordContactWrite(existing, result),
    beforeDelete: async (strapi, documentId) => {
      await getService(strapi, 'consent-log').forgetContact(documentId);
      await getService(strapi, 'email-aliases').forgetContact(documentId);
    },
  },
  {
    uid: UID.client,
    linkEnd: 'client',
    normalise: normaliseClientPatch,
    complete: completeClient,
    links: ['contactLinks'],
  },
  {
    uid: UID.offer,
    linkEnd: 'offer',
    normalise: normaliseOfferPatch,
    links: ['contactLinks'],
    unique: { field: 'reference', taken: () => problem('offerReference.taken') },
  },
];

/** `{ connect: [], disconnect: [] }`: what a form sends for a relation it did not touch. */
const isUntouchedRelation = (value: unknown) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const operations = Object.entries(value as Record<string, unknown>);
  return (
    operations.length > 0 &&
    operations.every(
      ([key, list]) => (key === 'connect' || key === 'disconnect') && Array.isArray(list) && list.length === 0
    )
  );
};

/** How many documents a relation's value names: a list, or a `connect`/`set` list; one otherwise. */
const namedCount = (value: unknown) => {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) {
    const { connect, set } = value as { connect?: unknown; set?: unknown };
    return Math.max(Array.isArray(connect) ? connect.length : 0, Array.isArray(set) ? set.length : 0);
  }
  return 1;
};

/**
 * What a write of the record may not do to its relations: write one the application keeps, move a
 * link (an untouched one is dropped from the write), or give a one-document relation a list.
 */
const relationWriteErrors = (strapi: Core.Strapi, spec: RecordSpec, data: Record<string, unknown>) => {
  const errors = (spec.keptByApplication ?? [])
    .filter((field) => data[field] !== undefined)
    .map((field) => fieldError([field], problem('field.keptByApplication')));
  for (const field of spec.links ?? []) {
    if (data[field] === undefined) continue;
    if (isUntouchedRelation(data[field])) delete data[field];
    else errors.push(fieldError([field], problem('link.throughLinkRoutes')));
  }
  const attributes = strapi.getModel(spec.uid as typeof UID.contact).attributes as Record<
    string,
    { type: string; relation?: string; target?: string }
  >;
  for (const [field, attribute] of Object.entries(attributes)) {
    const toOne = attribute.relation === 'manyToOne' || attribute.relation === 'oneToOne';
    if (attribute.type !== 'relation' || !toOne || data[field] === undefined || data[field] === null)
      continue;
    if (namedCount(data[field]) > 1) {
      const target = strapi.getModel(attribute.target as typeof UID.contact)?.info.singularName ?? field;
      errors.push(fieldError([field], problem('relation.single', { target })));
    }
  }
  return errors;
};

/**
 * Contacts, clients and offers: every write is normalised by the one validation module, and a
 * delete takes the record's links with it.
 */
const recordRule = (strapi: Core.Strapi, spec: RecordSpec): DocumentRule => ({
  async beforeWrite(call) {
    const data = writePayload(call);
    const refused = relationWriteErrors(strapi, spec, data);
    if (refused.length > 0) throw fieldValidationError(refused);
    const onExisting = isWriteOnExisting(call);
    if (call.action === 'update') await lockForUpdate(strapi, spec.uid, String(call.params.documentId));
    const existing = onExisting
      ? ((await strapi.db
          .query(spec.uid as typeof UID.contact)
          .findOne({ where: { documentId: call.params.documentId } })) as StoredRow | null)
      : null;
    // a write to a missing document falls through: the document service answers "not found"
    if (onExisting && !existing) return;
    // the history compares the record before and after the write (modules/history/recorder.ts)
    call.stored = existing;

    const result = spec.normalise(data, existing as never);
    if (!result.ok) throw fieldValidationError(result.errors);
    if (call.action === 'update' && existing) await spec.guardUpdate?.(strapi, existing, result.data);

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
      if (taken) throw singleFieldError(spec.unique.field, spec.unique.taken(String(taken.documentId)));
      const holder = await spec.unique.heldElsewhere?.(strapi, String(uniqueValue));
      if (holder && !(call.action === 'update' && holder === call.params.documentId))
        throw singleFieldError(spec.unique.field, spec.unique.taken(holder));
    }

    const completed: Record<string, unknown> = { ...result.data };
    const afterCompletion = await spec.complete?.(strapi, completed, existing);
    call.params.data = { ...data, ...completed };

    // a clone is a new record: what compares before and after (consent) starts from nothing
    const before = call.action === 'clone' ? null : existing;
    return async (written) => {
      await afterCompletion?.(written);
      await spec.afterWrite?.(strapi, before, written);
    };
  },

  async beforeDelete(call) {
    if (!call.params.documentId) return;
    const affectedContacts = await getService(strapi, 'links').deleteLinksOf(
      spec.linkEnd,
      call.params.documentId
    );
    await spec.beforeDelete?.(strapi, call.params.documentId);
    // contacts that lose a client lose its name from their search text
    if (spec.linkEnd === 'client' && affectedContacts.length > 0) {
      return () => searchIndexOf(strapi).refreshContacts(affectedContacts);
    }
  },
});

export const recordRules = (strapi: Core.Strapi): Record<string, DocumentRule> =>
  Object.fromEntries(RECORD_SPECS.map((spec) => [spec.uid, recordRule(strapi, spec)]));
