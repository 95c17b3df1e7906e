import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PLUGIN_ID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { superAdminToken } from '../helpers/admin';
import { CONTACTS, restClient } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

/**
 * Content-API tokens are remembered a few seconds by the node that looked them up
 * (API_TOKEN_CACHE_MS), and forgotten at once when an admin changes or revokes one.
 */
const app = useStrapi();
const SETTINGS_KEY = `plugin::${PLUGIN_ID}.api`;

let defaults: Record<string, unknown>;
let adminToken: string;

beforeAll(async () => {
  defaults = app.strapi.config.get(SETTINGS_KEY) as Record<string, unknown>;
  adminToken = await superAdminToken(app);
});

afterEach(() => {
  app.strapi.config.set(SETTINGS_KEY, defaults);
});

/** A content-API token made as an admin makes one in Settings → API tokens. */
const tokenFromAdmin = async (type: 'read-only' | 'full-access') => {
  const response = await request(app.baseUrl)
    .post('/admin/api-tokens')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ name: `lookups-${type}-${Date.now()}-${Math.random()}`, type, lifespan: null });
  expect(response.status).toBe(201);
  return response.body.data as { id: number; accessKey: string };
};

const adminRequest = (method: 'put' | 'delete', path: string) =>
  request(app.baseUrl)[method](path).set('Authorization', `Bearer ${adminToken}`);

/** The statements a request made that read API tokens. */
const tokenReadsDuring = async (send: () => Promise<unknown>) => {
  const statements: string[] = [];
  const listener = (query: { sql: string }) => {
    if (query.sql.includes('strapi_api_tokens')) statements.push(query.sql);
  };
  app.strapi.db.connection.on('query', listener);
  try {
    await send();
  } finally {
    app.strapi.db.connection.off('query', listener);
  }
  return statements;
};

describe('API token lookups', () => {
  it('reads a token from the database once, not at each request', async () => {
    const token = await tokenFromAdmin('read-only');
    const reader = restClient(app, token.accessKey);
    // the first request stamps the token's last use, a write that makes the node forget it
    expect((await reader.get(CONTACTS)).status).toBe(200);
    expect((await reader.get(CONTACTS)).status).toBe(200);
    expect(await tokenReadsDuring(async () => expect((await reader.get(CONTACTS)).status).toBe(200))).toEqual(
      []
    );

    // with the memory off, each request reads its token again, as stock Strapi does
    app.strapi.config.set(SETTINGS_KEY, { ...defaults, tokenCacheMs: 0 });
    const reads = await tokenReadsDuring(async () => expect((await reader.get(CONTACTS)).status).toBe(200));
    expect(reads.length).toBeGreaterThan(0);
  });

  it('refuses a revoked token at its very next request', async () => {
    const token = await tokenFromAdmin('read-only');
    const reader = restClient(app, token.accessKey);
    expect((await reader.get(CONTACTS)).status).toBe(200);
    expect((await reader.get(CONTACTS)).status).toBe(200);
    expect((await adminRequest('delete', `/admin/api-tokens/${token.id}`)).status).toBe(200);
    const refused = await reader.get(CONTACTS);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
  });

  it('applies a token made read-only at its very next write', async () => {
    const token = await tokenFromAdmin('full-access');
    const writer = restClient(app, token.accessKey);
    const created = await writer.post(CONTACTS, {
      lastName: 'Lookup',
      email: `lookup-${Date.now()}@example.test`,
    });
    expect(created.status).toBe(201);
    const changed = await adminRequest('put', `/admin/api-tokens/${token.id}`).send({ type: 'read-only' });
    expect(changed.status).toBe(200);
    const refused = await writer.post(CONTACTS, {
      lastName: 'Lookup',
      email: `lookup-${Date.now()}-2@example.test`,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
    expect((await writer.get(CONTACTS)).status).toBe(200);
  });

  it('looks an unknown key up each time and refuses it each time', async () => {
    const stranger = restClient(app, 'not-a-token-of-this-agency');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const reads = await tokenReadsDuring(async () =>
        expect((await stranger.get(CONTACTS)).status).toBe(401)
      );
      expect(reads.length).toBeGreaterThan(0);
    }
  });
});
