/** What the database drivers say of a write refused by a unique index or constraint. */
export type DatabaseError = { code?: unknown; constraint?: unknown; message?: unknown };

/** A PostgreSQL (23505) or SQLite unique violation. */
export const isUniqueViolation = (error: unknown): error is DatabaseError => {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as DatabaseError;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (typeof message === 'string' && message.includes('UNIQUE constraint failed'))
  );
};
