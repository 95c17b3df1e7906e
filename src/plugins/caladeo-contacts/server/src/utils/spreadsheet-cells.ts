/**
 * What every file the plugin hands out to a spreadsheet (CSV and XLSX exports, the subscriber
 * export, an import's error file) does to its cells. Those cells hold what anyone typed on a
 * public form or brought in with an import, and the files are opened in Excel or LibreOffice.
 */

/**
 * Spreadsheets run a cell starting with one of these as a formula (`=HYPERLINK(…)` sends the
 * reader's data away); a leading apostrophe makes them show it as text (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** A cell as an export writes it: text no spreadsheet would run, or a typed value. */
export type ExportCell = string | number | boolean | Date | null;

/**
 * A stored value as an export cell: text neutralised, numbers and booleans kept, dates (also
 * those a database answers as text) as dates; nothing else leaves as an object.
 */
export const exportCell = (value: unknown, kind: 'value' | 'date' = 'value'): ExportCell => {
  if (value === null || value === undefined) return null;
  if (kind === 'date') {
    const date = value instanceof Date ? value : new Date(value as string | number);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return neutraliseFormula(String(value));
};
