import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../../shared/constants';
import { singleFieldError } from '../../../utils/errors';
import { isUniqueViolation } from '../../../utils/unique-violation';
import { problem, type Problem } from '../../../validation';

type Taken = (holder: string) => Problem;

/**
 * The database unique indexes (see database/migrations) that settle concurrent writes, and the
 * field error each one becomes. Without this a lost race would surface as a 500.
 */
export const UNIQUE_INDEXES: { index: string; column: string; field: string; taken: Taken }[] = [
  {
    index: 'caladeo_contacts_email_ci_unique',
    column: 'caladeo_contacts.email',
    field: 'email',
    taken: (documentId) => problem('email.taken', { documentId }),
  },
  {
    index: 'offers_reference_unique',
    column: 'offers.reference',
    field: 'reference',
    taken: () => problem('offerReference.taken'),
  },
  {
    index: 'caladeo_client_contacts_primary_unique',
    column: 'caladeo_client_contacts.primary_of',
    field: 'isPrimary',
    taken: () => problem('link.primaryRace'),
  },
  {
    index: 'caladeo_offer_contacts_primary_unique',
    column: 'caladeo_offer_contacts.primary_of',
    field: 'isPrimary',
    taken: () => problem('link.primaryRace'),
  },
  {
    index: 'caladeo_client_contacts_pair_unique',
    column: 'caladeo_client_contacts.pair_key',
    field: 'role',
    taken: () => problem('link.roleTaken', { target: 'client' }),
  },
  {
    index: 'caladeo_offer_contacts_pair_unique',
    column: 'caladeo_offer_contacts.pair_key',
    field: 'role',
    taken: () => problem('link.roleTaken', { target: 'offer' }),
  },
];

/**
 * The contact that won the race for an e-mail, read outside the write's transaction (on
 * PostgreSQL that transaction is aborted by the violation); '' if it is not visible yet.
 */
const emailHolder = async (strapi: Core.Strapi, data: unknown) => {
  const email = (data as { email?: unknown } | null)?.email;
  if (typeof email !== 'string') return '';
  const table = strapi.getModel(UID.contact).collectionName as string;
  const row = (await strapi.db.connection(table).select('document_id').where({ email }).first()) as
    | { document_id: string }
    | undefined;
  return row?.document_id ?? '';
};

/**
 * The field of Strapi's own check of an attribute marked `unique`, which runs after our rule and
 * can see a row a concurrent write committed in between: the same lost race, said otherwise.
 */
const fieldStrapiFoundTaken = (error: unknown) => {
  if (!(error instanceof errors.ValidationError)) return null;
  const details = error.details as { errors?: { path?: unknown[]; message?: unknown }[] } | undefined;
  const taken = details?.errors?.find(
    (entry) => entry.message === 'This attribute must be unique' && entry.path?.length === 1
  );
  return taken?.path ? String(taken.path[0]) : null;
};

/**
 * Maps a PostgreSQL (23505) or SQLite unique violation on one of our indexes, or Strapi's own
 * unique check lost to a concurrent write, to our field error.
 */
export const translateUniqueViolation = async (strapi: Core.Strapi, error: unknown, data: unknown) => {
  const takenField = fieldStrapiFoundTaken(error);
  const checked = takenField === null ? undefined : UNIQUE_INDEXES.find(({ field }) => field === takenField);
  if (checked) {
    const holder = checked.field === 'email' ? await emailHolder(strapi, data) : '';
    return singleFieldError(checked.field, checked.taken(holder));
  }
  if (!isUniqueViolation(error)) return null;
  const { constraint, message } = error;
  const text = typeof message === 'string' ? message : '';
  const match = UNIQUE_INDEXES.find(
    ({ index, column }) => constraint === index || text.includes(index) || text.includes(column)
  );
  if (!match) return null;
  const holder = match.field === 'email' ? await emailHolder(strapi, data) : '';
  return singleFieldError(match.field, match.taken(holder));
};
