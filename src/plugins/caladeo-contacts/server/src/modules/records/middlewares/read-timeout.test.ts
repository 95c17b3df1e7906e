import { describe, expect, it } from '@jest/globals';
import type { Context } from 'koa';
import { contentApiReadOf } from './read-timeout';

const request = (method: string, path: string, parts: { query?: object; body?: unknown } = {}) =>
  ({ method, path, query: parts.query ?? {}, request: { body: parts.body } }) as unknown as Context;

const TWO_OPERATIONS = 'query List { caladeoContactsContacts { documentId } } mutation Rename { x }';

describe('which requests are reads of the content API', () => {
  it.each([
    ['GET', '/api/caladeo-contacts/contacts', 'rest'],
    ['HEAD', '/api/offers', 'rest'],
    ['POST', '/api/caladeo-contacts/contacts', null],
    ['PUT', '/api/offers/abc', null],
    ['DELETE', '/api/offers/abc', null],
    ['GET', '/caladeo-contacts/contacts/export', null],
    ['GET', '/content-manager/collection-types/api::offer.offer', null],
    ['GET', '/admin/users/me', null],
    ['GET', '/apis', null],
  ])('%s %s: %s', (method, path, expected) => {
    expect(contentApiReadOf(request(method, path), '/api')).toBe(expected);
  });

  it('takes a GraphQL query as a read, and a mutation or a document that does not parse as none', () => {
    const post = (body: unknown) => contentApiReadOf(request('POST', '/graphql', { body }), '/api');
    expect(post({ query: '{ caladeoContactsContacts { documentId } }' })).toBe('graphql');
    expect(post({ query: 'mutation { deleteOffer(documentId: "x") { documentId } }' })).toBeNull();
    expect(post({ query: TWO_OPERATIONS, operationName: 'List' })).toBe('graphql');
    expect(post({ query: TWO_OPERATIONS, operationName: 'Rename' })).toBeNull();
    expect(post({ query: TWO_OPERATIONS })).toBeNull();
    expect(post({ query: '{ unclosed' })).toBeNull();
    expect(post([{ query: '{ a }' }])).toBeNull();
    expect(contentApiReadOf(request('GET', '/graphql', { query: { query: '{ a }' } }), '/api')).toBe(
      'graphql'
    );
  });
});
