import { describe, expect, it } from '@jest/globals';
import { fixedPathsFirst } from './route-order';

describe('fixedPathsFirst', () => {
  it('puts a fixed path before the parameter that would take it, and keeps every other order', () => {
    const routes = [
      { method: 'GET', path: '/contacts' },
      { method: 'GET', path: '/contacts/:id' },
      { method: 'PUT', path: '/contacts/:id' },
      { method: 'GET', path: '/clients/:id' },
      { method: 'PUT', path: '/contacts/lookup' },
      { method: 'GET', path: '/contacts/lookup' },
      { method: 'GET', path: '/contacts/:documentId/export' },
    ];
    expect(fixedPathsFirst(routes).map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /contacts',
      'GET /contacts/lookup',
      'GET /contacts/:id',
      'PUT /contacts/lookup',
      'PUT /contacts/:id',
      'GET /clients/:id',
      'GET /contacts/:documentId/export',
    ]);
  });
});
