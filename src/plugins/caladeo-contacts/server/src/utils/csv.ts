/**
 * The CSV the plugin hands out (the admin's contact export, the newsletter's subscriber export).
 * Those files are opened in spreadsheets, and their cells hold what anyone typed on a public form.
 */
import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheets run a cell starting with one of these as a formula (`=HYPERLINK(…)` sends the
 * reader's data away); a leading apostrophe makes them show it as text (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** Rows (header included, when there is one) as CSV, no text cell of which a spreadsheet would run. */
export const toCsv = (
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  options: { delimiter?: string } = {}
): string =>
  stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell))),
    options
  );
