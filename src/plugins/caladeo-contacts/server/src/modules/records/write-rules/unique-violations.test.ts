import { describe, expect, it } from '@jest/globals';
import type { Core } from '@strapi/strapi';
import { translateUniqueViolation } from './unique-violations';

/** Only the e-mail index reads the database; the link indexes never touch `strapi`. */
const strapi = {} as Core.Strapi;

const detailsOf = (error: unknown) =>
  (error as { details?: { errors?: { path: string[]; code?: string; values?: unknown }[] } } | null)?.details
    ?.errors;

describe('translateUniqueViolation', () => {
  it.each([
    ['caladeo_client_contacts_pair_unique', 'client'],
    ['caladeo_offer_contacts_pair_unique', 'offer'],
  ])('turns a PostgreSQL violation of %s into link.roleTaken on the role', async (constraint, target) => {
    const error = await translateUniqueViolation(
      strapi,
      { code: '23505', constraint, message: 'duplicate key' },
      {}
    );
    expect(detailsOf(error)).toEqual([
      expect.objectContaining({ path: ['role'], code: 'link.roleTaken', values: { target } }),
    ]);
  });

  it.each([
    ['caladeo_client_contacts.pair_key', 'client'],
    ['caladeo_offer_contacts.pair_key', 'offer'],
  ])('turns a SQLite violation of %s into link.roleTaken on the role', async (column, target) => {
    const error = await translateUniqueViolation(
      strapi,
      { code: 'SQLITE_CONSTRAINT_UNIQUE', message: `UNIQUE constraint failed: ${column}` },
      {}
    );
    expect(detailsOf(error)).toEqual([
      expect.objectContaining({ path: ['role'], code: 'link.roleTaken', values: { target } }),
    ]);
  });

  it('leaves an unknown violation alone', async () => {
    expect(
      await translateUniqueViolation(strapi, { code: '23505', constraint: 'other_unique', message: '' }, {})
    ).toBeNull();
  });
});
