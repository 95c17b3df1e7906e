/**
 * Rows written many at a time, straight to the database, for the paths where one document call
 * per row is too slow: the bulk seed and contact imports. The caller has already normalised every
 * value (the validation module's functions); this only moves the rows. On PostgreSQL a batch is
 * one `INSERT … SELECT FROM unnest(…)` with one array per column; on SQLite, multi-row inserts.
 */
import { randomBytes } from 'crypto';
import type { Knex } from 'knex';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DOCUMENT_ID_LENGTH = 24;
/** Random bytes drawn a few thousand ids at a time: one system call per id is most of an id's cost. */
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

/** A documentId as Strapi makes them: 24 lower-case letters and digits, a letter first. */
export const newDocumentId = () => {
  if (randomPool.length - randomOffset < DOCUMENT_ID_LENGTH) {
    randomPool = randomBytes(DOCUMENT_ID_LENGTH * 4096);
    randomOffset = 0;
  }
  let id = '';
  for (let index = 0; index < DOCUMENT_ID_LENGTH; index += 1) {
    const byte = randomPool[randomOffset + index] as number;
    id += ALPHABET[index === 0 ? byte % 26 : byte % 36];
  }
  randomOffset += DOCUMENT_ID_LENGTH;
  return id;
};

const isPostgres = (knex: Knex | Knex.Transaction) =>
  knex.client.config.client === 'postgres' || knex.client.dialect === 'postgresql';

/** The values of one column, with its PostgreSQL type (the type of the array bound for it). */
export type BulkColumn = {
  type: 'text' | 'boolean' | 'integer' | 'numeric' | 'date' | 'timestamptz';
  values: unknown[];
};

export type InsertedRow = Record<string, unknown> & { id: number };

/**
 * SQLite binds at most 32,766 values per statement, and knex writes a multi-row insert there as
 * one `SELECT … UNION ALL SELECT …`, of which SQLite takes at most 500 terms.
 */
const SQLITE_MAX_VALUES = 30_000;
const SQLITE_MAX_ROWS = 500;

/**
 * Inserts rows given column by column, stamped with the time of the insert (`created_at`,
 * `updated_at`, `published_at`), and returns the `returning` columns of the rows really inserted
 * (with `conflict`, rows it skips are not returned).
 */
export const insertRows = async (
  knex: Knex | Knex.Transaction,
  table: string,
  columns: Record<string, BulkColumn>,
  // conflict: PostgreSQL's ON CONFLICT clause; on SQLite, any value means "ignore duplicates"
  options: { conflict?: string; returning: string[] }
): Promise<InsertedRow[]> => {
  const names = Object.keys(columns);
  const count = columns[names[0] as string]?.values.length ?? 0;
  if (count === 0) return [];
  if (isPostgres(knex)) {
    const arrays = names.map((name) => `?::${columns[name]?.type}[]`);
    const result = await knex.raw(
      `INSERT INTO ${table} (${names.join(', ')}, created_at, updated_at, published_at) ` +
        `SELECT *, now(), now(), now() FROM unnest(${arrays.join(', ')}) ` +
        `${options.conflict ?? ''} RETURNING ${options.returning.join(', ')}`,
      names.map((name) => columns[name]?.values ?? [])
    );
    return result.rows as InsertedRow[];
  }
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, index) => ({
    ...Object.fromEntries(names.map((name) => [name, columns[name]?.values[index]])),
    created_at: now,
    updated_at: now,
    published_at: now,
  }));
  const inserted: InsertedRow[] = [];
  const chunk = Math.min(SQLITE_MAX_ROWS, Math.floor(SQLITE_MAX_VALUES / (names.length + 3)));
  for (let start = 0; start < rows.length; start += chunk) {
    const query = knex(table).insert(rows.slice(start, start + chunk));
    const result = await (options.conflict ? query.onConflict().ignore() : query).returning(
      options.returning
    );
    inserted.push(...(result as InsertedRow[]));
  }
  return inserted;
};

/** Inserts plain rows (join tables), a few thousand per statement. */
export const insertPlainRows = async (
  knex: Knex | Knex.Transaction,
  table: string,
  rows: Record<string, unknown>[]
) => {
  if (rows.length === 0) return;
  const width = Object.keys(rows[0] as object).length;
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_VALUES / width));
  const chunk = isPostgres(knex) ? perStatement : Math.min(SQLITE_MAX_ROWS, perStatement);
  for (let start = 0; start < rows.length; start += chunk)
    await knex(table).insert(rows.slice(start, start + chunk));
};
