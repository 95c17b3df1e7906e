import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';

import { createApiToken } from '../helpers/auth';
import { MISTYPED_OPERATIONS, SUGGESTION } from '../helpers/graphql';
import { useStrapi } from '../helpers/strapi';

// production refuses to start with the development secrets (src/config/secrets.ts)
const PRODUCTION = {
  NODE_ENV: 'production',
  APP_KEYS: 'test-app-key-a,test-app-key-b',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  API_TOKEN_SALT: 'test-api-token-salt',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key',
  JWT_SECRET: 'test-jwt-secret',
  NEWSLETTER_SECRET: 'test-newsletter-secret',
  PRIVACY_SECRET: 'test-privacy-secret',
  // mails stay in memory rather than going to an SMTP server
  EMAIL_PROVIDER: 'capture',
};

const app = useStrapi({ env: PRODUCTION });
let token: string;

beforeAll(async () => {
  token = await createApiToken(app.strapi, 'read-only');
});

describe('GraphQL in production', () => {
  it('serves no landing page to a browser, signed in or not', async () => {
    for (const credential of [undefined, token]) {
      const call = request(app.baseUrl).get('/graphql').set('Accept', 'text/html');
      const response = await (credential ? call.set('Authorization', `Bearer ${credential}`) : call);
      expect(response.headers['content-type'] ?? '').not.toMatch(/text\/html/);
      expect(response.text).not.toMatch(/<html/i);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });

  it('refuses introspection', async () => {
    const response = await request(app.baseUrl)
      .post('/graphql')
      .set('Authorization', `Bearer ${token}`)
      .send({ query: '{ __schema { queryType { name } } }' });
    expect(response.body.errors[0].message).toMatch(/introspection/i);
  });

  // the same operations get suggestions outside production (graphql.test.ts)
  it.each(MISTYPED_OPERATIONS.map((operation) => [operation.name, operation] as const))(
    'names nothing of the schema the caller did not for %s',
    async (_name, { query, variables, suggested }) => {
      const response = await request(app.baseUrl)
        .post('/graphql')
        .set('Authorization', `Bearer ${token}`)
        .send({ query, variables });
      expect(response.status).toBe(400);
      const errors = response.body.errors as { message: string }[];
      expect(errors.length).toBeGreaterThan(0);
      for (const { message } of errors) {
        expect(message).not.toMatch(SUGGESTION);
        expect(message).not.toContain(`"${suggested}"`);
      }
    }
  );

  it('still answers queries', async () => {
    const response = await request(app.baseUrl)
      .post('/graphql')
      .set('Authorization', `Bearer ${token}`)
      .send({ query: '{ caladeoContactsContacts { documentId } }' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { caladeoContactsContacts: [] } });
  });
});
