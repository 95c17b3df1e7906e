import { describe, expect, it } from '@jest/globals';
import { finishApiDocument, type DocumentedRoute, type GeneratedDocument } from './document';

const JSON_ANSWER = (ref: string) => ({
  description: 'OK',
  content: {
    'application/json': { schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: ref } },
  },
});

/** What Strapi's generator writes: every content-API route of the app, under paths without `/api`. */
const generated: GeneratedDocument = {
  info: { version: '1.2.3' },
  paths: {
    '/caladeo-contacts/contacts': {
      get: {
        operationId: 'caladeo-contacts/get/contacts',
        responses: { 200: JSON_ANSWER('#/components/schemas/Contact') },
      },
      post: {
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { 200: JSON_ANSWER('#/components/schemas/Contact') },
      },
    },
    '/caladeo-contacts/contacts/{id}': {
      delete: {
        parameters: [{ name: 'id', in: 'path', required: true }],
        responses: { 200: JSON_ANSWER('#/components/schemas/Contact') },
      },
    },
    '/caladeo-contacts/newsletter/subscriptions': {
      post: { responses: { 200: JSON_ANSWER('#/components/schemas/SignUpAnswer') } },
    },
    '/caladeo-contacts/documents/offers/{documentId}/quote.pdf': { get: { responses: {} } },
    '/users': { get: { responses: { 200: JSON_ANSWER('#/components/schemas/User') } } },
  },
  components: {
    schemas: {
      Contact: {
        type: 'object',
        properties: { clientLinks: { $ref: '#/components/schemas/ClientContact' } },
      },
      ClientContact: { type: 'object' },
      SignUpAnswer: { type: 'object' },
      User: { type: 'object' },
    },
  },
};

const route = (method: string, path: string, action: string, docs: Partial<DocumentedRoute['docs']> = {}) =>
  ({
    method,
    path,
    action,
    isPublic: false,
    docs: { tag: 'Contacts', summary: 'A route', success: { status: 200, description: 'Done.' }, ...docs },
  }) as DocumentedRoute;

const ROUTES: DocumentedRoute[] = [
  route('GET', '/api/caladeo-contacts/contacts', 'plugin::caladeo-contacts.contact.find', {
    errors: { 400: 'A query parameter is malformed.' },
  }),
  route('POST', '/api/caladeo-contacts/contacts', 'plugin::caladeo-contacts.contact.create', {
    success: { status: 201, description: 'Created.' },
  }),
  route('DELETE', '/api/caladeo-contacts/contacts/:id', 'plugin::caladeo-contacts.contact.delete', {
    success: { status: 204, description: 'Deleted.' },
  }),
  {
    ...route(
      'POST',
      '/api/caladeo-contacts/newsletter/subscriptions',
      'plugin::caladeo-contacts.newsletter.subscribe',
      {
        tag: 'Newsletter',
        success: { status: 202, description: 'Accepted.' },
        otherAnswers: { 303: { description: 'Sent to redirectTo.' } },
        errors: { 429: 'Too many.' },
      }
    ),
    isPublic: true,
  },
  route(
    'GET',
    '/api/caladeo-contacts/documents/offers/:documentId/quote.pdf',
    'plugin::caladeo-contacts.offer-quote.findOne',
    { tag: 'Documents', success: { status: 200, description: 'The PDF.', media: 'application/pdf' } }
  ),
];

const finished = finishApiDocument(generated, ROUTES);
const operation = (path: string, method: string) =>
  (finished.paths[path] as Record<string, Record<string, unknown>>)[method];

describe('the API document made from Strapi’s', () => {
  it('keeps the given routes only, under their public paths', () => {
    expect(Object.keys(finished.paths)).toEqual([
      '/api/caladeo-contacts/contacts',
      '/api/caladeo-contacts/contacts/{id}',
      '/api/caladeo-contacts/newsletter/subscriptions',
      '/api/caladeo-contacts/documents/offers/{documentId}/quote.pdf',
    ]);
    expect(operation('/api/caladeo-contacts/contacts', 'get')).toMatchObject({
      operationId: 'contact.find',
      tags: ['Contacts'],
      'x-strapi-action': 'plugin::caladeo-contacts.contact.find',
    });
    expect(finished.info.version).toBe('1.2.3');
  });

  it('gives each route its real success status and media', () => {
    const created = operation('/api/caladeo-contacts/contacts', 'post');
    expect(Object.keys(created.responses as object)).toEqual(['201', '401', '403']);
    expect(created.requestBody).toMatchObject({ required: true });
    const deleted = operation('/api/caladeo-contacts/contacts/{id}', 'delete');
    expect((deleted.responses as Record<string, unknown>)['204']).toEqual({ description: 'Deleted.' });
    const quote = operation('/api/caladeo-contacts/documents/offers/{documentId}/quote.pdf', 'get');
    expect((quote.responses as Record<string, { content: object }>)['200'].content).toHaveProperty([
      'application/pdf',
    ]);
  });

  it('documents a public route without credential, its redirect and its rate limit', () => {
    const signUp = operation('/api/caladeo-contacts/newsletter/subscriptions', 'post');
    expect(signUp.security).toEqual([]);
    const responses = signUp.responses as Record<string, { headers?: object }>;
    expect(Object.keys(responses)).toEqual(['202', '303', '429']);
    expect(responses['303'].headers).toHaveProperty('Location');
    expect(responses['429'].headers).toHaveProperty(['Retry-After']);
  });

  it('answers a protected route’s refusals in Strapi’s error envelope', () => {
    const responses = operation('/api/caladeo-contacts/contacts', 'get').responses as Record<string, unknown>;
    expect(responses['400']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
    expect(responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    expect(responses['403']).toEqual({ $ref: '#/components/responses/Forbidden' });
  });

  it('keeps the schemas in use, and those they use, without the dialect line on each', () => {
    expect(Object.keys(finished.components.schemas)).toEqual([
      'ClientContact',
      'Contact',
      'Error',
      'FieldError',
      'SignUpAnswer',
    ]);
    expect(JSON.stringify(finished)).not.toContain('$schema');
  });

  it('refuses a route Strapi’s generator did not see', () => {
    const unknown = route('GET', '/api/caladeo-contacts/nowhere', 'plugin::caladeo-contacts.nowhere.find');
    expect(() => finishApiDocument(generated, [unknown])).toThrow(/no GET \/api\/caladeo-contacts\/nowhere/);
  });

  it('refuses a JSON success without a response schema', () => {
    const quoteAsJson = route(
      'GET',
      '/api/caladeo-contacts/documents/offers/:documentId/quote.pdf',
      'plugin::caladeo-contacts.offer-quote.findOne'
    );
    expect(() => finishApiDocument(generated, [quoteAsJson])).toThrow(/declares no response schema/);
  });
});
