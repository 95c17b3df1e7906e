import { singleFieldError } from '../../../utils/errors';
import { problem } from '../../../validation';

/**
 * The database unique indexes (see database/migrations) that settle concurrent writes, and the
 * field error each one becomes. Without this a lost race would surface as a 500.
 */
export const UNIQUE_INDEXES = [
  {
    index: 'caladeo_contacts_email_ci_unique',
    column: 'caladeo_contacts.email',
    field: 'email',
    taken: problem('email.taken'),
  },
  {
    index: 'offers_reference_unique',
    column: 'offers.reference',
    field: 'reference',
    taken: problem('offerReference.taken'),
  },
  {
    index: 'caladeo_client_contacts_primary_unique',
    column: 'caladeo_client_contacts.primary_of',
    field: 'isPrimary',
    taken: problem('link.primaryRace'),
  },
  {
    index: 'caladeo_offer_contacts_primary_unique',
    column: 'caladeo_offer_contacts.primary_of',
    field: 'isPrimary',
    taken: problem('link.primaryRace'),
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
  return match ? singleFieldError(match.field, match.taken) : null;
};
