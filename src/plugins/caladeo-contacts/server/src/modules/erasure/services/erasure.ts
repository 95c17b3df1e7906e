import type { Core } from '@strapi/strapi';
import { personalFieldNames } from '../../../../../shared/fields';
import {
  ERASED_CONTACT_LAST_NAME,
  UID,
  type ErasureReason,
  type HistoryTargetType,
} from '../../../../../shared/constants';
import { newDocumentId } from '../../../utils/bulk-insert';
import { statusError } from '../../../utils/errors';
import { modelOf } from '../../../utils/database-model';
import { getService } from '../../../utils/get-service';
import { CONTACT_DEFAULTS, derivedContactFields, problem, type ContactRecord } from '../../../validation';
import { currentActor, withActor, type HistoryActor } from '../../history';
import type { SuppressedValue } from './suppressions';

export type ErasureOptions = { reason: ErasureReason; actor?: HistoryActor };

/** What an erasure did; it names no personal value. */
export type ErasureReport = {
  contactDocumentId: string;
  erasedAt: string;
  reason: ErasureReason;
  /** The personal fields cleared on the contact (from the field catalogue). */
  clearedFields: string[];
  historyEntriesScrubbed: number;
  consentEventsAnonymised: number;
  signUpsRemoved: number;
  mergeRecordsRemoved: number;
  aliasesRemoved: number;
  suppressionHashes: number;
};

export type StoredErasure = {
  contactDocumentId: string;
  erasedAt: string;
  reason: ErasureReason;
  actorType: string;
  actorName: string | null;
};

type StoredContact = ContactRecord & { id: number; documentId: string };
type MergeRow = { id: number; documentId: string; survivorDocumentId: string; mergedDocumentIds: string };
type HistoryRow = { id: number; changes: Record<string, unknown> | null };

const PERSONAL_FIELDS = personalFieldNames('contact');

/**
 * What an erased contact holds: a neutral last name (a contact needs a name or an e-mail, and
 * documents addressed to it still name someone), every other personal field empty or at its
 * default (no newsletter: consent is never presumed). These values pass the contact's own
 * validation; they are written straight to the table on purpose, so that the history recorder
 * does not keep the old values in an "update" entry.
 */
export const erasedContactValues = (): Record<string, unknown> =>
  Object.fromEntries(
    PERSONAL_FIELDS.map((field) => {
      if (field === 'lastName') return [field, ERASED_CONTACT_LAST_NAME];
      if (field in CONTACT_DEFAULTS) return [field, CONTACT_DEFAULTS[field as keyof typeof CONTACT_DEFAULTS]];
      return [field, null];
    })
  );

/**
 * A history entry's changes once the person is erased: an entry that held a personal value keeps
 * no value at all (its `changedFields` still name what changed, and the timeline says the values
 * were erased); one that held none stays as it is.
 */
const withoutPersonalValues = (changes: Record<string, unknown> | null) =>
  changes !== null && Object.keys(changes).some((field) => PERSONAL_FIELDS.includes(field)) ? null : changes;

const listOf = (value: string) => value.split(',').filter(Boolean);

/**
 * The right to erasure (GDPR art. 17, docs/privacy.md): a contact's personal data goes from
 * everywhere the product keeps it, in one transaction, while the contact stays as an anonymous
 * person so that the offers it travels on keep their headcount, quotes and document context.
 */
const erasure = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  /** Locks the contact's row (PostgreSQL), so that two erasures of one contact run one after the other. */
  const lockContact = async (documentId: string) =>
    strapi.db.transaction(async ({ trx }) => {
      const query = trx(modelOf(strapi, UID.contact).tableName)
        .select('id')
        .where({ document_id: documentId });
      return (
        ((await (isPostgres() ? query.forUpdate() : query).first()) as { id: number } | undefined) ?? null
      );
    });

  /** The merges that kept a snapshot of the person: as survivor, or merged and brought back by an undo. */
  const mergesOf = async (documentId: string) =>
    (await strapi.db.query(UID.contactMerge).findMany({
      select: ['id', 'documentId', 'survivorDocumentId', 'mergedDocumentIds'],
      where: {
        $or: [{ survivorDocumentId: documentId }, { mergedDocumentIds: { $contains: `,${documentId},` } }],
      },
    })) as MergeRow[];

  /** Drops personal values from the history of these contacts; returns how many entries changed. */
  const scrubHistory = async (targetDocumentIds: string[]) => {
    const rows = (await strapi.db.query(UID.historyEntry).findMany({
      select: ['id', 'changes'],
      where: {
        targetType: 'contact' satisfies HistoryTargetType,
        targetDocumentId: { $in: targetDocumentIds },
      },
    })) as HistoryRow[];
    let scrubbed = 0;
    for (const row of rows) {
      const changes = withoutPersonalValues(row.changes);
      if (JSON.stringify(changes) === JSON.stringify(row.changes)) continue;
      await strapi.db.query(UID.historyEntry).update({ where: { id: row.id }, data: { changes } });
      scrubbed += 1;
    }
    return scrubbed;
  };

  /** Removes the pending sign-up requests of these addresses (they hold names, IP, user agent). */
  const removeSignUps = async (emails: string[]) => {
    if (emails.length === 0) return 0;
    const { count } = await strapi.db.query(UID.newsletterSignUp).deleteMany({
      where: { $or: emails.map((email) => ({ email: { $eqi: email } })) },
    });
    return count;
  };

  /** Anonymises the contact's consent log: the action, date and basis stay as evidence. */
  const anonymiseConsentLog = async (contactId: number) => {
    await getService(strapi, 'consent-log').forgetContacts([contactId]);
    // the address's digest goes too: the suppression list is what still recognises the person
    const events = (await strapi.db.query(UID.consentEvent).findMany({
      select: ['id'],
      where: { contact: { id: contactId } },
    })) as { id: number }[];
    if (events.length === 0) return 0;
    await strapi.db.query(UID.consentEvent).updateMany({
      where: { id: { $in: events.map((event) => event.id) } },
      data: { emailDigest: null, ipAddress: null, userAgent: null, anonymisedAt: new Date() },
    });
    return events.length;
  };

  const erase = async (documentId: string, reason: ErasureReason): Promise<ErasureReport> =>
    strapi.db.transaction(async () => {
      const locked = await lockContact(documentId);
      if (!locked) throw statusError(404, ['documentId'], problem('erasure.contactNotFound'));
      const done = await strapi.db
        .query(UID.contactErasure)
        .findOne({ where: { contactDocumentId: documentId } });
      if (done) throw statusError(409, ['documentId'], problem('erasure.alreadyErased'));
      const contact = (await strapi.db
        .query(UID.contact)
        .findOne({ where: { id: locked.id } })) as StoredContact;

      // merges whose snapshot holds the person, and the addresses merged into it
      const merges = await mergesOf(documentId);
      const mergedIntoIt = merges
        .filter((merge) => merge.survivorDocumentId === documentId)
        .flatMap((merge) => listOf(merge.mergedDocumentIds));
      const aliases = [
        ...((await getService(strapi, 'email-aliases').ofContacts([documentId])).get(documentId) ?? []),
      ];
      const emails = [
        ...new Set([contact.email, ...aliases].filter((email): email is string => !!email)),
      ].map((email) => email.toLowerCase());
      const identifiers: SuppressedValue[] = [
        ...emails.map((value) => ({ kind: 'email' as const, value })),
        ...(contact.phone ? [{ kind: 'phone' as const, value: contact.phone }] : []),
      ];

      const historyEntriesScrubbed = await scrubHistory([documentId, ...mergedIntoIt]);
      const consentEventsAnonymised = await anonymiseConsentLog(contact.id);
      const signUpsRemoved = await removeSignUps(emails);
      if (merges.length > 0) {
        await strapi.db.query(UID.contactEmailAlias).deleteMany({
          where: { mergeDocumentId: { $in: merges.map((merge) => merge.documentId) } },
        });
        await strapi.db
          .query(UID.contactMerge)
          .deleteMany({ where: { id: { $in: merges.map((merge) => merge.id) } } });
      }
      await getService(strapi, 'email-aliases').forgetContact(documentId);
      await getService(strapi, 'duplicate-pairs').removeContact(contact.id);
      const suppressionHashes = await getService(strapi, 'privacy-suppressions').add(identifiers);

      // the contact stays, anonymous: its search text and duplicate keys follow its new values
      const erased = erasedContactValues();
      const clientNames = await getService(strapi, 'search-index').clientNamesOf(contact.id);
      const now = new Date();
      await strapi.db.query(UID.contact).update({
        where: { id: contact.id },
        data: {
          ...erased,
          ...derivedContactFields(erased as Partial<ContactRecord>, clientNames),
          updatedAt: now,
        },
      });

      const actor = currentActor(strapi);
      await strapi.db.query(UID.contactErasure).create({
        data: {
          documentId: newDocumentId(),
          contactDocumentId: documentId,
          erasedAt: now,
          reason,
          actorType: actor.type,
          actorName: actor.name?.slice(0, 255) ?? null,
          createdAt: now,
          updatedAt: now,
        },
      });
      await getService(strapi, 'history').record({
        action: 'erase',
        targetType: 'contact',
        targetDocumentId: documentId,
        changes: { reason: { before: null, after: reason } },
        occurredAt: now,
      });
      return {
        contactDocumentId: documentId,
        erasedAt: now.toISOString(),
        reason,
        clearedFields: PERSONAL_FIELDS.filter(
          (field) =>
            JSON.stringify(contact[field as keyof StoredContact] ?? null) !== JSON.stringify(erased[field])
        ),
        historyEntriesScrubbed,
        consentEventsAnonymised,
        signUpsRemoved,
        mergeRecordsRemoved: merges.length,
        aliasesRemoved: aliases.length,
        suppressionHashes,
      };
    });

  return {
    /**
     * Erases a contact's personal data (by the person's request, or when the retention period ran
     * out). 404 for an unknown contact, 409 for one already erased. Irreversible.
     */
    async eraseContact(documentId: string, options: ErasureOptions): Promise<ErasureReport> {
      return options.actor
        ? withActor(options.actor, () => erase(documentId, options.reason))
        : erase(documentId, options.reason);
    },

    /** When and why a contact was erased, or null for one never erased. */
    async erasureOf(documentId: string): Promise<StoredErasure | null> {
      const row = (await strapi.db.query(UID.contactErasure).findOne({
        select: ['contactDocumentId', 'erasedAt', 'reason', 'actorType', 'actorName'],
        where: { contactDocumentId: documentId },
      })) as StoredErasure | null;
      return row ? { ...row, erasedAt: new Date(row.erasedAt).toISOString() } : null;
    },
  };
};

export type ErasureService = ReturnType<typeof erasure>;
export default erasure;
