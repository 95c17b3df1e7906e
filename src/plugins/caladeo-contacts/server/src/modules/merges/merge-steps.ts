/**
 * The steps a merge of contacts and a merge of clients take alike: locking the records, refusing
 * the ones a merge already took, setting a link table's primary flags, and the checks of an undo.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { statusError } from '../../utils/errors';
import { modelOf } from '../../utils/database-model';
import { problem, type Problem } from '../../validation';
import type { ConsentActor } from '../newsletter/services/consent-log';
import { getService } from '../../utils/get-service';
import { mergeSettings } from './settings';

export type RawRow = Record<string, unknown> & { id: number };

/** The record types of merges: each keeps who was merged into whom, and when. */
export type MergeRecordUid =
  | 'plugin::caladeo-contacts.contact-merge'
  | 'plugin::caladeo-contacts.client-merge';

export type StoredMergeOf<Snapshot> = {
  id: number;
  documentId: string;
  survivorDocumentId: string;
  mergedDocumentIds: string;
  mergedAt: string;
  undoneAt: string | null;
  snapshot: Snapshot | null;
};

/** How a merge record lists the merged documentIds: `,a,b,` so that `$contains ',a,'` finds one. */
export const listOf = (documentIds: readonly string[]) => `,${documentIds.join(',')},`;

export const timeOf = (value: unknown) => new Date(value as string).getTime();

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** Rows of a table whose `column` is one of `values`, as the database holds them. */
export const rawRowsOf = async (trx: Knex.Transaction, table: string, column: string, values: number[]) =>
  values.length === 0 ? [] : ((await trx(table).select('*').whereIn(column, values)) as RawRow[]);

/** A row read for an update: locked on PostgreSQL; SQLite runs one writing transaction at a time. */
export const forUpdate = (strapi: Core.Strapi, query: Knex.QueryBuilder) =>
  isPostgres(strapi) ? query.forUpdate() : query;

/**
 * Reads the records in the request's order (the survivor first), locking their rows so that an
 * overlapping merge waits and then finds them gone. A record missing because a merge removed it
 * is a conflict (409 `merge.alreadyMerged`, naming the survivor as people know it, with its
 * documentId for the apps that open it); one that never existed is
 * `notFound` (404). Answers the raw rows (what an undo puts back) and the records as the query
 * layer names their fields.
 */
export async function lockForMerge<Record_ extends { documentId: string }>(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  spec: {
    uid: string;
    mergeUid: MergeRecordUid;
    documentIds: readonly string[];
    notFound: Problem;
    /** How a refusal names a record to its reader (record-names.ts); empty when nothing is known. */
    nameOf: (record: Record_) => string;
  }
): Promise<{ raw: RawRow[]; records: Record_[] }> {
  const query = trx(modelOf(strapi, spec.uid).tableName)
    .select('*')
    .whereIn('document_id', spec.documentIds)
    .orderBy('id');
  const rows = (await forUpdate(strapi, query)) as RawRow[];
  const byDocumentId = new Map(rows.map((row) => [String(row.document_id), row]));
  for (const [index, documentId] of spec.documentIds.entries()) {
    if (byDocumentId.has(documentId)) continue;
    const field = mergeRequestField(index);
    const removedBy = (await strapi.db.query(spec.mergeUid).findOne({
      select: ['documentId', 'survivorDocumentId'],
      where: { mergedDocumentIds: { $contains: `,${documentId},` }, undoneAt: { $null: true } },
    })) as { survivorDocumentId: string } | null;
    if (removedBy) {
      const survivor = (await strapi.db
        .query(spec.uid as never)
        .findOne({ where: { documentId: removedBy.survivorDocumentId } })) as Record_ | null;
      // a survivor deleted since has no name left: its documentId is all there is to show
      const name = (survivor && spec.nameOf(survivor)) || removedBy.survivorDocumentId;
      throw statusError(
        409,
        field,
        problem('merge.alreadyMerged', { survivor: name, documentId: removedBy.survivorDocumentId })
      );
    }
    throw statusError(404, field, spec.notFound);
  }
  const records = (await strapi.db
    .query(spec.uid as never)
    .findMany({ where: { documentId: { $in: [...spec.documentIds] } } })) as Record_[];
  return {
    raw: spec.documentIds.map((documentId) => byDocumentId.get(documentId) as RawRow),
    records: spec.documentIds.map(
      (documentId) => records.find((record) => record.documentId === documentId) as Record_
    ),
  };
}

/** Where the request names the record at `index` of [survivor, ...merged]. */
export const mergeRequestField = (index: number) =>
  index === 0 ? ['survivor'] : ['merged', String(index - 1)];

/** Gives each link of a link table the primary flag it should hold, clearing them all before setting any. */
export async function setPrimaryFlags(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  linkUid: string,
  changes: readonly { id: number; primaryOf: string | null }[]
) {
  if (changes.length === 0) return;
  const { tableName, attributes } = modelOf(strapi, linkUid);
  const primaryOf = attributes.primaryOf?.columnName ?? 'primary_of';
  const isPrimary = attributes.isPrimary?.columnName ?? 'is_primary';
  await trx(tableName)
    .whereIn(
      'id',
      changes.map((change) => change.id)
    )
    .update({ [primaryOf]: null, [isPrimary]: false });
  for (const change of changes.filter((candidate) => candidate.primaryOf !== null)) {
    await trx(tableName)
      .where({ id: change.id })
      .update({ [primaryOf]: change.primaryOf, [isPrimary]: true });
  }
}

/**
 * The primaries an undo gives back, except on a target given another primary link since the
 * merge: that one stays, and the restored link is not primary.
 */
export async function primariesStillFree<Change extends { id: number; primaryOf: string | null }>(
  trx: Knex.Transaction,
  table: string,
  changes: readonly Change[]
): Promise<Change[]> {
  const taken = new Set(
    (
      (await trx(table)
        .select('primary_of')
        .whereIn(
          'primary_of',
          changes.flatMap((change) => (change.primaryOf ? [change.primaryOf] : []))
        )
        .whereNotIn(
          'id',
          changes.map((change) => change.id)
        )) as { primary_of: string }[]
    ).map((row) => row.primary_of)
  );
  return changes.map((change) => ({
    ...change,
    primaryOf: change.primaryOf && !taken.has(change.primaryOf) ? change.primaryOf : null,
  }));
}

/**
 * The checks of an undo, then the claim of the merge record: 404 unknown, 409 undone already,
 * `refuse` (what else forbids it), 410 older than the undo period. Of two concurrent undos, the
 * first claims the record and the other finds it undone.
 */
export async function claimUndo<Snapshot>(
  strapi: Core.Strapi,
  mergeUid: MergeRecordUid,
  mergeDocumentId: string,
  actor: ConsentActor,
  refuse: (record: StoredMergeOf<Snapshot> & Record<string, unknown>) => void = () => undefined
): Promise<StoredMergeOf<Snapshot> & { snapshot: Snapshot }> {
  const record = (await strapi.db.query(mergeUid).findOne({ where: { documentId: mergeDocumentId } })) as
    | (StoredMergeOf<Snapshot> & Record<string, unknown>)
    | null;
  if (!record) throw statusError(404, ['mergeId'], problem('merge.notFound'));
  if (record.undoneAt) throw statusError(409, ['mergeId'], problem('merge.alreadyUndone'));
  refuse(record);
  const { undoDays } = mergeSettings(strapi);
  if (Date.now() - new Date(record.mergedAt).getTime() > undoDays * 24 * 3600 * 1000)
    throw statusError(410, ['mergeId'], problem('merge.expired', { max: undoDays }));
  const { count } = await strapi.db.query(mergeUid).updateMany({
    where: { id: record.id, undoneAt: { $null: true } },
    data: { undoneAt: new Date(), undoneByKind: actor.kind, undoneById: actor.id },
  });
  if (count !== 1) throw statusError(409, ['mergeId'], problem('merge.alreadyUndone'));
  if (!record.snapshot) throw statusError(409, ['mergeId'], problem('merge.survivorErased'));
  return record as StoredMergeOf<Snapshot> & { snapshot: Snapshot };
}

/** The survivor's row, locked for the undo, or 409 `merge.survivorGone` when it was deleted since. */
export async function lockSurvivor(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  table: string,
  survivorDocumentId: string
): Promise<RawRow> {
  const row = (await forUpdate(strapi, trx(table).where({ document_id: survivorDocumentId })).first()) as
    | RawRow
    | undefined;
  if (!row)
    throw statusError(409, ['mergeId'], problem('merge.survivorGone', { documentId: survivorDocumentId }));
  return row;
}

/**
 * The history of a merge (or its undo): one event on the survivor, with the fields it changed and
 * the records merged into it (or given back), and one on each of those records.
 */
export async function recordMergeHistory(
  strapi: Core.Strapi,
  entry: {
    action: 'merge' | 'unmerge';
    targetType: 'contact' | 'client';
    uid: string;
    survivor: string;
    others: string[];
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  }
) {
  const history = getService(strapi, 'history');
  const { action, targetType, survivor, others } = entry;
  const merging = action === 'merge';
  await history.recordMany([
    {
      action,
      targetType,
      targetDocumentId: survivor,
      changes: {
        ...history.changesOf(entry.uid, entry.before, entry.after),
        [targetType === 'contact' ? 'mergedContacts' : 'mergedClients']: merging
          ? { before: null, after: others }
          : { before: others, after: null },
      },
    },
    ...others.map((documentId) => ({
      action,
      targetType,
      targetDocumentId: documentId,
      changes: {
        mergedInto: merging ? { before: null, after: survivor } : { before: survivor, after: null },
      },
    })),
  ]);
}

/** The merge record: who was merged into whom, when and by whom (its snapshot is written after). */
export const createMergeRecord = (
  strapi: Core.Strapi,
  mergeUid: MergeRecordUid,
  merge: { survivor: string; merged: string[]; at: Date; actor: ConsentActor }
) =>
  strapi.documents(mergeUid).create({
    data: {
      survivorDocumentId: merge.survivor,
      mergedDocumentIds: listOf(merge.merged),
      mergedAt: merge.at.toISOString(),
      mergedByKind: merge.actor.kind,
      mergedById: merge.actor.id,
      mergedByName: merge.actor.name,
    } as never,
  });
