import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { adminClient, superAdminToken, type AdminClient } from '../helpers/admin';
import { createApiToken } from '../helpers/auth';
import { CONTACTS, restClient, type ErrorEnvelope, type RestClient } from '../helpers/http';
import { EXPORT, parseCsv } from '../helpers/newsletter';
import { createContact } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';
import { graphqlRefusal, lockContactsFor } from '../helpers/timeouts';

/** Small, so that a statement waiting on a lock passes it quickly; a real read here takes a few ms. */
const READ_TIMEOUT_MS = 300;
/** How long a lock holds the contacts: long past the limit, so that waiting through it is seen. */
const LOCK_MS = 1500;

const app = useStrapi({ env: { API_READ_TIMEOUT_MS: String(READ_TIMEOUT_MS) } });
let api: RestClient;
let reader: RestClient;
let fullToken: string;
let admin: AdminClient;
let anne: string;

const onPostgres = () => app.strapi.db.dialect.client === 'postgres';

const timed = async <T>(work: () => PromiseLike<T>) => {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
};

const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  request(app.baseUrl)
    .post('/graphql')
    .set('Authorization', `Bearer ${fullToken}`)
    .send({ query, variables });

const LIST_QUERY = '{ caladeoContactsContacts { documentId } }';

/** The one field error of a refused read. */
const timeoutError = (body: ErrorEnvelope) => body.error.details?.errors ?? [];
const EXPECTED_ERROR = {
  path: ['query'],
  name: 'ValidationError',
  code: 'query.timeout',
  values: { max: READ_TIMEOUT_MS },
  message: `query took the database longer than ${READ_TIMEOUT_MS} ms to read: ask for less (narrower filters, a smaller page, fewer relations)`,
};

beforeAll(async () => {
  fullToken = await createApiToken(app.strapi, 'full-access');
  api = restClient(app, fullToken);
  reader = restClient(app, await createApiToken(app.strapi, 'read-only'));
  admin = adminClient(app, await superAdminToken(app));
  anne = await createContact(app.strapi, { firstName: 'Anne', lastName: 'Rivière' });
});

describe('a statement timeout on content-API reads', () => {
  it('refuses a REST read held past the limit with a 400 naming it, Strapi’s list and the search alike', async () => {
    for (const path of [CONTACTS, `${CONTACTS}?q=riviere`, `${CONTACTS}/${anne}?populate=clientLinks`]) {
      if (onPostgres()) {
        const { released } = await lockContactsFor(app, LOCK_MS);
        const { result: refused, ms } = await timed(() => reader.get(path));
        await released;
        expect([path, refused.status, timeoutError(refused.body)]).toEqual([path, 400, [EXPECTED_ERROR]]);
        expect(refused.body.error.name).toBe('ValidationError');
        // cancelled at the limit, not served once the lock went
        expect(ms).toBeLessThan(LOCK_MS);
      }
      // SQLite has no statement timeout; on both, the same read is served once the table is free
      const served = await reader.get(path);
      expect([path, served.status]).toEqual([path, 200]);
    }
  });

  it('refuses a GraphQL query held past the limit with a 400 in GraphQL’s errors', async () => {
    if (onPostgres()) {
      const { released } = await lockContactsFor(app, LOCK_MS);
      const refused = await graphql(LIST_QUERY);
      await released;
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual(graphqlRefusal(EXPECTED_ERROR));
    }
    const served = await graphql(LIST_QUERY);
    expect([served.status, served.body.errors]).toEqual([200, undefined]);
    expect(served.body.data.caladeoContactsContacts).toContainEqual({ documentId: anne });
  });

  it('lets writes, GraphQL mutations and the admin’s reads wait on the database past the limit', async () => {
    const lock = onPostgres() ? await lockContactsFor(app, LOCK_MS) : null;
    const [created, mutated, adminList] = await Promise.all([
      timed(() =>
        api.post(CONTACTS, { firstName: 'Bruno', lastName: 'Morel', email: 'bruno.morel@example.fr' })
      ),
      timed(() =>
        graphql(
          `
            mutation Move($id: ID!) {
              updateCaladeoContactsContact(documentId: $id, data: { city: "Nantes" }) {
                city
              }
            }
          `,
          { id: anne }
        )
      ),
      timed(() => admin.get('/contacts?order=name')),
    ]);
    await lock?.released;
    expect(created.result.status).toBe(201);
    expect([mutated.result.status, mutated.result.body.errors]).toEqual([200, undefined]);
    expect(mutated.result.body.data.updateCaladeoContactsContact).toEqual({ city: 'Nantes' });
    expect(adminList.result.status).toBe(200);
    if (lock) {
      // each of them waited for the lock, far past the reads' limit, and was not cancelled
      for (const { ms } of [created, mutated, adminList]) expect(ms).toBeGreaterThan(READ_TIMEOUT_MS * 3);
    }
  });

  it('leaves no limit on the pooled connections after a read was cancelled', async () => {
    if (onPostgres()) {
      const { released } = await lockContactsFor(app, LOCK_MS);
      expect((await reader.get(CONTACTS)).status).toBe(400);
      await released;
      // as many statements at once as the pool has connections: the cancelled read's one among them
      const poolSize = app.strapi.config.get<number>('database.connection.pool.max', 10);
      const settings = await Promise.all(
        Array.from({ length: poolSize }, () =>
          app.strapi.db.connection
            .raw(`SELECT current_setting('statement_timeout') AS timeout, pg_sleep(?)`, [
              (READ_TIMEOUT_MS * 2) / 1000,
            ])
            .then((result: { rows: { timeout: string }[] }) => result.rows[0]?.timeout)
        )
      );
      // each ran twice the limit without being cancelled, and none holds the read's setting
      expect(settings).toHaveLength(poolSize);
      expect(settings).not.toContain(`${READ_TIMEOUT_MS}ms`);
    }
    const served = await reader.get(`${CONTACTS}?filters[lastName][$eq]=Rivière`);
    expect(served.status).toBe(200);
    expect(served.body.data.map((contact: { documentId: string }) => contact.documentId)).toEqual([anne]);
  });

  it('streams the subscribers’ CSV, whose batches are read after the request', async () => {
    const created = await api.post(CONTACTS, {
      lastName: 'Abonnée',
      email: 'abonnee@example.fr',
      newsletter: true,
    });
    expect(created.status).toBe(201);
    const response = await api.get(EXPORT);
    expect(response.status).toBe(200);
    expect(parseCsv(response.text).map((row) => row.email)).toContain('abonnee@example.fr');
  });
});
