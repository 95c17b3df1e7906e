import fs from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { documentedRoutes } from '../../src/plugins/caladeo-contacts/server/src/modules/api-docs';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { APP_DIR } from '../helpers/database';
import { CONTACTS, OFFERS, restClient, type RestClient } from '../helpers/http';
import { GENEROUS_LIMITS, processSignUps, signUp } from '../helpers/newsletter';
import { createOfferWithTravellers, linkToClient } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

/**
 * docs/openapi.json is the contract external developers code against: who may read it, and the
 * API's real answers checked against its schemas, so that a field renamed, retyped, added or
 * dropped on either side fails here.
 */

const app = useStrapi({ env: GENEROUS_LIMITS });
const API_DOCUMENT = '/api/caladeo-contacts/openapi.json';
const READ_ACTION = 'plugin::caladeo-contacts.api-docs.find';

type Json = Record<string, unknown>;
type Operation = { responses: Record<string, Json> };
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
};

const committed = JSON.parse(
  fs.readFileSync(path.join(APP_DIR, 'docs', 'openapi.json'), 'utf8')
) as OpenApiDocument;

let api: RestClient;

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

describe('who may read the API document', () => {
  it('refuses an anonymous caller and an invalid token', async () => {
    const anonymous = await request(app.baseUrl).get(API_DOCUMENT);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
    expect((await restClient(app, 'not-a-real-token').get(API_DOCUMENT)).status).toBe(401);
  });

  it.each(['full-access', 'read-only'] as const)(
    'gives a %s API token the committed document',
    async (type) => {
      const response = await restClient(app, await createApiToken(app.strapi, type)).get(API_DOCUMENT);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(committed);
    }
  );

  it('lets a custom API token in only with the action', async () => {
    const allowed = await createApiToken(app.strapi, 'custom', [READ_ACTION]);
    const other = await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact.find']);
    expect((await restClient(app, allowed).get(API_DOCUMENT)).status).toBe(200);
    expect((await restClient(app, other).get(API_DOCUMENT)).status).toBe(403);
  });

  it('lets a users-permissions user in only when their role holds the action', async () => {
    const allowed = await createUserWithActions(app.strapi, [READ_ACTION]);
    const other = await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.find']);
    expect((await restClient(app, allowed).get(API_DOCUMENT)).status).toBe(200);
    expect((await restClient(app, other).get(API_DOCUMENT)).status).toBe(403);
  });
});

describe('the document covers the API', () => {
  it('has one operation for each content-API route of the plugin and of the offers, and no other', () => {
    const routes = documentedRoutes(app.strapi).map(
      (route) => `${route.method} ${route.path.replace(/:([^/]+)/g, '{$1}')}`
    );
    const operations = Object.entries(committed.paths).flatMap(([template, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${template}`)
    );
    expect(operations.sort()).toEqual(routes.sort());
  });
});

// The document's schemas are JSON Schema 2020-12 (OpenAPI 3.1); its components are reached as one
// schema of their own, the document's `#/components/schemas/…` references pointing into it.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const COMPONENTS_ID = 'https://caladeo.test/components';
const pointingAtComponents = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`)
  ) as unknown;
ajv.addSchema({ $id: COMPONENTS_ID, $defs: pointingAtComponents(committed.components.schemas) as Json });

/** The documented answer of a route at a status, its own or a shared one (`components.responses`). */
const documentedAnswer = (method: string, template: string, status: number): Json => {
  const answer = committed.paths[template]?.[method]?.responses[String(status)];
  if (!answer) throw new Error(`the document gives ${method.toUpperCase()} ${template} no ${status} answer`);
  const ref = answer.$ref as string | undefined;
  return ref ? committed.components.responses[ref.split('/').pop() as string] : answer;
};

/**
 * Checks that a real answer is one the document gives for this route: its status is documented,
 * and its JSON body is valid against that status's schema.
 */
const expectDocumented = (
  method: 'get' | 'post' | 'put' | 'delete',
  template: string,
  response: { status: number; body: unknown; type: string }
) => {
  const answer = documentedAnswer(method, template, response.status);
  const content = answer.content as Record<string, { schema: Json }> | undefined;
  if (!content) {
    expect(response.body).toEqual({});
    return;
  }
  const json = content['application/json'];
  expect(json).toBeDefined();
  expect(response.type).toBe('application/json');
  const validate = ajv.compile(pointingAtComponents(json.schema) as Json);
  const valid = validate(response.body);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
};

describe('the API answers as the document says', () => {
  const CONTACT = '/api/caladeo-contacts/contacts/{id}';
  let contactId: string;
  let offerId: string;

  beforeAll(async () => {
    const created = await createOfferWithTravellers(app.strapi, 2);
    offerId = created.offer;
    contactId = created.primary;
    await linkToClient(app.strapi, created.payer, created.client, 'payeur');
  });

  it('lists contacts, page by page and by search', async () => {
    const page = await api.get(`${CONTACTS}?pagination[pageSize]=2`);
    expect(page.status).toBe(200);
    expect(page.body.data).toHaveLength(2);
    expectDocumented('get', '/api/caladeo-contacts/contacts', page);

    const search = await api.get(`${CONTACTS}?q=dupont`);
    expect(search.status).toBe(200);
    expect(search.body.meta.pagination).toHaveProperty('nextCursor');
    expectDocumented('get', '/api/caladeo-contacts/contacts', search);

    const withoutTotal = await api.get(`${CONTACTS}?q=dupont&pagination[withCount]=false`);
    expect(withoutTotal.status).toBe(200);
    expect(withoutTotal.body.meta.pagination).not.toHaveProperty('total');
    expectDocumented('get', '/api/caladeo-contacts/contacts', withoutTotal);

    const count = await api.get(`${CONTACTS}/count?q=dupont`);
    expect(count.body).toEqual({ total: search.body.meta.pagination.total, totalIsExact: true });
    expectDocumented('get', '/api/caladeo-contacts/contacts/count', count);
  });

  it('gets a contact with its clients, offers and consent log populated', async () => {
    const response = await api.get(
      `${CONTACTS}/${contactId}?populate[clientLinks][populate]=client&populate[offerLinks][populate]=offer&populate[consentEvents]=true`
    );
    expect(response.status).toBe(200);
    expectDocumented('get', CONTACT, response);

    const populated = await api.get(`${CONTACTS}/${contactId}?populate=*`);
    expect(populated.body.data.offerLinks.length).toBeGreaterThan(0);
    expectDocumented('get', CONTACT, populated);
  });

  it('creates a contact, and refuses an invalid one with every field named', async () => {
    const created = await api.post(CONTACTS, {
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      email: 'Helene.Lefevre@Example.fr',
      phone: '06 12 34 56 78',
      country: 'France',
      postalCode: '33000',
      city: 'Bordeaux',
    });
    expect(created.status).toBe(201);
    expectDocumented('post', '/api/caladeo-contacts/contacts', created);

    const refused = await api.post(CONTACTS, { email: 'not-an-address', phone: 'x', gender: 'robot' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.length).toBeGreaterThan(1);
    expectDocumented('post', '/api/caladeo-contacts/contacts', refused);

    const removed = await api.delete(`${CONTACTS}/${created.body.data.documentId}`);
    expect(removed.status).toBe(204);
    expectDocumented('delete', CONTACT, removed);
  });

  it('answers an unknown documentId, a bad query and a missing credential in Strapi’s envelope', async () => {
    const missing = await api.get(`${CONTACTS}/doesnotexist`);
    expect(missing.status).toBe(404);
    expectDocumented('get', CONTACT, missing);

    const badQuery = await api.get(`${CONTACTS}?filters[searchText][$eq]=x`);
    expect(badQuery.status).toBe(400);
    expectDocumented('get', '/api/caladeo-contacts/contacts', badQuery);

    const anonymous = await request(app.baseUrl).get(CONTACTS);
    expect(anonymous.status).toBe(403);
    expectDocumented('get', '/api/caladeo-contacts/contacts', anonymous);
  });

  it('accepts a newsletter sign-up with 202, and refuses an unknown field with 400', async () => {
    const accepted = await signUp(app, { email: 'lecteur@example.fr', firstName: 'Louise', locale: 'fr-FR' });
    expect(accepted.status).toBe(202);
    expectDocumented('post', '/api/caladeo-contacts/newsletter/subscriptions', accepted);
    await processSignUps(app);

    const refused = await signUp(app, { email: 'lecteur@example.fr', newsletter: true });
    expect(refused.status).toBe(400);
    expectDocumented('post', '/api/caladeo-contacts/newsletter/subscriptions', refused);

    const events = await api.get('/api/caladeo-contacts/consent-events?populate=contact');
    expect(events.body.data.length).toBeGreaterThan(0);
    expectDocumented('get', '/api/caladeo-contacts/consent-events', events);
  });

  it('lists offers with their client and contacts, and gives an offer’s document context', async () => {
    const offers = await api.get(`${OFFERS}?populate[client]=true&populate[contactLinks][populate]=contact`);
    expect(offers.status).toBe(200);
    expect(offers.body.data[0].pricePerPerson).not.toBeNull();
    expectDocumented('get', '/api/offers', offers);

    const context = await api.get(`/api/caladeo-contacts/documents/offers/${offerId}`);
    expect(context.status).toBe(200);
    expectDocumented('get', '/api/caladeo-contacts/documents/offers/{documentId}', context);
  });

  it('fails on an answer the document does not give', () => {
    expect(() =>
      expectDocumented('post', '/api/caladeo-contacts/contacts', {
        status: 201,
        type: 'application/json',
        body: { data: { id: 1, documentId: 'abc', nickname: 'Lulu' }, meta: {} },
      })
    ).toThrow();
  });
});
