import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PLUGIN_ID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import { holdContactReads, readsWaitingOnDatabase } from '../helpers/held-database';
import { CONTACTS, restClient, type RestClient } from '../helpers/http';
import { createContact } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

/**
 * Read slots per caller (API_READS_PER_CALLER, API_QUEUED_READS_PER_CALLER): one caller's many
 * reads wait their turn or are refused, and never take the others' share. Reads are kept in flight
 * by holding the contacts on the database (helpers/held-database.ts), not by hoping they are slow.
 */
const app = useStrapi();
const SETTINGS_KEY = `plugin::${PLUGIN_ID}.api`;

type Settings = { readsPerCaller: number; queuedReadsPerCaller: number };
let defaults: Settings & Record<string, unknown>;
let readerToken: string;
let reader: RestClient;
let other: RestClient;
let writer: RestClient;
let held: { release: () => Promise<void> } | null = null;

const setSlots = (slots: Settings) => app.strapi.config.set(SETTINGS_KEY, { ...defaults, ...slots });

/** Starts a request now (supertest sends on `then`) and keeps its answer. */
const send = (test: request.Test) => Promise.resolve(test);

const BUSY_ERROR = {
  path: ['query'],
  name: 'RateLimitError',
  code: 'query.busy',
  values: { max: 1 },
  message:
    'query has 1 reads of yours already running and as many waiting as allowed: wait for them, then try again',
};

beforeAll(async () => {
  defaults = app.strapi.config.get(SETTINGS_KEY);
  readerToken = await createApiToken(app.strapi, 'read-only');
  reader = restClient(app, readerToken);
  other = restClient(app, await createApiToken(app.strapi, 'read-only'));
  writer = restClient(app, await createApiToken(app.strapi, 'full-access'));
  await createContact(app.strapi, { firstName: 'Anne', lastName: 'Rivière' });
});

afterEach(async () => {
  await held?.release();
  held = null;
  app.strapi.config.set(SETTINGS_KEY, defaults);
});

describe('read slots per caller', () => {
  it('allows 4 reads of one caller at once and 50 more waiting unless set', () => {
    expect([defaults.readsPerCaller, defaults.queuedReadsPerCaller]).toEqual([4, 50]);
  });

  it('queues a caller’s read past its slots, refuses the next with a 429 naming the limit, then serves the queued one', async () => {
    setSlots({ readsPerCaller: 1, queuedReadsPerCaller: 1 });
    held = await holdContactReads(app);
    const running = send(reader.get(CONTACTS));
    await readsWaitingOnDatabase(app, 1);
    const later = [send(reader.get(CONTACTS)), send(reader.get(`${CONTACTS}?q=riviere`))];
    // the one refused answers at once; the queued one cannot before the running one ends
    const refused = await Promise.race(later);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.error.name).toBe('RateLimitError');
    expect(refused.body.error.details.errors).toEqual([BUSY_ERROR]);
    await held.release();
    held = null;
    const answers = await Promise.all([running, ...later]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
    const served = answers.find((answer, index) => index > 0 && answer.status === 200);
    expect(served?.body.data).toEqual(expect.any(Array));
  });

  it('leaves another caller’s reads, and the same caller’s writes, out of a full caller’s slots', async () => {
    setSlots({ readsPerCaller: 1, queuedReadsPerCaller: 0 });
    held = await holdContactReads(app);
    const running = send(reader.get(CONTACTS));
    await readsWaitingOnDatabase(app, 1);
    const refused = await send(reader.get(CONTACTS));
    expect(refused.status).toBe(429);
    // another token's read is let in: it too waits on the database, it is not refused
    const othersRead = send(other.get(CONTACTS));
    await readsWaitingOnDatabase(app, 2);
    const write = send(writer.post(CONTACTS, { firstName: 'Bruno', lastName: 'Caron' }));
    await held.release();
    held = null;
    expect((await running).status).toBe(200);
    expect((await othersRead).status).toBe(200);
    expect((await write).status).toBe(201);
  });

  it('refuses a GraphQL query past the slots with a 429 in GraphQL’s errors', async () => {
    setSlots({ readsPerCaller: 1, queuedReadsPerCaller: 0 });
    held = await holdContactReads(app);
    const graphql = () =>
      send(
        request(app.baseUrl)
          .post('/graphql')
          .set('Authorization', `Bearer ${readerToken}`)
          .send({ query: '{ caladeoContactsContacts { documentId } }' })
      );
    const running = graphql();
    await readsWaitingOnDatabase(app, 1);
    const refused = await graphql();
    expect(refused.status).toBe(429);
    expect(refused.body.errors).toEqual([
      {
        message: BUSY_ERROR.message,
        extensions: {
          error: { name: 'RateLimitError', message: BUSY_ERROR.message, details: { errors: [BUSY_ERROR] } },
        },
      },
    ]);
    await held.release();
    held = null;
    expect((await running).status).toBe(200);
  });
});
