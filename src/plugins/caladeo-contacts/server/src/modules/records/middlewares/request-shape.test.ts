import { describe, expect, it } from '@jest/globals';
import {
  bodyRefusal,
  filtersRefusal,
  LIMITS,
  populateRefusal,
  queryRefusal,
  sortRefusal,
} from './request-shape';

/** What a refusal says, as "path: code". */
const said = (refusal: ReturnType<typeof filtersRefusal>) =>
  refusal && `${refusal.path.join('.')}: ${refusal.problem.code}`;

/** `{ a: { b: { … leaf } } }` through the given keys. */
const nested = (keys: string[], leaf: unknown): unknown =>
  keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf);

describe('filters', () => {
  it('takes what external apps send: fields, operators, $and/$or lists, a relation or two away', () => {
    for (const filters of [
      { lastName: 'Martin' },
      { email: { $eqi: 'a@b.fr' }, city: { $in: ['Lyon', 'Paris'] } },
      { $or: [{ lastName: 'Martin' }, { firstName: { $startsWith: 'Jean' } }] },
      { clientLinks: { client: { name: { $containsi: 'club' } } } },
      { lastName: { $not: { $eq: 'x' } }, phone: { $null: 'true' } },
      { createdAt: { $between: ['2026-01-01', '2026-12-31'] } },
    ])
      expect(filtersRefusal(filters)).toBeNull();
  });

  it('refuses a list where conditions are expected, naming where', () => {
    expect(said(filtersRefusal([{ lastName: 'x' }]))).toBe('filters: query.filtersNotConditions');
    expect(said(filtersRefusal({ $or: [[{ lastName: 'x' }]] }))).toBe(
      'filters.$or.0: query.filtersNotConditions'
    );
    expect(said(filtersRefusal({ $and: 'x' }))).toBe('filters.$and: query.filtersNotConditions');
    expect(said(filtersRefusal({ lastName: { $eq: { $eq: 'x' } } }))).toBe(
      'filters.lastName.$eq: query.filtersNotConditions'
    );
  });

  it('refuses a path through too many relations before anything runs', () => {
    const hops = ['clientLinks', 'client', 'contactLinks', 'contact'];
    expect(filtersRefusal(nested(hops, 'x'))).toBeNull();
    expect(said(filtersRefusal(nested([...hops, 'lastName'], 'x')))).toBe(
      'filters.clientLinks.client.contactLinks.contact.lastName: query.filterPathTooLong'
    );
    expect(filtersRefusal(nested([...hops, 'lastName'], 'x'))?.problem.values).toEqual({
      max: LIMITS.MAX_FILTER_PATH,
    });
  });

  it('counts $and, $or and $not inside one another as levels, lists or not', () => {
    const andLists = (levels: number) => {
      let filters: unknown = { lastName: { $eq: 'x' } };
      for (let level = 0; level < levels; level += 1)
        filters = level % 2 ? { $or: [filters, { city: 'y' }] } : { $and: [filters] };
      return filters;
    };
    const nots = (levels: number) =>
      nested(
        Array.from({ length: levels }, () => '$not'),
        { lastName: 'x' }
      );
    expect(filtersRefusal(andLists(LIMITS.MAX_FILTER_DEPTH))).toBeNull();
    expect(filtersRefusal(nots(LIMITS.MAX_FILTER_DEPTH))).toBeNull();
    expect(filtersRefusal(andLists(LIMITS.MAX_FILTER_DEPTH + 1))?.problem).toEqual({
      code: 'query.filtersTooDeep',
      values: { max: LIMITS.MAX_FILTER_DEPTH },
    });
    expect(filtersRefusal(nots(LIMITS.MAX_FILTER_DEPTH + 1))?.problem.code).toBe('query.filtersTooDeep');
  });

  it('refuses too deep a nesting of $and and $not, and prototype keys', () => {
    const deep = nested(
      Array.from({ length: 20 }, () => '$not'),
      { lastName: 'x' }
    );
    expect(filtersRefusal(deep)?.problem.code).toBe('query.filtersTooDeep');
    expect(said(filtersRefusal({ constructor: { prototype: 'x' } }))).toBe(
      'filters.constructor: query.prototypeKey'
    );
  });
});

describe('populate and sort', () => {
  it('take three relations, not four', () => {
    expect(populateRefusal('clientLinks.client.offers')).toBeNull();
    expect(populateRefusal('*')).toBeNull();
    expect(populateRefusal({ clientLinks: { populate: { client: { populate: ['offers'] } } } })).toBeNull();
    expect(populateRefusal('clientLinks.client.contactLinks.contact')?.problem.code).toBe(
      'query.populateTooDeep'
    );
    expect(
      said(
        populateRefusal({
          clientLinks: {
            populate: { client: { populate: { contactLinks: { populate: { contact: true } } } } },
          },
        })
      )
    ).toBe(
      'populate.clientLinks.populate.client.populate.contactLinks.populate.contact: query.populateTooDeep'
    );
    expect(sortRefusal('lastName:asc,clientLinks.client.name:desc')).toBeNull();
    expect(sortRefusal(['clientLinks.client.contactLinks.contact.lastName:asc'])?.problem.code).toBe(
      'query.sortPathTooLong'
    );
    expect(sortRefusal({ a: { b: { c: { d: { e: 'asc' } } } } })?.problem.code).toBe('query.sortPathTooLong');
  });
});

describe('bodies', () => {
  it('refuses keys that reach a prototype, anywhere', () => {
    expect(said(bodyRefusal(JSON.parse('{"data":{"city":"Lyon","constructor":{"prototype":{}}}}')))).toBe(
      'body.data.constructor: body.prototypeKey'
    );
    expect(said(bodyRefusal(JSON.parse('{"data":{"tags":[{"__proto__":{"admin":true}}]}}')))).toBe(
      'body.data.tags.0.__proto__: body.prototypeKey'
    );
    expect(bodyRefusal({ data: { lastName: 'Constructor', note: 'prototype' } })).toBeNull();
  });

  it('refuses a body nested 100,000 levels without overflowing the stack', () => {
    const depth = 100_000;
    const body = JSON.parse(`{"data":${'['.repeat(depth)}${']'.repeat(depth)}}`) as unknown;
    expect(bodyRefusal(body)?.problem.code).toBe('body.tooDeep');
    expect(
      bodyRefusal(
        nested(
          Array.from({ length: LIMITS.MAX_BODY_DEPTH }, (_, i) => `k${i}`),
          1
        )
      )
    ).toBeNull();
  });

  it('checks the whole query: filters first, then populate, sort and any other parameter', () => {
    expect(
      queryRefusal({ filters: { lastName: 'x' }, populate: 'clientLinks', sort: 'lastName' })
    ).toBeNull();
    expect(said(queryRefusal({ fields: { constructor: 'x' } }))).toBe(
      'query.fields.constructor: query.prototypeKey'
    );
  });
});
