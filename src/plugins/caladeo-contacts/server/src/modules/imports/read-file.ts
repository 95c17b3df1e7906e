import fs from 'fs';
import { parse } from 'csv-parse';
import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { EventEmitter } from 'events';
import type { Readable } from 'stream';
import { chooseSheet, readWorkbookIndex, type WorkbookIndex, type WorkbookSheet } from './workbook-sheets';

/** Why a file cannot be imported; each becomes a 400 naming the `file` field. */
export class UnreadableFileError extends Error {
  constructor(
    readonly code: 'import.fileEmpty' | 'import.fileUnreadable' | 'import.noHeaderRow',
    detail: string
  ) {
    super(detail);
  }
}

export type FileFormat = 'csv' | 'xlsx';
export type ReadOptions = { encoding?: string; delimiter?: string; sheet?: string };
/** What was found out about a file, kept with the import. */
export type FileShape = {
  format: FileFormat;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
};

const SAMPLE_BYTES = 64 * 1024;
const MAX_ROW_CHARACTERS = 64 * 1024;
const DELIMITERS = [';', ',', '\t', '|'];
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const readStart = async (path: string) => {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/**
 * The encoding of a CSV: a byte-order mark says it; else valid UTF-8 is UTF-8; else the detector's
 * guess, where French Excel's Windows-1252 wins over its look-alike ISO-8859-1 (which lacks œ, ’, €).
 */
const detectEncoding = (sample: Buffer) => {
  if (sample.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return 'utf-8';
  if (sample.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]))) return 'utf-16le';
  if (sample.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))) return 'utf-16be';
  // a cut in the middle of a character at the end of the sample is not an error
  if (!new TextDecoder('utf-8', { fatal: false }).decode(sample.subarray(0, -4)).includes('\uFFFD'))
    return 'utf-8';
  const guess = (chardet.detect(sample) ?? 'windows-1252').toLowerCase();
  return guess.startsWith('iso-8859-1') || guess === 'ascii' ? 'windows-1252' : guess;
};

/** The separator that splits the first lines into the same, largest number of columns. */
const detectDelimiter = (text: string) => {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 10);
  const score = (delimiter: string) => {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const top = Math.max(0, ...counts);
    return top === 0 ? 0 : counts.filter((count) => count === top).length * 1000 + top;
  };
  return [...DELIMITERS].sort((a, b) => score(b) - score(a))[0] as string;
};

const isBinary = (sample: Buffer, encoding: string) =>
  !encoding.startsWith('utf-16') && sample.subarray(0, 1024).includes(0);

async function* csvRows(path: string, encoding: string, delimiter: string): AsyncGenerator<string[]> {
  const parser = fs
    .createReadStream(path)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(
      parse({
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        bom: true,
        // a "row" of megabytes is a broken file (an unclosed quote), not contacts
        max_record_size: MAX_ROW_CHARACTERS,
      })
    );
  for await (const record of parser) yield (record as string[]).map((cell) => cell ?? '');
}

/** A cell as the user saw it in Excel: numbers as typed, dates as dd/mm/yyyy, formulas by their result. */
const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const day = String(value.getUTCDate()).padStart(2, '0');
    const month = String(value.getUTCMonth() + 1).padStart(2, '0');
    return `${day}/${month}/${value.getUTCFullYear()}`;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
};

/**
 * The rows of one tab. The reader says which part each worksheet it yields comes from (its entry
 * events), so the tab is found by its part whatever the order of the zip; the reader is given the
 * workbook's index beforehand, which it otherwise lacks when a tab's part precedes it.
 */
async function* xlsxRows(
  path: string,
  index: WorkbookIndex,
  chosen: WorkbookSheet
): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  Object.assign(reader, { model: index.model });
  let part: string | undefined;
  (reader as unknown as EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') part = entry.id;
  });
  try {
    for await (const worksheet of reader) {
      if (part !== chosen.part) continue;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield Array.from(values, (value) => cellText(value as ExcelJS.CellValue).trim());
      }
      return;
    }
  } finally {
    // a preview stops after a few rows: the reader, left half-way, would keep the file open
    (reader as unknown as { stream?: Readable }).stream?.destroy();
  }
  throw new UnreadableFileError(
    'import.fileUnreadable',
    `the sheet "${chosen.name}" has no part in the workbook`
  );
}

/** The workbook's tabs, or why the zip cannot be imported. */
const openWorkbook = async (path: string) => {
  let index: WorkbookIndex | null;
  try {
    index = await readWorkbookIndex(path);
  } catch {
    throw new UnreadableFileError('import.fileUnreadable', 'the zip of the workbook is broken');
  }
  if (!index)
    throw new UnreadableFileError('import.fileUnreadable', 'the file is a zip but not an XLSX workbook');
  return index;
};

/**
 * Opens an uploaded file: a workbook (by its zip signature) or a CSV whose encoding and separator
 * are detected unless given. Returns what was found, the tabs of a workbook (null for a CSV) and the
 * rows, read as a stream.
 */
export const openFile = async (path: string, options: ReadOptions = {}) => {
  const sample = await readStart(path);
  if (sample.length === 0) throw new UnreadableFileError('import.fileEmpty', 'the file is empty');
  if (sample.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    const index = await openWorkbook(path);
    const chosen = chooseSheet(index, options.sheet);
    if (!chosen) {
      throw new UnreadableFileError(
        'import.fileUnreadable',
        options.sheet ? `the workbook has no sheet "${options.sheet}"` : 'the workbook has no sheet'
      );
    }
    const shape: FileShape = {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: options.sheet ?? null,
    };
    const sheets = index.sheets.map((sheet) => sheet.name);
    return { shape, sheets, rows: () => xlsxRows(path, index, chosen) };
  }
  const encoding = options.encoding ?? detectEncoding(sample);
  if (!iconv.encodingExists(encoding)) {
    throw new UnreadableFileError('import.fileUnreadable', `unknown encoding "${encoding}"`);
  }
  if (isBinary(sample, encoding)) {
    throw new UnreadableFileError('import.fileUnreadable', 'the file is neither a CSV nor an XLSX workbook');
  }
  const delimiter = options.delimiter ?? detectDelimiter(iconv.decode(sample, encoding));
  const shape: FileShape = { format: 'csv', encoding, delimiter, sheet: null };
  return { shape, sheets: null, rows: () => csvRows(path, encoding, delimiter) };
};
