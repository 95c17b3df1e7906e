import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PLUGIN_ID, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import { CONTACTS, restClient, type ErrorEnvelope, type RestClient } from '../helpers/http';
import { createContact } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';
import { graphqlRefusal, lockContactsFor } from '../helpers/timeouts';

/**
 * The time limit of one content-API read in all (API_REQUEST_TIMEOUT_MS), on top of the limit of
 * each statement. Slowness is made, not hoped for: every statement is held a fixed time before it
 * leaves (a synchronous wait on knex's `query` event), or on PostgreSQL the table is locked, so
 * the limit is passed on every machine alike.
 */
const app = useStrapi();
const SETTINGS_KEY = `plugin::${PLUGIN_ID}.api`;
const REQUEST_LIMIT_MS = 200;
/** Each statement held this long: three of them pass the limit. */
const STATEMENT_DELAY_MS = 80;
const LOCK_MS = 1500;

let reader: RestClient;
let readerToken: string;
let anne: string;
let defaults: { readTimeoutMs: number; requestTimeoutMs: number };

const onPostgres = () => app.strapi.db.dialect.client === 'postgres';
const setLimits = (limits: Partial<typeof defaults>) =>
  app.strapi.config.set(SETTINGS_KEY, { ...defaults, ...limits });

/** Holds each statement (or each one whose SQL `only` matches) `delayMs` before it leaves. */
const holdEveryStatement = ({
  only,
  delayMs = STATEMENT_DELAY_MS,
}: { only?: RegExp; delayMs?: number } = {}) => {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const hold = (query: { sql?: string }) => {
    if (!only || only.test(query.sql ?? '')) Atomics.wait(cell, 0, 0, delayMs);
  };
  app.strapi.db.connection.on('query', hold);
  return () => app.strapi.db.connection.removeListener('query', hold);
};
let release: (() => unknown) | null = null;

const graphql = (query: string) =>
  request(app.baseUrl).post('/graphql').set('Authorization', `Bearer ${readerToken}`).send({ query });

const EXPECTED_ERROR = {
  path: ['query'],
  name: 'ValidationError',
  code: 'query.timeout',
  values: { max: REQUEST_LIMIT_MS },
  message: `query took the database longer than ${REQUEST_LIMIT_MS} ms to read: ask for less (narrower filters, a smaller page, fewer relations)`,
};
const fieldErrors = (body: ErrorEnvelope) => body.error.details?.errors ?? [];

beforeAll(async () => {
  defaults = app.strapi.config.get(SETTINGS_KEY);
  readerToken = await createApiToken(app.strapi, 'read-only');
  reader = restClient(app, readerToken);
  anne = await createContact(app.strapi, { firstName: 'Anne', lastName: 'Rivière' });
});

afterEach(() => {
  release?.();
  release = null;
  setLimits({});
});

describe('a time limit on each content-API read in all', () => {
  it('defaults to 15 s and serves an ordinary read under it', async () => {
    expect(defaults.requestTimeoutMs).toBe(15_000);
    const served = await reader.get(`${CONTACTS}/${anne}`);
    expect(served.status).toBe(200);
  });

  it('refuses a REST read whose statements add up past the limit, in Strapi’s envelope', async () => {
    setLimits({ requestTimeoutMs: REQUEST_LIMIT_MS });
    release = holdEveryStatement();
    const refused = await reader.get(`${CONTACTS}?q=riviere`);
    release();
    release = null;
    expect([refused.status, fieldErrors(refused.body)]).toEqual([400, [EXPECTED_ERROR]]);
    expect(refused.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    // the same read, statements no longer held, is served
    expect((await reader.get(`${CONTACTS}?q=riviere`)).status).toBe(200);
  });

  it('refuses 20 aliased GraphQL lists past the limit as a whole, in GraphQL’s errors', async () => {
    setLimits({ requestTimeoutMs: REQUEST_LIMIT_MS });
    const lists = Array.from(
      { length: 20 },
      (_, index) => `l${index}: caladeoContactsContacts { documentId }`
    );
    release = holdEveryStatement();
    const refused = await graphql(`{ ${lists.join(' ')} }`);
    release();
    release = null;
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual(graphqlRefusal(EXPECTED_ERROR));
    const served = await graphql(`{ ${lists.slice(0, 2).join(' ')} }`);
    expect([served.status, served.body.errors]).toEqual([200, undefined]);
  });

  it('on PostgreSQL cancels the statement running at the deadline, under a longer statement limit', async () => {
    if (!onPostgres()) return;
    setLimits({ readTimeoutMs: 10_000, requestTimeoutMs: REQUEST_LIMIT_MS });
    const lock = await lockContactsFor(app, LOCK_MS);
    const refused = await reader.get(CONTACTS);
    const lockStillHeld = lock.held();
    await lock.released;
    expect([refused.status, fieldErrors(refused.body)]).toEqual([400, [EXPECTED_ERROR]]);
    // cancelled by the deadline, not served once the lock went
    expect(lockStillHeld).toBe(true);
  });

  it('lets a streamed export run past the limit: its batches are read once the reply has started', async () => {
    // more subscribers than one batch of the export (1,000): the second batch starts past the limit
    const subscribers = Array.from({ length: 1_200 }, (_, index) => ({
      documentId: `exportlimit${String(index).padStart(13, '0')}`,
      lastName: `Export ${index}`,
      email: `abonne${index}.export-limit@example.fr`,
      newsletter: true,
    }));
    for (let from = 0; from < subscribers.length; from += 400)
      await app.strapi.db.query(UID.contact).createMany({ data: subscribers.slice(from, from + 400) });
    const exporter = await createApiToken(app.strapi, 'custom', [
      `plugin::${PLUGIN_ID}.newsletter.exportSubscribers`,
    ]);
    setLimits({ requestTimeoutMs: REQUEST_LIMIT_MS });
    // the export's reads of the contacts table are held, each past the limit: were they under it,
    // the second batch would be refused (as the statements of a list are, in the tests above)
    release = holdEveryStatement({ only: /from [`"]caladeo_contacts[`"]/i, delayMs: REQUEST_LIMIT_MS * 1.1 });
    const exported = await request(app.baseUrl)
      .get('/api/caladeo-contacts/newsletter/subscribers/export')
      .set('Authorization', `Bearer ${exporter}`);
    release();
    release = null;
    expect(exported.status).toBe(200);
    const exportedEmails = new Set(exported.text.match(/abonne\d+\.export-limit@example\.fr/g));
    expect(exportedEmails).toEqual(new Set(subscribers.map((subscriber) => subscriber.email)));
  });

  it('takes 0 as no limit', async () => {
    setLimits({ requestTimeoutMs: 0 });
    release = holdEveryStatement();
    const served = await reader.get(`${CONTACTS}/${anne}`);
    release();
    release = null;
    expect(served.status).toBe(200);
  });
});
