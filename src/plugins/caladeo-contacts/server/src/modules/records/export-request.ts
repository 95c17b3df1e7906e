/**
 * The export parameters of `GET /contacts/export` and `GET /clients/export`: the file's format,
 * its CSV separator, its columns and the language of its header row. Everything else in the query
 * is the list's own search and filters, read by the list's reader.
 */
import { z } from 'zod';
import {
  CSV_DELIMITERS,
  EXPORT_FORMATS,
  EXPORT_HEADERS,
  type CsvDelimiter,
  type ExportFormat,
  type ExportHeaders,
} from '../../../../shared/exports';
import { fieldErrorsOfIssues } from '../../validation/issues';
import { fieldError, problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';

export type ExportParams = {
  format: ExportFormat;
  delimiter: CsvDelimiter;
  headers: ExportHeaders;
  columns: string[];
};

const EXPORT_KEYS = ['format', 'delimiter', 'headers', 'columns'] as const;
// a list page's position means nothing to an export of the whole list
const IGNORED_LIST_KEYS = ['cursor', 'pageSize'];

const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  delimiter: z.enum(CSV_DELIMITERS).default(';'),
  headers: z.enum(EXPORT_HEADERS).default('names'),
  columns: z.union([z.string(), z.array(z.string())]).optional(),
});

/**
 * Splits an export query into its export parameters and the list query. `columns` is a
 * comma-separated list (or repeated) of the record's field names, in the file's order; without it,
 * `defaultColumns`.
 */
export const readExportQuery = (
  query: unknown,
  { allowed, defaultColumns }: { allowed: readonly string[]; defaultColumns: readonly string[] }
): Reading<{ params: ExportParams; listQuery: Record<string, unknown> }> => {
  const given = (query ?? {}) as Record<string, unknown>;
  const exportPart = Object.fromEntries(
    Object.entries(given).filter(([key]) => (EXPORT_KEYS as readonly string[]).includes(key))
  );
  const listQuery = Object.fromEntries(
    Object.entries(given).filter(
      ([key]) => !(EXPORT_KEYS as readonly string[]).includes(key) && !IGNORED_LIST_KEYS.includes(key)
    )
  );
  const parsed = exportQuery.safeParse(exportPart);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOfIssues(parsed.error.issues) };

  const { columns: rawColumns, ...rest } = parsed.data;
  const named = (Array.isArray(rawColumns) ? rawColumns : (rawColumns?.split(',') ?? []))
    .map((column) => column.trim())
    .filter(Boolean);
  const columns = rawColumns === undefined ? [...defaultColumns] : [...new Set(named)];
  const unknown = columns.filter((column) => !allowed.includes(column));
  if (unknown.length > 0 || columns.length === 0) {
    return {
      ok: false,
      errors: [fieldError(['columns'], problem('choice.invalid', { allowed: allowed.join(', ') }))],
    };
  }
  return { ok: true, value: { params: { ...rest, columns }, listQuery } };
};
