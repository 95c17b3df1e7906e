import type { Core } from '@strapi/strapi';
import type { HistoryTargetType } from '../../../../shared/constants';
import type { LastChange } from '../../../../shared/contracts/admin';
import { getService } from '../../utils/get-service';
import type { LatestEntry } from '../history';

type Timestamps = { createdAt?: unknown; updatedAt?: unknown };

const iso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value as string | number | Date);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/**
 * A record's « Modifié le … par … »: its newest history entry when there is one; else its own
 * dates with nobody named (recording off, or a record from before the history): « Créé le … » when
 * it never changed since its creation.
 */
export const lastChangeFrom = (entry: LatestEntry | null, record: Timestamps): LastChange => {
  if (entry) {
    return {
      kind: entry.action === 'create' ? 'created' : 'modified',
      at: entry.occurredAt,
      by: { type: entry.actor.type, name: entry.actor.name, entryPoint: entry.entryPoint },
    };
  }
  const createdAt = iso(record.createdAt);
  const updatedAt = iso(record.updatedAt) ?? createdAt;
  const neverChanged = updatedAt === null || updatedAt === createdAt;
  return {
    kind: neverChanged ? 'created' : 'modified',
    at: updatedAt ?? new Date(0).toISOString(),
    by: null,
  };
};

/** The newest history entry of a record, read beside its detail (one indexed lookup). */
export const latestEntryOf = (strapi: Core.Strapi, targetType: HistoryTargetType, documentId: string) =>
  getService(strapi, 'history').latestEntry(targetType, documentId);
