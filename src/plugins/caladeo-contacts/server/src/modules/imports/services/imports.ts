import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { UID, type ImportMode, type ImportStatus } from '../../../../../shared/constants';
import { toCsv } from '../../../utils/csv';
import { singleFieldError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import {
  fieldError,
  isProblem,
  messageLanguageOf,
  problem,
  renderMessageIn,
  type FieldError,
  type MessageLanguage,
} from '../../../validation';
import { runInImportConsentFlow, type ImportConsentOrigin } from '../../newsletter/consent-flow';
import { withActor } from '../../history';
import { isJobStopped } from '../../jobs/kinds';
import { chunkRunner, type ChunkRecord, type ImportSettings } from '../chunk-runner';
import { IMPORT_JOB, UNDO_IMPORT_JOB } from '../jobs';
import { findHeaderRow, HEADER_SEARCH_ROWS } from '../header-row';
import { proposeMapping, type Mapping } from '../mapping';
import { openFile, UnreadableFileError, type ReadOptions } from '../read-file';
import type { RowOutcome, StagedRow } from '../row-plan';

/**
 * Rows per chunk: one transaction of the job, and what a crash can make it redo. Small enough
 * that a chunk of updates (one document call each) holds SQLite's one connection briefly.
 */
export const IMPORT_CHUNK_SIZE = 500;
export const MAX_IMPORT_ROWS = 1_000_000;

export type ImportOptions = ReadOptions & {
  mode: ImportMode;
  dryRun: boolean;
  clearEmpty: boolean;
  createClients: boolean;
  mapping?: Mapping;
  consent?: { source: string; consentedAt: string };
};

type ImportRecord = {
  id: number;
  documentId: string;
  status: ImportStatus;
  dryRun: boolean;
  mode: ImportMode;
  clearEmpty: boolean;
  createClients: boolean;
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
  /** Whoever started the import reads its error file in this language. */
  language: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

type StoredChunk = ChunkRecord & { importId: number; rowCount: number; done: boolean; undone: boolean };

const COUNTED: RowOutcome[] = ['created', 'updated', 'unchanged', 'failed'];

/** The error file's column of messages, in the reader's language, as the file's own columns are. */
const ERRORS_HEADER: Record<MessageLanguage, string> = { fr: 'Erreurs', en: 'Errors' };
/** Its column of error codes (`path:code ; …`): the same in every language, for programs. */
export const ERROR_CODES_HEADER = 'erreur_code';

/** A row's error in the reader's language; one stored under a code since retired keeps its text. */
const messageOf = (error: FieldError, language: MessageLanguage) => {
  const found = { code: error.code, values: error.values };
  return isProblem(found) ? renderMessageIn(found, language) : error.message;
};

/** Who starts an import: a name for the history, and the language its error file is written in. */
export type ImportRequester = { name: string | null; language: MessageLanguage };

/** Where the import's writes are in their own consent flow: a changed newsletter flag names the import. */
const consentOrigin = (record: ImportRecord): ImportConsentOrigin | null =>
  record.consent
    ? {
        importDocumentId: record.documentId,
        source: record.consent.source,
        consentedAt: new Date(record.consent.consentedAt),
      }
    : null;

const settingsOf = (record: ImportRecord): ImportSettings => ({
  mode: record.mode,
  clearEmpty: record.clearEmpty,
  createClients: record.createClients,
  hasConsentBasis: record.consent !== null,
  headers: record.headers,
  mapping: record.mapping,
  importDocumentId: record.documentId,
  consent: consentOrigin(record),
});

const refuseFile = (found: ReturnType<typeof problem>): never => {
  throw singleFieldError('file', found);
};

/**
 * Contact imports: a file is read into chunks of rows (so that any node can take the work up),
 * then a job runs the chunks, one transaction each, through the same normalisation and write
 * rules as every other write, recording in each chunk what every row did and what undoing it needs.
 */
const imports = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.query(UID.contactImport);
  const chunks = () => strapi.db.query(UID.importChunk);
  /** The knex of the current transaction, or of a new one. */
  const withKnex = <T>(work: (knex: Knex.Transaction) => Promise<T>) =>
    strapi.db.transaction(({ trx }) => work(trx));

  const findByDocumentId = async (documentId: string) =>
    (await table().findOne({ where: { documentId } })) as ImportRecord | null;

  /** The counts of the chunks done, summed by the database. */
  const countsOf = async (importId: number) => {
    const { tableName } = strapi.db.metadata.get(UID.importChunk) as unknown as { tableName: string };
    const sums = (await withKnex((knex) =>
      knex(tableName)
        .where({ import_id: importId, done: true })
        .first(
          ...COUNTED.map((outcome) => knex.raw(`coalesce(sum(${outcome}), 0) as ${outcome}`)),
          knex.raw('coalesce(sum(row_count), 0) as done_rows')
        )
    )) as Record<string, number | string> | undefined;
    const number = (key: string) => Number(sums?.[key] ?? 0);
    return {
      counts: Object.fromEntries(COUNTED.map((outcome) => [outcome, number(outcome)])),
      done: number('done_rows'),
    };
  };

  const nextChunk = (importId: number, where: Record<string, unknown>, order: 'asc' | 'desc') =>
    chunks().findOne({
      where: { importId, ...where },
      orderBy: { position: order },
    }) as Promise<StoredChunk | null>;

  /** Puts back what the done chunks changed, newest first; a contact edited since is left alone. */
  const rollBack = async (record: ImportRecord) => {
    const runner = chunkRunner(strapi);
    for (;;) {
      const chunk = await nextChunk(record.id, { done: true, undone: false }, 'desc');
      if (!chunk) break;
      await strapi.db.transaction(async ({ trx }) => {
        const results = await runner.undo(trx, chunk);
        await chunks().update({ where: { id: chunk.id }, data: { results, undone: true } });
      });
    }
    return undoReportOf(record.id);
  };

  const undoReportOf = async (importId: number) => {
    const report = { undone: 0, keptEdited: 0 };
    for (let position = 0; ; position += 1) {
      const chunk = (await chunks().findOne({
        select: ['results'],
        where: { importId, position },
      })) as Pick<StoredChunk, 'results'> | null;
      if (!chunk) return report;
      for (const result of chunk.results ?? []) {
        if (result.outcome === 'undone' || result.outcome === 'keptEdited') report[result.outcome] += 1;
      }
    }
  };

  const finish = async (record: ImportRecord, data: Record<string, unknown>) => {
    const { counts } = await countsOf(record.id);
    await table().update({
      where: { id: record.id },
      data: { counts: { ...counts, total: record.rowCount }, finishedAt: new Date(), ...data },
    });
  };

  /** The import's writes: their consent changes come from its stated basis, their history from it. */
  const inConsentFlow = <T>(record: ImportRecord, work: () => Promise<T>) => {
    const origin = consentOrigin(record);
    return withActor({ type: 'import', id: record.documentId, name: record.fileName }, () =>
      origin ? runInImportConsentFlow(origin, work) : work()
    );
  };

  const summaryOf = async (record: ImportRecord) => {
    const isLive = record.status === 'queued' || record.status === 'running';
    const live = isLive ? await countsOf(record.id) : null;
    return {
      documentId: record.documentId,
      status: record.status,
      dryRun: record.dryRun,
      mode: record.mode,
      clearEmpty: record.clearEmpty,
      createClients: record.createClients,
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
      counts: live ? { ...live.counts, total: record.rowCount } : record.counts,
      progress: { done: live ? live.done : record.rowCount, total: record.rowCount },
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
     * is kept.
     */
    async create(file: { path: string; name: string }, options: ImportOptions, requester: ImportRequester) {
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
      const found = findHeaderRow(head, given);
      if (!found) return refuseFile(problem('import.noHeaderRow'));
      const { index: headerIndex, headers } = found;
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

      const record = (await strapi.documents(UID.contactImport).create({
        data: {
          status: 'queued',
          dryRun: options.dryRun,
          mode: options.mode,
          clearEmpty: options.clearEmpty,
          createClients: options.createClients,
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
          requestedBy: requester.name,
          language: requester.language,
        } as never,
      })) as unknown as { id: number; documentId: string };

      // the rows are kept chunk by chunk, each in its own statement, so that a large file does not
      // hold the database for the whole upload; a refused file takes its chunks with it
      try {
        const firstRowOfEmail = new Map<string, number>();
        let pending: StagedRow[] = [];
        let rowCount = 0;
        let position = 0;
        const flush = async () => {
          if (pending.length === 0) return;
          await chunks().create({
            data: {
              importId: record.id,
              position,
              rowCount: pending.length,
              rows: pending,
              done: false,
              undone: false,
            },
          });
          position += 1;
          pending = [];
        };
        const add = async (cells: string[], n: number) => {
          if (cells.every((cell) => cell.trim() === '')) return;
          rowCount += 1;
          if (rowCount > MAX_IMPORT_ROWS) refuseFile(problem('import.tooManyRows', { max: MAX_IMPORT_ROWS }));
          const email = emailColumn >= 0 ? (cells[emailColumn] ?? '').trim().toLowerCase() : '';
          const dup = email ? firstRowOfEmail.get(email) : undefined;
          if (email && dup === undefined) firstRowOfEmail.set(email, n);
          pending.push(dup === undefined ? { n, cells } : { n, cells, dup });
          if (pending.length >= IMPORT_CHUNK_SIZE) await flush();
        };
        let rowNumber = headerIndex + 1;
        for (const cells of head.slice(headerIndex + 1)) await add(cells, (rowNumber += 1));
        for (let step = await next(); !step.done; step = await next())
          await add(step.value, (rowNumber += 1));
        await flush();
        await strapi.db.transaction(async () => {
          const jobId = await getService(strapi, 'jobs').enqueue(IMPORT_JOB, { importId: record.id });
          await table().update({ where: { id: record.id }, data: { rowCount, jobId } });
        });
      } catch (error) {
        await chunks().deleteMany({ where: { importId: record.id } });
        await table().delete({ where: { id: record.id } });
        throw error;
      }
      return summaryOf((await findByDocumentId(record.documentId)) as ImportRecord);
    },

    async summary(documentId: string) {
      const record = await findByDocumentId(documentId);
      return record ? summaryOf(record) : null;
    },

    /**
     * The failed rows as they were in the file, with two more columns: what is wrong, in the
     * language of whoever started the import, and the codes of the errors, for programs. In the
     * file's separator (`;` for a workbook, as French Excel reads CSV), with a byte-order mark so
     * that Excel reads the accents right. Written as it is read, a chunk of rows at a time; null
     * when there is no such import.
     */
    async errorsCsv(documentId: string): Promise<Readable | null> {
      const record = await findByDocumentId(documentId);
      if (!record) return null;
      const { id: importId, headers } = record;
      const language = messageLanguageOf(record.language);
      // the file's own separator, so that it opens as the file did and can be imported again
      const csv = (rows: string[][]) => toCsv(rows, { delimiter: record.delimiter ?? ';' });
      const failedChunks = async function* () {
        for (let after = -1; ; ) {
          const chunk = (await chunks().findOne({
            select: ['position', 'rows', 'results'],
            where: { importId, position: { $gt: after }, failed: { $gt: 0 } },
            orderBy: { position: 'asc' },
          })) as Pick<StoredChunk, 'position' | 'rows' | 'results'> | null;
          if (!chunk) return;
          after = chunk.position;
          yield chunk;
        }
      };
      async function* lines() {
        yield `\uFEFF${csv([[...headers, ERRORS_HEADER[language], ERROR_CODES_HEADER]])}`;
        for await (const chunk of failedChunks()) {
          const cellsOf = new Map(chunk.rows.map((row) => [row.n, row.cells]));
          const failed = (chunk.results ?? []).flatMap((result) => {
            if (result.outcome !== 'failed') return [];
            const cells = cellsOf.get(result.n) ?? [];
            const errors = result.errors ?? [];
            const described = errors.map((error) => `${error.path.join('.')}: ${messageOf(error, language)}`);
            const codes = errors.map((error) => `${error.path.join('.')}:${error.code}`);
            return [
              [...headers.map((_, index) => cells[index] ?? ''), described.join(' ; '), codes.join(' ; ')],
            ];
          });
          if (failed.length > 0) yield csv(failed);
        }
      }
      return Readable.from(lines());
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

    /** The import job: the chunks not done yet, one transaction each, then the counts. */
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
      const settings = settingsOf(record);
      const runner = chunkRunner(strapi);
      try {
        let { done } = await countsOf(importId);
        for (;;) {
          const chunk = await nextChunk(importId, { done: false }, 'asc');
          if (!chunk) break;
          await strapi.db.transaction(({ trx }) =>
            inConsentFlow(record, async () => {
              await job.assertClaimed();
              const { results, writtenAt } = await runner.run(trx, settings, chunk, !record.dryRun);
              const counted = Object.fromEntries(
                COUNTED.map((outcome) => [
                  outcome,
                  results.filter((result) => result.outcome === outcome).length,
                ])
              );
              await chunks().update({
                where: { id: chunk.id },
                data: { done: true, results, writtenAt, ...counted },
              });
            })
          );
          done += chunk.rowCount;
          await job.progress(done, record.rowCount);
          // SQLite answers synchronously: without this the node would serve no request until the
          // import ends; here the requests that came in during the chunk get their turn
          await new Promise((resolve) => setImmediate(resolve));
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
