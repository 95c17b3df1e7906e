/**
 * Where the history comes from: a document-service middleware, so that the admin tab, REST,
 * GraphQL, the newsletter flows, imports and jobs all leave their entries, and the one place that
 * sees the record before and after each write. It wraps the write rules (it is registered first):
 * the entry is written in the transaction of the write, after it succeeded, so a refused or failed
 * write records nothing and a failed entry undoes the write.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID, type HistoryTargetType } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { diffRecords, type Changes } from './changes';
import type { HistoryEntryInput } from './services/history';

type Call = {
  uid: string;
  action: string;
  params: { documentId?: string; data?: unknown; [key: string]: unknown };
  /** The stored row before the write, left here by the record's write rule when it read it. */
  stored?: Record<string, unknown> | null;
};

type Row = Record<string, unknown> & { id: number; documentId: string };

const RECORDS: Record<string, HistoryTargetType> = {
  [UID.contact]: 'contact',
  [UID.client]: 'client',
  [UID.offer]: 'offer',
};

const LINKS = {
  [UID.clientContact]: { linkType: 'client-contact', targetField: 'client', targetType: 'client' },
  [UID.offerContact]: { linkType: 'offer-contact', targetField: 'offer', targetType: 'offer' },
} as const;
type LinkUid = keyof typeof LINKS;
const LINK_UIDS = Object.keys(LINKS) as LinkUid[];
const LINK_FIELDS = ['role', 'isPrimary'];

/** The records whose delete takes their links with it (their other ends record an unlink). */
const LINK_ENDS: Record<string, 'contact' | 'client' | 'offer'> = {
  [UID.contact]: 'contact',
  [UID.client]: 'client',
  [UID.offer]: 'offer',
};

const APPEND_ONLY = 'the history is append-only: entries are added by the application, never changed';

const READS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
const WRITES = new Set(['create', 'update', 'clone', 'delete']);

type StoredLink = {
  documentId: string;
  id: number;
  role: unknown;
  isPrimary: unknown;
  contact: string | null;
  target: string | null;
};

const endOf = (value: unknown) => (value as { documentId?: string } | null)?.documentId ?? null;

/** The documentId a write names for a to-one relation, in the shapes Strapi takes. */
const namedDocumentId = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const ref = value as { documentId?: unknown; connect?: unknown; set?: unknown };
    if (typeof ref.documentId === 'string') return ref.documentId;
    const list = ref.connect ?? ref.set;
    if (Array.isArray(list) && list.length === 1) return namedDocumentId(list[0]);
  }
  return null;
};

const deletedNothing = (result: unknown) => {
  const { entries } = (result ?? {}) as { entries?: unknown };
  return Array.isArray(entries) && entries.length === 0;
};

export const registerHistoryRecorder = (strapi: Core.Strapi) => {
  const history = () => getService(strapi, 'history');

  const linksWhere = async (linkUid: LinkUid, where: Record<string, unknown>): Promise<StoredLink[]> => {
    const { targetField } = LINKS[linkUid];
    const rows = (await strapi.db.query(linkUid).findMany({
      select: ['id', 'documentId', 'role', 'isPrimary'],
      where,
      populate: { contact: { select: ['documentId'] }, [targetField]: { select: ['documentId'] } },
    })) as Row[];
    return rows.map((row) => ({
      id: row.id,
      documentId: row.documentId,
      role: row.role,
      isPrimary: row.isPrimary,
      contact: endOf(row.contact),
      target: endOf(row[targetField]),
    }));
  };

  /** The two entries of one change of a link: one on the contact, one on the client or offer. */
  const linkEntries = (
    linkUid: LinkUid,
    action: HistoryEntryInput['action'],
    link: Pick<StoredLink, 'documentId' | 'contact' | 'target'>,
    changes: Changes,
    only?: 'contact' | 'target'
  ): HistoryEntryInput[] => {
    const { linkType, targetType } = LINKS[linkUid];
    const common = { action, changes, linkType, linkDocumentId: link.documentId };
    const entries: HistoryEntryInput[] = [];
    if (link.contact && only !== 'target') {
      entries.push({
        ...common,
        targetType: 'contact',
        targetDocumentId: link.contact,
        relatedDocumentId: link.target,
      });
    }
    if (link.target && only !== 'contact') {
      entries.push({ ...common, targetType, targetDocumentId: link.target, relatedDocumentId: link.contact });
    }
    return entries;
  };

  /** Links of a target that are primary now and may lose it to the link being written. */
  const primaryLinksOf = async (linkUid: LinkUid, target: string | null) =>
    target ? linksWhere(linkUid, { primaryOf: target }) : [];

  const primaryLost = async (linkUid: LinkUid, before: StoredLink[], writtenId: string | null) => {
    const others = before.filter((link) => link.documentId !== writtenId);
    if (others.length === 0) return [];
    const now = await linksWhere(linkUid, { id: { $in: others.map((link) => link.id) } });
    return now
      .filter((link) => link.isPrimary !== true)
      .flatMap((link) =>
        linkEntries(linkUid, 'update', link, { isPrimary: { before: true, after: link.isPrimary ?? false } })
      );
  };

  const recordLinkWrite = async (call: Call, linkUid: LinkUid, next: () => Promise<unknown>) => {
    const { targetField } = LINKS[linkUid];
    const data = (call.params.data ?? {}) as Record<string, unknown>;
    const before =
      call.action === 'create' || !call.params.documentId
        ? null
        : ((await linksWhere(linkUid, { documentId: call.params.documentId }))[0] ?? null);
    const wantsPrimary = call.action !== 'delete' && (data.isPrimary === true || data.isPrimary === 'true');
    const primaries = wantsPrimary
      ? await primaryLinksOf(linkUid, before?.target ?? namedDocumentId(data[targetField]))
      : [];

    const result = await next();
    if (call.action === 'delete') {
      if (!before || deletedNothing(result)) return result;
      await history().recordMany(
        linkEntries(linkUid, 'unlink', before, diffRecords(LINK_FIELDS, before, null))
      );
      return result;
    }
    const written = result as Row | null;
    if (!written) return result;
    const entries =
      call.action === 'create'
        ? linkEntries(
            linkUid,
            'link',
            {
              documentId: written.documentId,
              contact: namedDocumentId((call.params.data as Record<string, unknown>)?.contact),
              target: namedDocumentId((call.params.data as Record<string, unknown>)?.[targetField]),
            },
            diffRecords(LINK_FIELDS, null, written)
          )
        : before
          ? linkEntries(linkUid, 'update', before, diffRecords(LINK_FIELDS, before, written))
          : [];
    entries.push(...(await primaryLost(linkUid, primaries, written.documentId)));
    await history().recordMany(entries);
    return result;
  };

  /** On a record's delete, the links that go with it, so that their other ends record an unlink. */
  const linksOfEnd = async (uid: string, documentId: string) => {
    const end = LINK_ENDS[uid];
    if (!end) return [];
    const found: HistoryEntryInput[] = [];
    for (const linkUid of LINK_UIDS) {
      if (end !== 'contact' && LINKS[linkUid].targetField !== end) continue;
      for (const link of await linksWhere(linkUid, { [end]: { documentId } })) {
        found.push(
          ...linkEntries(
            linkUid,
            'unlink',
            link,
            diffRecords(LINK_FIELDS, link, null),
            end === 'contact' ? 'target' : 'contact'
          )
        );
      }
    }
    return found;
  };

  const recordRecordWrite = async (call: Call, next: () => Promise<unknown>) => {
    const targetType = RECORDS[call.uid];
    const documentId = call.params.documentId;
    if (call.action === 'delete') {
      if (!documentId) return next();
      const stored = (await strapi.db
        .query(call.uid as typeof UID.contact)
        .findOne({ where: { documentId } })) as Row | null;
      const unlinks = await linksOfEnd(call.uid, documentId);
      const result = await next();
      if (deletedNothing(result) || (!stored && unlinks.length === 0)) return result;
      const entries = [...unlinks];
      if (stored && targetType) {
        entries.unshift({
          action: 'delete',
          targetType,
          targetDocumentId: documentId,
          changes: history().changesOf(call.uid, stored, null),
        });
      }
      await history().recordMany(entries);
      return result;
    }
    const result = (await next()) as Row | null;
    if (!result || !targetType) return result;
    const isNew = call.action !== 'update';
    await history().record({
      action: isNew ? 'create' : 'update',
      targetType,
      targetDocumentId: result.documentId,
      changes: history().changesOf(call.uid, isNew ? null : (call.stored ?? null), result),
    });
    return result;
  };

  strapi.documents.use(async (context, next) => {
    const call = context as unknown as Call;
    // entries are added by the history service alone, straight to the table, and never changed
    // through the document service (erasure will scrub them with a direct update)
    if (call.uid === UID.historyEntry && !READS.has(call.action))
      throw new errors.ForbiddenError(APPEND_ONLY);
    if (!WRITES.has(call.action) || !history().isEnabled()) return next();
    const isLink = call.uid in LINKS;
    const isRecord = call.uid in RECORDS;
    if (!isLink && !isRecord) return next();
    const result = await strapi.db.transaction(() =>
      isLink ? recordLinkWrite(call, call.uid as LinkUid, next) : recordRecordWrite(call, next)
    );
    return result as Awaited<ReturnType<typeof next>>;
  });
};
