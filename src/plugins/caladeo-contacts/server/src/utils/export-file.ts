/**
 * Writes an export as it is read: CSV (UTF-8 with a byte-order mark, so that Excel reads the
 * accents, and `;` by default, the separator French Excel splits on) or XLSX, from batches of
 * rows, to a stream that the response sends on. Nothing holds more than one batch: a million rows
 * cost the memory of a thousand.
 */
import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { CsvDelimiter, ExportFormat } from '../../../shared/exports';
import type { ExportCell } from './spreadsheet-cells';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type ExportColumn = { header: string; isDate: boolean };

export type ExportFile = {
  format: ExportFormat;
  delimiter: CsvDelimiter;
  sheetName: string;
  columns: readonly ExportColumn[];
  /** The rows, a batch at a time, each cell already made safe (`exportCell`). */
  batches: AsyncIterable<ExportCell[][]>;
};

/** The file name a download is saved under: what it holds and the day it was made. */
export const exportFileName = (what: string, format: ExportFormat, now = new Date()) =>
  `${what}-${now.toISOString().slice(0, 10)}.${format}`;

const csvText = (rows: ExportCell[][], delimiter: CsvDelimiter) =>
  stringify(rows, {
    delimiter,
    record_delimiter: 'windows',
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      date: (value) => value.toISOString(),
    },
  });

async function* csvChunks(file: ExportFile) {
  yield `\uFEFF${csvText([file.columns.map((column) => column.header)], file.delimiter)}`;
  for await (const rows of file.batches) yield csvText(rows, file.delimiter);
}

/** Waits until the reader took what was written, or went away. */
const drained = async (stream: Writable) => {
  if (stream.writableLength <= stream.writableHighWaterMark || stream.destroyed) return;
  await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
};

const writeXlsx = async (file: ExportFile, out: PassThrough) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // shared strings would be kept in memory until the end
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(file.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = file.columns.map((column) => ({
    header: column.header,
    width: column.isDate ? 20 : Math.max(12, Math.min(40, column.header.length + 4)),
    style: column.isDate ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const rows of file.batches) {
    if (out.destroyed) return;
    for (const cells of rows) sheet.addRow(cells).commit();
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
};

/** The export as a readable stream; a failure while writing ends the stream with that error. */
export const exportStream = (file: ExportFile): Readable => {
  const out = new PassThrough();
  const written =
    file.format === 'csv' ? pipeline(Readable.from(csvChunks(file)), out) : writeXlsx(file, out);
  written.catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
};
