import type { TestStrapi } from './strapi';

/**
 * Holds an exclusive lock on the contacts table from another connection until `until` settles, as a
 * long write or a migration would: any statement on the table waits for it, so a read that needs
 * the table runs as long as the lock lasts, on every machine alike. PostgreSQL only. Resolves once
 * the lock is taken; `released` once it is let go, `held()` says whether it still is.
 */
export const lockContactsUntil = async (app: TestStrapi, until: Promise<unknown>) => {
  const lock = await app.strapi.db.connection.transaction();
  const schema = app.strapi.db.getSchemaName();
  await lock.raw('LOCK TABLE ?? IN ACCESS EXCLUSIVE MODE', [
    schema ? `${schema}.caladeo_contacts` : 'caladeo_contacts',
  ]);
  const released = until.then(() => lock.commit());
  return { released, held: () => !lock.isCompleted() };
};

/** The same lock, held for `ms`. */
export const lockContactsFor = (app: TestStrapi, ms: number) =>
  lockContactsUntil(app, new Promise<void>((resolve) => setTimeout(resolve, ms)));

/** The `errors` of a GraphQL read refused with one field error, as REST gives it in `details`. */
export const graphqlRefusal = (error: { message: string }) => [
  {
    message: error.message,
    extensions: {
      code: 'BAD_USER_INPUT',
      error: { name: 'ValidationError', message: error.message, details: { errors: [error] } },
    },
  },
];
