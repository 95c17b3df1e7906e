import { singleFieldError } from '../utils/errors';
import { EMAIL_TAKEN_MESSAGE, REFERENCE_TAKEN_MESSAGE } from './records';

/**
 * The database unique indexes (see database/migrations) that settle concurrent writes, and the
 * field error each one becomes. Without this a lost race would surface as a 500.
 */
export const UNIQUE_INDEXES = [
  {
    index: 'caladeo_contacts_email_ci_unique',
    column: 'caladeo_contacts.email',
    field: 'email',
    message: EMAIL_TAKEN_MESSAGE,
  },
  {
    index: 'offers_reference_unique',
    column: 'offers.reference',
    field: 'reference',
    message: REFERENCE_TAKEN_MESSAGE,
  },
  {
    index: 'caladeo_client_contacts_primary_unique',
    column: 'caladeo_client_contacts.primary_of',
    field: 'isPrimary',
    message: 'another contact was made primary at the same moment; reload and try again',
  },
  {
    index: 'caladeo_offer_contacts_primary_unique',
    column: 'caladeo_offer_contacts.primary_of',
    field: 'isPrimary',
    message: 'another contact was made primary at the same moment; reload and try again',
  },
] as const;

type DatabaseError = { code?: unknown; constraint?: unknown; message?: unknown };

/** Maps a PostgreSQL (23505) or SQLite unique violation on one of our indexes to a field error. */
export const translateUniqueViolation = (error: unknown) => {
  if (!error || typeof error !== 'object') return null;
  const { code, constraint, message } = error as DatabaseError;
  const text = typeof message === 'string' ? message : '';
  const isUniqueViolation =
    code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || text.includes('UNIQUE constraint failed');
  if (!isUniqueViolation) return null;
  const match = UNIQUE_INDEXES.find(
    ({ index, column }) => constraint === index || text.includes(index) || text.includes(column)
  );
  return match ? singleFieldError(match.field, match.message) : null;
};
