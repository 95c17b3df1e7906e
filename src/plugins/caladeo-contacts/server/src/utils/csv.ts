/**
 * The small CSV files the plugin hands out in one piece (an import's error rows, the subscriber
 * export's batches). Those files are opened in spreadsheets, and their cells hold what anyone
 * typed on a public form.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './spreadsheet-cells';

export { neutraliseFormula };

/** Rows (header included, when there is one) as CSV, no text cell of which a spreadsheet would run. */
export const toCsv = (
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  options: { delimiter?: string } = {}
): string =>
  stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell))),
    options
  );
