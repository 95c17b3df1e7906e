import type { Core } from '@strapi/strapi';
import {
  UID,
  type HistoryAction,
  type HistoryActorType,
  type HistoryEntryPoint,
  type HistoryTargetType,
} from '../../../../../shared/constants';
import { newDocumentId } from '../../../utils/bulk-insert';
import { STRAPI_SYSTEM_FIELDS } from '../../../utils/database-model';
import { currentActor, type ResolvedActor } from '../actor';
import { diffRecords, hasChanges, type Changes } from '../changes';
import { historySettings } from '../settings';

/** One change to record; the actor and time are the current ones unless given. */
export type HistoryEntryInput = {
  action: HistoryAction;
  targetType: HistoryTargetType;
  targetDocumentId: string;
  changes: Changes;
  /** For a link's entries: the link type (`client-contact`, `offer-contact`) and document. */
  linkType?: string | null;
  linkDocumentId?: string | null;
  /** For a link's entries: the other end (the client on the contact's entry, and back). */
  relatedDocumentId?: string | null;
  actor?: ResolvedActor;
  occurredAt?: Date;
};

export type HistoryListQuery = {
  page: number;
  pageSize: number;
  action?: HistoryAction;
  entryPoint?: HistoryEntryPoint;
  from?: Date;
  to?: Date;
};

/** An entry as the API answers it. */
export type HistoryEntry = {
  occurredAt: string;
  actor: { type: string; id: string | null; name: string | null };
  entryPoint: string;
  action: string;
  target: { type: string; documentId: string };
  link: { type: string; documentId: string | null; relatedDocumentId: string | null } | null;
  changedFields: string[];
  changes: Changes | null;
};

/** A record's newest entry, without its values: what « Modifié le … par … » says. */
export type LatestEntry = {
  occurredAt: string;
  action: HistoryAction;
  actor: { type: HistoryActorType; name: string | null };
  entryPoint: HistoryEntryPoint;
};

/** Fields Strapi keeps itself: their change is the write, not news. */
const SYSTEM_FIELDS = new Set(STRAPI_SYSTEM_FIELDS);

type StoredEntry = {
  occurredAt: string | Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  entryPoint: string;
  action: string;
  targetType: string;
  targetDocumentId: string;
  linkType: string | null;
  linkDocumentId: string | null;
  relatedDocumentId: string | null;
  changedFields: string[] | null;
  changes: Changes | null;
};

const shown = (row: StoredEntry): HistoryEntry => ({
  occurredAt: new Date(row.occurredAt).toISOString(),
  actor: { type: row.actorType, id: row.actorId, name: row.actorName },
  entryPoint: row.entryPoint,
  action: row.action,
  target: { type: row.targetType, documentId: row.targetDocumentId },
  link: row.linkType
    ? { type: row.linkType, documentId: row.linkDocumentId, relatedDocumentId: row.relatedDocumentId }
    : null,
  changedFields: row.changedFields ?? [],
  changes: row.changes,
});

/**
 * The history of contacts, clients and offers' contacts: append-only entries written in the
 * transaction of the change they describe (see history/recorder.ts for where they come from).
 * Other modules (merge, duplicates, erasure) record through `record` and `recordMany`.
 */
const history = ({ strapi }: { strapi: Core.Strapi }) => {
  const fieldsCache = new Map<string, string[]>();

  return {
    isEnabled: () => historySettings(strapi).enabled !== false,

    /**
     * The fields of a content type a history entry shows: its own scalar fields, never a private
     * one (search text, keys, …), never Strapi's system fields.
     */
    recordedFields(uid: string): string[] {
      const cached = fieldsCache.get(uid);
      if (cached) return cached;
      const attributes = (strapi.getModel(uid as typeof UID.contact)?.attributes ?? {}) as Record<
        string,
        { type?: string; private?: boolean }
      >;
      const fields = Object.entries(attributes)
        .filter(([name, attribute]) => {
          if (SYSTEM_FIELDS.has(name) || attribute.private === true) return false;
          return !['relation', 'component', 'dynamiczone', 'media', 'password'].includes(
            attribute.type ?? ''
          );
        })
        .map(([name]) => name);
      fieldsCache.set(uid, fields);
      return fields;
    },

    /** The change between two states of a record, as an entry keeps it (recorded fields only). */
    changesOf(uid: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
      return diffRecords(this.recordedFields(uid), before, after);
    },

    /** Adds one entry, in the current transaction if there is one. An entry without a change is dropped. */
    async record(entry: HistoryEntryInput) {
      await this.recordMany([entry]);
    },

    /**
     * Adds entries in one statement, in the current transaction if there is one (the change's:
     * if the change rolls back, so do they). Entries without a change are dropped.
     */
    async recordMany(entries: HistoryEntryInput[]) {
      if (!this.isEnabled()) return;
      const kept = entries.filter((entry) => hasChanges(entry.changes));
      if (kept.length === 0) return;
      const actor = currentActor(strapi);
      const now = new Date();
      await strapi.db.query(UID.historyEntry).createMany({
        data: kept.map((entry) => {
          const by = entry.actor ?? actor;
          const at = entry.occurredAt ?? now;
          return {
            documentId: newDocumentId(),
            occurredAt: at,
            actorType: by.type,
            actorId: by.id?.slice(0, 64) ?? null,
            actorName: by.name?.slice(0, 255) ?? null,
            entryPoint: by.entryPoint,
            action: entry.action,
            targetType: entry.targetType,
            targetDocumentId: entry.targetDocumentId,
            linkType: entry.linkType ?? null,
            linkDocumentId: entry.linkDocumentId ?? null,
            relatedDocumentId: entry.relatedDocumentId ?? null,
            changedFields: Object.keys(entry.changes),
            changes: entry.changes,
            createdAt: at,
            updatedAt: at,
          };
        }),
      });
    },

    /**
     * Who made a record's last change and when: its newest entry, in one read of the index on
     * (target_type, target_document_id, occurred_at DESC, id DESC). Null when recording is off
     * (the newest entries may be missing: the caller falls back to the record's own dates) or
     * when the record has no entry.
     */
    async latestEntry(targetType: HistoryTargetType, documentId: string): Promise<LatestEntry | null> {
      if (!this.isEnabled()) return null;
      const row = (await strapi.db.query(UID.historyEntry).findOne({
        select: ['occurredAt', 'action', 'actorType', 'actorName', 'entryPoint'],
        where: { targetType, targetDocumentId: documentId },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      })) as Pick<StoredEntry, 'occurredAt' | 'action' | 'actorType' | 'actorName' | 'entryPoint'> | null;
      if (!row) return null;
      return {
        occurredAt: new Date(row.occurredAt).toISOString(),
        action: row.action as HistoryAction,
        actor: { type: row.actorType as HistoryActorType, name: row.actorName },
        entryPoint: row.entryPoint as HistoryEntryPoint,
      };
    },

    /** Entries about one record, newest first, one page at a time. */
    async list(targetType: HistoryTargetType, documentId: string, query: HistoryListQuery) {
      const where: Record<string, unknown> = { targetType, targetDocumentId: documentId };
      if (query.action) where.action = query.action;
      if (query.entryPoint) where.entryPoint = query.entryPoint;
      if (query.from || query.to) {
        where.occurredAt = {
          ...(query.from ? { $gte: query.from } : {}),
          ...(query.to ? { $lte: query.to } : {}),
        };
      }
      const entries = strapi.db.query(UID.historyEntry);
      const [rows, total] = await Promise.all([
        entries.findMany({
          where,
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as Promise<StoredEntry[]>,
        entries.count({ where }),
      ]);
      return {
        data: rows.map(shown),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            pageCount: Math.ceil(total / query.pageSize),
            total,
          },
        },
      };
    },
  };
};

export type HistoryService = ReturnType<typeof history>;
export default history;
