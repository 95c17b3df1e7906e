import { recognisedHeaders, type Mapping } from './mapping';

/** Rows looked at for the header row (a title or blank lines may come first). */
export const HEADER_SEARCH_ROWS = 10;

/** Where a file's column headers are: the row's index among the first rows read, and its cells. */
export type HeaderRow = { index: number; headers: string[] };

/**
 * The header row among a file's first rows: the one naming most columns of the given mapping, or
 * without one the one whose cells the field catalogue recognises most. Null when no row has a
 * recognised header and no mapping is given; a mapping that names no column of the file takes
 * the first row as the headers (the import then refuses the mapping's unknown columns).
 */
export const findHeaderRow = (head: readonly string[][], given?: Mapping): HeaderRow | null => {
  if (head.length === 0) return null;
  const scores = head.map((row) =>
    given
      ? Object.keys(given).filter((header) => row.map((cell) => cell.trim()).includes(header)).length
      : recognisedHeaders(row)
  );
  const best = Math.max(...scores);
  if (best === 0 && !given) return null;
  const index = Math.max(0, scores.indexOf(best));
  return { index, headers: (head[index] as string[]).map((cell) => cell.trim()) };
};
