import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID, type ImportMode, type ImportStatus } from '../../../../../shared/constants';
import { toCsv } from '../../../utils/csv';
import { singleFieldError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import {
  fieldError,
  normaliseContactPatch,
  problem,
  type ContactRecord,
  type FieldError,
} from '../../../validation';
import { runInImportConsentFlow, type ImportConsentOrigin } from '../../newsletter/consent-flow';
import { isJobStopped } from '../../jobs/kinds';
import { IMPORT_JOB, UNDO_IMPORT_JOB } from '../jobs';
import { proposeMapping, recognisedHeaders, type ImportTarget, type Mapping } from '../mapping';
import { openFile, UnreadableFileError, type ReadOptions } from '../read-file';
import { readCells, type ImportWarning } from '../values';

/** Rows written per transaction: a crash loses at most this much work, which is then redone. */
const BATCH_SIZE = 200;
/** Rows looked at for the header row (a title or blank lines may come first). */
const HEADER_SEARCH_ROWS = 10;
export const MAX_IMPORT_ROWS = 1_000_000;

export type ImportOptions = ReadOptions & {
  mode: ImportMode;
  dryRun: boolean;
  clearEmpty: boolean;
  mapping?: Mapping;
  consent?: { source: string; consentedAt: string };
};

type ImportRow = {
  id: number;
  importId: number;
  rowNumber: number;
  cells: string[];
  duplicateOf: number | null;
  outcome: RowOutcome | null;
  errors: FieldError[] | null;
  contactDocumentId: string | null;
  previous: Record<string, unknown> | null;
  written: Record<string, unknown> | null;
  /** The contact's `updatedAt` once the import wrote it: a later one means someone edited it since. */
  contactUpdatedAt: string | null;
};

type RowOutcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'undone' | 'keptEdited';

type ImportRecord = {
  id: number;
  documentId: string;
  status: ImportStatus;
  dryRun: boolean;
  mode: ImportMode;
  clearEmpty: boolean;
  fileName: string | null;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headers: string[];
  headerRow: number;
  mapping: Mapping;
  consent: { source: string; consentedAt: string } | null;
  counts: Record<string, number> | null;
  undoReport: { undone: number; keptEdited: number } | null;
  rowCount: number;
  jobId: number | null;
  requestedBy: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

type RowResult = Partial<
  Pick<ImportRow, 'outcome' | 'errors' | 'contactDocumentId' | 'previous' | 'written' | 'contactUpdatedAt'>
> & {
  warnings?: ImportWarning[];
};

/** Where the import's writes are in their own consent flow: a changed newsletter flag names the import. */
const consentOrigin = (record: ImportRecord): ImportConsentOrigin | null =>
  record.consent
    ? {
        importDocumentId: record.documentId,
        source: record.consent.source,
        consentedAt: new Date(record.consent.consentedAt),
      }
    : null;

const failed = (fieldErrors: FieldError[]): RowResult => ({ outcome: 'failed', errors: fieldErrors });

const pick = (record: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, record[key] ?? null]));

const sameValues = (current: Record<string, unknown>, expected: Record<string, unknown>) =>
  Object.entries(expected).every(([key, value]) => (current[key] ?? null) === (value ?? null));

const refuseFile = (found: ReturnType<typeof problem>): never => {
  throw singleFieldError('file', found);
};

/**
 * Contact imports: a file is read into rows at once (so that any node can take the work up),
 * then a job runs the rows a batch per transaction through the same normalisation and write
 * rules as every other write, recording for each row what it did and what undoing it needs.
 */
const imports = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.query(UID.contactImport);
  const rows = () => strapi.db.query(UID.importRow);
  const contacts = () => strapi.db.query(UID.contact);

  const findByDocumentId = async (documentId: string) =>
    (await table().findOne({ where: { documentId } })) as ImportRecord | null;

  const countsOf = async (importId: number) => {
    const outcomes: RowOutcome[] = ['created', 'updated', 'unchanged', 'failed'];
    const counted = await Promise.all(
      outcomes.map((outcome) => rows().count({ where: { importId, outcome } }))
    );
    return { total: 0, ...Object.fromEntries(outcomes.map((outcome, index) => [outcome, counted[index]])) };
  };

  const cellsByTarget = (record: ImportRecord, row: ImportRow) => {
    const cells: Partial<Record<ImportTarget, string>> = {};
    record.headers.forEach((header, index) => {
      const target = record.mapping[header];
      if (target) cells[target] = row.cells[index] ?? '';
    });
    return cells;
  };

  /** What one row does; with `write`, it does it. */
  const applyRow = async (record: ImportRecord, row: ImportRow, write: boolean): Promise<RowResult> => {
    if (row.duplicateOf !== null) {
      return failed([fieldError(['email'], problem('import.duplicateInFile', { row: row.duplicateOf }))]);
    }
    const { patch, warnings } = readCells(cellsByTarget(record, row), record.clearEmpty);
    if (patch.newsletter === true && !record.consent) {
      return failed([fieldError(['newsletter'], problem('import.consentBasisRequired'))]);
    }
    const alone = normaliseContactPatch(patch, null);
    const email = alone.ok ? (alone.data.email ?? null) : null;
    if (!alone.ok && alone.errors.some((error) => error.path[0] === 'email')) return failed(alone.errors);
    const existing = email
      ? ((await contacts().findOne({ where: { email } })) as (ContactRecord & { documentId: string }) | null)
      : null;

    if (record.mode === 'update' && !email)
      return failed([fieldError(['email'], problem('import.emailRequired'))]);
    if (record.mode === 'update' && !existing)
      return failed([fieldError(['email'], problem('import.notFound'))]);
    if (record.mode === 'create' && existing)
      return failed([fieldError(['email'], problem('email.taken', { documentId: existing.documentId }))]);

    if (!existing) {
      if (!alone.ok) return failed(alone.errors);
      const written = pick(alone.data, Object.keys(patch));
      if (!write) return { outcome: 'created', warnings, written };
      const created = (await strapi.documents(UID.contact).create({ data: patch as never })) as {
        documentId: string;
        updatedAt: string;
      };
      return {
        outcome: 'created',
        warnings,
        contactDocumentId: created.documentId,
        written,
        contactUpdatedAt: created.updatedAt,
      };
    }

    const merged = normaliseContactPatch(patch, existing);
    if (!merged.ok) return failed(merged.errors);
    const changed = Object.keys(merged.data).filter(
      (key) =>
        key !== 'searchText' &&
        (merged.data as Record<string, unknown>)[key] !== (existing as Record<string, unknown>)[key]
    );
    if (changed.length === 0)
      return { outcome: 'unchanged', warnings, contactDocumentId: existing.documentId };
    const previous = pick(existing, changed);
    const written = pick(merged.data, changed);
    const result: RowResult = {
      outcome: 'updated',
      warnings,
      contactDocumentId: existing.documentId,
      previous,
      written,
    };
    if (!write) return result;
    const updated = (await strapi.documents(UID.contact).update({
      documentId: existing.documentId,
      data: pick(
        patch,
        changed.filter((key) => key in patch)
      ) as never,
    })) as { updatedAt: string } | null;
    return { ...result, contactUpdatedAt: updated?.updatedAt ?? null };
  };

  /** Puts back what the done rows changed, newest first; a contact edited since is left alone. */
  const rollBack = async (record: ImportRecord) => {
    const report = { undone: 0, keptEdited: 0 };
    for (;;) {
      const batch = (await rows().findMany({
        where: { importId: record.id, outcome: { $in: ['created', 'updated'] } },
        orderBy: { rowNumber: 'desc' },
        limit: BATCH_SIZE,
      })) as ImportRow[];
      if (batch.length === 0) return report;
      await strapi.db.transaction(async () => {
        for (const row of batch) {
          const outcome = await undoRow(row);
          report[outcome] += 1;
          await rows().update({ where: { id: row.id }, data: { outcome } });
        }
      });
    }
  };

  const undoRow = async (row: ImportRow): Promise<'undone' | 'keptEdited'> => {
    const current = row.contactDocumentId
      ? ((await contacts().findOne({ where: { documentId: row.contactDocumentId } })) as Record<
          string,
          unknown
        > | null)
      : null;
    if (!current) return 'undone';
    const editedSince =
      row.contactUpdatedAt !== null &&
      new Date(String(current.updatedAt)).getTime() > new Date(row.contactUpdatedAt).getTime();
    if (editedSince || !sameValues(current, row.written ?? {})) return 'keptEdited';
    if (row.outcome === 'created') {
      await strapi.documents(UID.contact).delete({ documentId: row.contactDocumentId as string });
    } else {
      await strapi.documents(UID.contact).update({
        documentId: row.contactDocumentId as string,
        data: (row.previous ?? {}) as never,
      });
    }
    return 'undone';
  };

  const finish = async (record: ImportRecord, data: Record<string, unknown>) => {
    await table().update({
      where: { id: record.id },
      data: {
        counts: { ...(await countsOf(record.id)), total: record.rowCount },
        finishedAt: new Date(),
        ...data,
      },
    });
  };

  const inConsentFlow = <T>(record: ImportRecord, work: () => Promise<T>) => {
    const origin = consentOrigin(record);
    return origin ? runInImportConsentFlow(origin, work) : work();
  };

  const summaryOf = async (record: ImportRecord) => {
    const isLive = record.status === 'queued' || record.status === 'running';
    const counts = isLive ? { ...(await countsOf(record.id)), total: record.rowCount } : record.counts;
    const done = isLive
      ? await rows().count({ where: { importId: record.id, outcome: { $notNull: true } } })
      : record.rowCount;
    return {
      documentId: record.documentId,
      status: record.status,
      dryRun: record.dryRun,
      mode: record.mode,
      clearEmpty: record.clearEmpty,
      fileName: record.fileName,
      file: {
        format: record.format,
        encoding: record.encoding,
        delimiter: record.delimiter,
        sheet: record.sheet,
      },
      headerRow: record.headerRow,
      mapping: record.mapping,
      consent: record.consent,
      counts,
      progress: { done, total: record.rowCount },
      undo: record.undoReport,
      requestedBy: record.requestedBy,
      error: record.error,
      createdAt: record.createdAt,
      startedAt: record.startedAt,
      finishedAt: record.finishedAt,
    };
  };

  return {
    /**
     * Reads an uploaded file into an import and queues its job. A file that cannot be imported
     * (empty, unreadable, no header row, no usable column) is refused naming `file`, and nothing
     * is written.
     */
    async create(file: { path: string; name: string }, options: ImportOptions, requestedBy: string | null) {
      let opened: Awaited<ReturnType<typeof openFile>>;
      try {
        opened = await openFile(file.path, options);
      } catch (error) {
        if (error instanceof UnreadableFileError) refuseFile(problem(error.code));
        throw error;
      }
      const iterator = opened.rows()[Symbol.asyncIterator]();
      const next = async () => {
        try {
          return await iterator.next();
        } catch (error) {
          if (error instanceof UnreadableFileError) return refuseFile(problem(error.code));
          return refuseFile(problem('import.fileUnreadable'));
        }
      };
      const head: string[][] = [];
      for (let step = await next(); ; step = await next()) {
        if (step.done) break;
        head.push(step.value);
        if (head.length >= HEADER_SEARCH_ROWS) break;
      }
      if (head.length === 0) refuseFile(problem('import.fileEmpty'));
      const given = options.mapping;
      const scores = head.map((row) =>
        given
          ? Object.keys(given).filter((header) => row.map((cell) => cell.trim()).includes(header)).length
          : recognisedHeaders(row)
      );
      const best = Math.max(...scores);
      // with a mapping that names no column of the file, its first row is taken as the headers
      if (best === 0 && !given) refuseFile(problem('import.noHeaderRow'));
      const headerIndex = Math.max(0, scores.indexOf(best));
      const headers = (head[headerIndex] as string[]).map((cell) => cell.trim());
      if (given) {
        const unknown = Object.keys(given).filter((header) => !headers.includes(header));
        if (unknown.length > 0) {
          throw new errors.ValidationError(`mapping ${unknown[0]} is not a column`, {
            errors: unknown.map((header) => ({
              ...fieldError(['mapping', header], problem('import.mappingUnknownHeader')),
              name: 'ValidationError',
            })),
          });
        }
      }
      const mapping: Mapping = given ?? proposeMapping(headers);
      if (!headers.some((header) => mapping[header])) refuseFile(problem('import.noUsableColumn'));
      const emailColumn = headers.findIndex((header) => mapping[header] === 'email');

      return strapi.db.transaction(async () => {
        const record = (await strapi.documents(UID.contactImport).create({
          data: {
            status: 'queued',
            dryRun: options.dryRun,
            mode: options.mode,
            clearEmpty: options.clearEmpty,
            fileName: file.name.slice(0, 255),
            format: opened.shape.format,
            encoding: opened.shape.encoding,
            delimiter: opened.shape.delimiter,
            sheet: opened.shape.sheet,
            headers,
            headerRow: headerIndex + 1,
            mapping,
            consent: options.consent ?? null,
            rowCount: 0,
            requestedBy,
          } as never,
        })) as unknown as { id: number; documentId: string };

        const firstRowOfEmail = new Map<string, number>();
        let pending: Record<string, unknown>[] = [];
        let rowCount = 0;
        const flush = async () => {
          if (pending.length > 0) await rows().createMany({ data: pending });
          pending = [];
        };
        const add = async (cells: string[], rowNumber: number) => {
          if (cells.every((cell) => cell.trim() === '')) return;
          rowCount += 1;
          if (rowCount > MAX_IMPORT_ROWS) refuseFile(problem('import.tooManyRows', { max: MAX_IMPORT_ROWS }));
          const email = emailColumn >= 0 ? (cells[emailColumn] ?? '').trim().toLowerCase() : '';
          const duplicateOf = email ? (firstRowOfEmail.get(email) ?? null) : null;
          if (email && duplicateOf === null) firstRowOfEmail.set(email, rowNumber);
          pending.push({ importId: record.id, rowNumber, cells, duplicateOf });
          if (pending.length >= BATCH_SIZE) await flush();
        };
        let rowNumber = headerIndex + 1;
        for (const cells of head.slice(headerIndex + 1)) await add(cells, (rowNumber += 1));
        for (let step = await next(); !step.done; step = await next())
          await add(step.value, (rowNumber += 1));
        await flush();
        const jobs = getService(strapi, 'jobs');
        const jobId = await jobs.enqueue(IMPORT_JOB, { importId: record.id });
        await table().update({ where: { id: record.id }, data: { rowCount, jobId } });
        return summaryOf((await findByDocumentId(record.documentId)) as ImportRecord);
      });
    },

    async summary(documentId: string) {
      const record = await findByDocumentId(documentId);
      return record ? summaryOf(record) : null;
    },

    /** The failed rows as they were in the file, with one more column saying what is wrong. */
    async errorsCsv(documentId: string) {
      const record = await findByDocumentId(documentId);
      if (!record) return null;
      const failedRows = (await rows().findMany({
        where: { importId: record.id, outcome: 'failed' },
        orderBy: { rowNumber: 'asc' },
      })) as ImportRow[];
      const describe = (row: ImportRow) =>
        (row.errors ?? []).map((error) => `${error.path.join('.')}: ${error.message}`).join(' ; ');
      return toCsv([
        [...record.headers, 'Erreurs'],
        ...failedRows.map((row) => [
          ...record.headers.map((_, index) => row.cells[index] ?? ''),
          describe(row),
        ]),
      ]);
    },

    /** Stops a queued or running import; what it wrote is then put back. */
    async cancel(documentId: string) {
      const record = await findByDocumentId(documentId);
      if (!record) return null;
      if (record.status !== 'queued' && record.status !== 'running') {
        throw singleFieldError('status', problem('import.notCancellable', { status: record.status }));
      }
      if (record.jobId !== null) await getService(strapi, 'jobs').cancel(record.jobId);
      // a job cancelled before it started never runs: nothing was written
      const job =
        record.jobId === null
          ? null
          : await strapi.db.query(UID.job).findOne({ where: { id: record.jobId } });
      if (!job || (job as { state: string }).state === 'cancelled') {
        await finish(record, { status: 'cancelled' });
      }
      return summaryOf((await findByDocumentId(documentId)) as ImportRecord);
    },

    /** Undoes a completed import in the background: created contacts removed, updated ones restored. */
    async undo(documentId: string) {
      const record = await findByDocumentId(documentId);
      if (!record) return null;
      if (record.status !== 'completed' || record.dryRun) {
        throw singleFieldError('status', problem('import.notUndoable', { status: record.status }));
      }
      await strapi.db.transaction(async () => {
        await table().update({ where: { id: record.id }, data: { status: 'undoing' } });
        await getService(strapi, 'jobs').enqueue(UNDO_IMPORT_JOB, { importId: record.id });
      });
      return summaryOf((await findByDocumentId(documentId)) as ImportRecord);
    },

    /** The import job: the rows not done yet, a batch per transaction, then the counts. */
    async run(
      importId: number,
      job: {
        progress(done: number, total?: number): Promise<void>;
        assertClaimed(): Promise<void>;
        isLastAttempt: boolean;
      }
    ) {
      const record = (await table().findOne({ where: { id: importId } })) as ImportRecord | null;
      if (!record || (record.status !== 'queued' && record.status !== 'running')) return;
      if (record.status === 'queued') {
        await table().update({ where: { id: importId }, data: { status: 'running', startedAt: new Date() } });
      }
      try {
        let done = await rows().count({ where: { importId, outcome: { $notNull: true } } });
        for (;;) {
          const batch = (await rows().findMany({
            where: { importId, outcome: null },
            orderBy: { rowNumber: 'asc' },
            limit: BATCH_SIZE,
          })) as ImportRow[];
          if (batch.length === 0) break;
          await strapi.db.transaction(() =>
            inConsentFlow(record, async () => {
              await job.assertClaimed();
              for (const row of batch) {
                const result = await applyRow(record, row, !record.dryRun);
                await rows().update({ where: { id: row.id }, data: result });
              }
            })
          );
          done += batch.length;
          await job.progress(done, record.rowCount);
        }
        await finish(record, { status: 'completed' });
      } catch (error) {
        const cancelled = isJobStopped(error, 'cancelled');
        if (cancelled || (job.isLastAttempt && !isJobStopped(error))) {
          const report = await inConsentFlow(record, () => rollBack(record));
          await finish(record, {
            status: cancelled ? 'cancelled' : 'failed',
            undoReport: report,
            error: cancelled ? null : error instanceof Error ? error.message.slice(0, 2000) : String(error),
          });
        }
        throw error;
      }
    },

    /** The undo job. */
    async runUndo(importId: number) {
      const record = (await table().findOne({ where: { id: importId } })) as ImportRecord | null;
      if (!record || record.status !== 'undoing') return;
      const report = await inConsentFlow(record, () => rollBack(record));
      await table().update({ where: { id: importId }, data: { status: 'undone', undoReport: report } });
    },
  };
};

export type ImportsService = ReturnType<typeof imports>;
export default imports;
