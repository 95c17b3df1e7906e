import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
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
  /** Rows of past imports' stored chunks whose cells were blanked. */
  importRowsScrubbed: number;
  /** Merges whose snapshot held the person: the record stays, its snapshot goes. */
  mergeSnapshotsRemoved: number;
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
type MergeRow = {
  id: number;
  documentId: string;
  survivorDocumentId: string;
  mergedDocumentIds: string;
  snapshot: { survivor?: RawContactRow; merged?: RawContactRow[] } | null;
};
/** A contact's row as a merge's snapshot keeps it: the table's columns. */
type RawContactRow = Record<string, unknown> & { document_id?: unknown; email?: unknown; phone?: unknown };
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

/** An import row's result without the values an update wrote over and with. */
const withoutValues = ({ previous: _previous, written: _written, ...result }: Record<string, unknown>) =>
  result;

const listOf = (value: string) => value.split(',').filter(Boolean);

/**
 * The right to erasure (GDPR art. 17, docs/privacy.md): a contact's personal data goes from
 * everywhere the product keeps it, in one transaction, while the contact stays as an anonymous
 * person so that the offers it travels on keep their headcount, quotes and document context.
 */
const erasure = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  /** Locks the contact's row (PostgreSQL), so that two erasures of one contact run one after the other. */
  const lockContact = async (trx: Knex.Transaction, documentId: string) => {
    const query = trx(modelOf(strapi, UID.contact).tableName).select('id').where({ document_id: documentId });
    return ((await (isPostgres() ? query.forUpdate() : query).first()) as { id: number } | undefined) ?? null;
  };

  /**
   * The person's records: the contact and those merged into it, merge after merge (merges not
   * undone). Each round reads the merges of the survivors just found, by the survivor index.
   */
  const recordsOf = async (documentId: string) => {
    const records = new Set([documentId]);
    let survivors = [documentId];
    while (survivors.length > 0) {
      const merges = (await strapi.db.query(UID.contactMerge).findMany({
        select: ['mergedDocumentIds'],
        where: { survivorDocumentId: { $in: survivors }, undoneAt: { $null: true } },
      })) as Pick<MergeRow, 'mergedDocumentIds'>[];
      survivors = merges.flatMap((merge) => listOf(merge.mergedDocumentIds)).filter((id) => !records.has(id));
      for (const id of survivors) records.add(id);
    }
    return [...records];
  };

  /**
   * The merges whose snapshot holds one of the person's records: kept by them (undone or not), or
   * merged away and brought back by an undo. Merges are few; the second half reads their list. A
   * merge whose snapshot an earlier erasure removed has nothing left to remove.
   */
  const mergesOf = async (records: string[]) =>
    (await strapi.db.query(UID.contactMerge).findMany({
      select: ['id', 'documentId', 'survivorDocumentId', 'mergedDocumentIds', 'snapshot'],
      where: {
        erasedAt: { $null: true },
        $or: [
          { survivorDocumentId: { $in: records } },
          ...records.map((record) => ({ mergedDocumentIds: { $contains: `,${record},` } })),
        ],
      },
    })) as MergeRow[];

  /**
   * The e-mails and phones the snapshots knew the person by: the rows of the person's own records
   * (the survivor before the merge, the contacts merged into it), not those of contacts an undo
   * made separate again.
   */
  const identifiersInSnapshots = (merges: MergeRow[], records: string[]) => {
    const rows = merges.flatMap((merge) => [
      ...(merge.snapshot?.survivor ? [merge.snapshot.survivor] : []),
      ...(merge.snapshot?.merged ?? []),
    ]);
    const mine = rows.filter((row) => records.includes(String(row.document_id)));
    const texts = (column: 'email' | 'phone') =>
      mine.flatMap((row) => (typeof row[column] === 'string' && row[column] ? [row[column] as string] : []));
    return { emails: texts('email'), phones: texts('phone') };
  };

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

  /**
   * Blanks the person's rows in the stored chunks of past imports (their cells, and an update's
   * values before and after): the rows that wrote one of the person's records, and those naming
   * one of its e-mails. The outcome and the errors of each row stay. The database narrows the chunks down.
   */
  const scrubImportRows = async (trx: Knex.Transaction, records: string[], emails: string[]) => {
    const candidates = (await trx(modelOf(strapi, UID.importChunk).tableName)
      .select('id', 'rows', 'results')
      .where((query) => {
        for (const record of records)
          query.orWhereRaw('lower(CAST(results AS TEXT)) LIKE ?', [`%"${record.toLowerCase()}"%`]);
        for (const email of emails) query.orWhereRaw('lower(CAST(rows AS TEXT)) LIKE ?', [`%${email}%`]);
      })) as { id: number; rows: unknown; results: unknown }[];
    let scrubbed = 0;
    for (const chunk of candidates) {
      const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as unknown;
      const rows = (parse(chunk.rows) ?? []) as { n: number; cells: string[] }[];
      const results = (parse(chunk.results) ?? []) as Array<Record<string, unknown> & { n: number }>;
      const mine = new Set([
        ...results.filter((result) => records.includes(String(result.contact))).map((result) => result.n),
        ...rows
          .filter((row) => emails.some((email) => row.cells.join(' ').toLowerCase().includes(email)))
          .map((row) => row.n),
      ]);
      if (mine.size === 0) continue;
      await strapi.db.query(UID.importChunk).update({
        where: { id: chunk.id },
        data: {
          rows: rows.map((row) => (mine.has(row.n) ? { ...row, cells: row.cells.map(() => '') } : row)),
          results: results.map((result) => (mine.has(result.n) ? withoutValues(result) : result)),
        },
      });
      scrubbed += mine.size;
    }
    return scrubbed;
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
    strapi.db.transaction(async ({ trx }) => {
      const locked = await lockContact(trx, documentId);
      if (!locked) throw statusError(404, ['documentId'], problem('erasure.contactNotFound'));
      const done = await strapi.db
        .query(UID.contactErasure)
        .findOne({ where: { contactDocumentId: documentId } });
      if (done) throw statusError(409, ['documentId'], problem('erasure.alreadyErased'));
      const contact = (await strapi.db
        .query(UID.contact)
        .findOne({ where: { id: locked.id } })) as StoredContact;

      // the person's records (merge after merge), the merges that kept a snapshot of them, and
      // every address and number they are known by: their own, their aliases, the snapshots'
      const records = await recordsOf(documentId);
      const merges = await mergesOf(records);
      const aliases = [
        ...((await getService(strapi, 'email-aliases').ofContacts([documentId])).get(documentId) ?? []),
      ];
      const inSnapshots = identifiersInSnapshots(merges, records);
      const emails = [
        ...new Set(
          [contact.email, ...aliases, ...inSnapshots.emails]
            .filter((email): email is string => !!email)
            .map((email) => email.toLowerCase())
        ),
      ];
      const phones = [
        ...new Set([contact.phone, ...inSnapshots.phones].filter((phone): phone is string => !!phone)),
      ];
      const identifiers: SuppressedValue[] = [
        ...emails.map((value) => ({ kind: 'email' as const, value })),
        ...phones.map((value) => ({ kind: 'phone' as const, value })),
      ];

      const historyEntriesScrubbed = await scrubHistory(records);
      const consentEventsAnonymised = await anonymiseConsentLog(contact.id);
      const signUpsRemoved = await removeSignUps(emails);
      const importRowsScrubbed = await scrubImportRows(trx, records, emails);
      if (merges.length > 0) {
        await strapi.db.query(UID.contactEmailAlias).deleteMany({
          where: { mergeDocumentId: { $in: merges.map((merge) => merge.documentId) } },
        });
        // the merge stays as a fact without the person's values; undoing it answers 409
        await strapi.db.query(UID.contactMerge).updateMany({
          where: { id: { $in: merges.map((merge) => merge.id) } },
          data: { snapshot: null, erasedAt: new Date() },
        });
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
        importRowsScrubbed,
        mergeSnapshotsRemoved: merges.length,
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

    /** Which of these contacts were erased (one indexed look-up). */
    async erasedAmong(documentIds: readonly string[]): Promise<Set<string>> {
      if (documentIds.length === 0) return new Set();
      const rows = (await strapi.db.query(UID.contactErasure).findMany({
        select: ['contactDocumentId'],
        where: { contactDocumentId: { $in: [...new Set(documentIds)] } },
      })) as { contactDocumentId: string }[];
      return new Set(rows.map((row) => row.contactDocumentId));
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
