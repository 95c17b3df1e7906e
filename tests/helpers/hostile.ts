import fc from 'fast-check';
import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';
import { usesPostgres } from './database';

/**
 * Hostile input for the attack suite (tests/api/attack*.test.ts): fast-check arbitraries of what a
 * careless or malicious client may send, and the checks every answer must pass whatever it was
 * sent: no 5xx, no private field.
 */

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$and',
  '$or',
  '$not',
  '$jsonSupersetOf',
  '$',
  '$where',
  '$raw',
] as const;

/** Strings that have broken parsers, SQL builders and encoders before. */
const NASTY_STRINGS = [
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '%',
  '_',
  '\\',
  '%00',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\uFEFF',
  'e\u0301',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '👩‍👩‍👧‍👦',
  "' OR 1=1 --",
  '"; DROP TABLE caladeo_contacts; --',
  '$1',
  '?',
  ':name',
  '[]',
  '{}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '*',
  'a,b,c',
  'lastName:asc',
  'lastName:sideways',
  'clientLinks.client.name',
  '__proto__',
  'constructor.prototype',
  '2027-02-30',
  '9999999999999999999999',
  '-0',
  '0x10',
] as const;

export const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** A string of any kind: short text, any code points including lone surrogates, or a long one. */
export const hostileString = fc.oneof(
  { arbitrary: nastyString, weight: 3 },
  { arbitrary: fc.string({ maxLength: 24 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '𝔘', '%', '\u0301'), fc.integer({ min: 300, max: 3000 }))
      .map(([unit, count]) => unit.repeat(count)),
    weight: 1,
  }
);

export const hostileScalar = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 }
);

/** Keys a hostile object may use: the given names, operators, prototype keys, anything. */
export const hostileKey = (names: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...names), weight: 4 },
    { arbitrary: fc.constantFrom(...OPERATORS), weight: 2 },
    { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 1 },
    { arbitrary: fc.constantFrom('0', '1', '20', '-1', ''), weight: 1 },
    { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 1 }
  );

/** Any JSON-like value of random shape, up to a few levels deep, with hostile keys and leaves. */
export const hostileTree = (names: readonly string[], maxDepth = 5) =>
  fc.letrec<{ node: unknown; list: unknown[]; object: Record<string, unknown> }>((tie) => ({
    node: fc.oneof(
      { maxDepth, depthSize: 'small', withCrossShrink: true },
      hostileScalar,
      tie('list'),
      tie('object')
    ),
    list: fc.array(tie('node'), { maxLength: 4 }),
    object: fc.dictionary(hostileKey(names), tie('node'), { maxKeys: 4 }),
  })).node;

/** Nesting deeper than any limit: a list or object chain of 20 to 200 levels. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 200 }), fc.boolean(), hostileScalar)
  .map(([depth, asList, leaf]) => {
    let value: unknown = leaf;
    for (let level = 0; level < depth; level += 1) value = asList ? [value] : { a: value };
    return value;
  });

/** What a Strapi record looks like to the generators: its field names and relation names. */
export type RecordShape = { fields: string[]; relations: string[] };

export const recordShape = (strapi: Core.Strapi, uid: string): RecordShape => {
  const attributes = (
    strapi.contentTypes as unknown as Record<string, { attributes: Record<string, { type: string }> }>
  )[uid].attributes;
  const entries = Object.entries(attributes);
  return {
    fields: ['id', 'documentId', ...entries.filter(([, a]) => a.type !== 'relation').map(([name]) => name)],
    relations: entries.filter(([, a]) => a.type === 'relation').map(([name]) => name),
  };
};

/**
 * `filters` of random shape: conditions on fields (private ones included) with any operator,
 * paths through relations, `$and`/`$or`/`$not` nested past the limits, lists where conditions are
 * expected, and plain random trees.
 */
export const hostileFilters = (shape: RecordShape) => {
  const names = [...shape.fields, ...shape.relations];
  const field = fc.constantFrom(...shape.fields);
  const relation = shape.relations.length > 0 ? fc.constantFrom(...shape.relations) : field;
  const operator = fc.constantFrom(...OPERATORS);
  const value = fc.oneof(hostileScalar, fc.array(hostileScalar, { maxLength: 4 }), hostileTree(names, 2));
  return fc.letrec<{ condition: unknown }>((tie) => ({
    condition: fc.oneof(
      { maxDepth: 16, depthSize: 'small', withCrossShrink: true },
      fc
        .record({ field, operator, value })
        .map(({ field, operator, value }) => ({ [field]: { [operator]: value } })),
      fc.record({ field, value: hostileScalar }).map(({ field, value }) => ({ [field]: value })),
      fc.record({ relation, inner: tie('condition') }).map(({ relation, inner }) => ({ [relation]: inner })),
      fc
        .record({
          logical: fc.constantFrom('$and', '$or'),
          items: fc.array(tie('condition'), { maxLength: 3 }),
        })
        .map(({ logical, items }) => ({ [logical]: items })),
      tie('condition').map((inner) => ({ $not: inner })),
      fc.array(tie('condition'), { maxLength: 3 }),
      hostileTree(names, 3)
    ),
  })).condition;
};

/** `populate` as strings (`a.b.c`, `*`, lists), objects (`{ a: { populate: … } }`), or anything. */
export const hostilePopulate = (shape: RecordShape) => {
  const names = [...shape.relations, ...shape.fields, '*'];
  const name = fc.constantFrom(...names);
  const dotted = fc.array(name, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'));
  return fc.letrec<{ populate: unknown }>((tie) => ({
    populate: fc.oneof(
      { maxDepth: 6, depthSize: 'small' },
      dotted,
      fc.array(dotted, { maxLength: 4 }).map((list) => list.join(',')),
      fc.array(dotted, { maxLength: 4 }),
      fc.dictionary(
        hostileKey(names),
        fc.oneof(
          fc.constantFrom(true, false, '*', 'true'),
          fc.record(
            {
              populate: tie('populate'),
              fields: fc.array(fc.constantFrom(...shape.fields), { maxLength: 3 }),
              filters: hostileTree(names, 2),
              sort: hostileString,
            },
            { requiredKeys: [] }
          ),
          hostileScalar
        ),
        { maxKeys: 3 }
      ),
      hostileTree(names, 3)
    ),
  })).populate;
};

/** `sort` as `field:dir` strings and lists, paths through relations, objects, or anything. */
export const hostileSort = (shape: RecordShape) => {
  const names = [...shape.fields, ...shape.relations];
  const path = fc
    .array(fc.constantFrom(...names), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join('.'));
  const entry = fc
    .tuple(path, fc.constantFrom('', ':asc', ':desc', ':ASC', ':sideways', ':', '::'))
    .map(([p, dir]) => p + dir);
  return fc.oneof(
    entry,
    fc.array(entry, { maxLength: 4 }).map((list) => list.join(',')),
    fc.array(entry, { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.constantFrom('asc', 'desc'), hostileTree(names, 2))),
    hostileTree(names, 3)
  );
};

export const hostilePagination = fc.oneof(
  fc.record(
    {
      page: hostileScalar,
      pageSize: fc.oneof(hostileScalar, fc.constantFrom(0, 1, 100, 101, 1e6, -5)),
      start: hostileScalar,
      limit: fc.oneof(hostileScalar, fc.constantFrom(-1, 0, 100, 101, 1e9)),
      withCount: hostileScalar,
    },
    { requiredKeys: [] }
  ),
  hostileTree(['page', 'pageSize', 'start', 'limit', 'withCount'], 3)
);

/** A whole REST query of a record route: Strapi's parameters, the search ones, and unknown keys. */
export const hostileRecordQuery = (shape: RecordShape) => {
  const names = [...shape.fields, ...shape.relations];
  return fc.record(
    {
      filters: hostileFilters(shape),
      populate: hostilePopulate(shape),
      sort: hostileSort(shape),
      fields: fc.oneof(fc.array(fc.constantFrom(...shape.fields), { maxLength: 4 }), hostileTree(names, 2)),
      pagination: hostilePagination,
      locale: hostileScalar,
      status: fc.oneof(fc.constantFrom('draft', 'published'), hostileScalar),
      _q: hostileScalar,
      extra: fc.dictionary(
        hostileKey(['q', 'cursor', 'order', 'publicationState', 'id']),
        hostileTree(names, 2),
        {
          maxKeys: 2,
        }
      ),
    },
    { requiredKeys: [] }
  );
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes any text; a lone surrogate, which UTF-8 cannot carry, becomes U+FFFD. */
export const encode = (text: string) => encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));

/** Query-string text no serialiser writes: broken escapes, brackets, empty names. */
export const rawQueryNoise = fc.constantFrom(
  '',
  '',
  '',
  '%',
  '%zz',
  '%C0%AF',
  '%E0%A4%A',
  '&&&',
  '=',
  '==x',
  'a[=1',
  'filters[[]]=1',
  'filters[]=1',
  'filters[a]b=1',
  'populate[]=',
  'sort[][]=x',
  'filters=1&filters[a]=2',
  'pagination[page]=1&pagination=2',
  'fields=',
  'fields[0]=',
  'q',
  'cursor',
  `filters${'[a]'.repeat(40)}=1`,
  `a${'[0]'.repeat(30)}=1`
);

/**
 * Serialises a query object the way browsers and `qs` write nested parameters:
 * `filters[lastName][$eq]=x`, `fields[0]=a`. Key segments are percent-encoded.
 */
export const toQueryString = (query: Record<string, unknown>): string => {
  const parts: string[] = [];
  const add = (prefix: string, value: unknown) => {
    if (value === undefined) return;
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value)
        ? value.map((item, index) => [String(index), item] as const)
        : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]] as const);
      if (entries.length === 0) parts.push(`${prefix}=`);
      for (const [key, item] of entries) add(`${prefix}[${encode(key)}]`, item);
      return;
    }
    parts.push(`${prefix}=${value === null ? '' : encode(String(value))}`);
  };
  for (const key of Object.keys(query)) {
    if (key === 'extra') {
      const extra = query.extra as Record<string, unknown>;
      for (const name of Object.keys(extra)) add(encode(name), extra[name]);
    } else add(encode(key), query[key]);
  }
  return parts.join('&');
};

/** A path segment where a documentId, token or id is expected: random, encoded, or a real one. */
export const hostileSegment = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    nastyString.filter((text) => text !== ''),
    fc.constantFrom(
      '1',
      '0',
      '-1',
      '999999999',
      'a'.repeat(64),
      'a'.repeat(65),
      'A'.repeat(43),
      'x.y',
      'null'
    ),
    fc.string({ minLength: 1, maxLength: 300 })
  )
  .map(encode);

export const pathSegment = (real: readonly string[]) =>
  real.length > 0 ? fc.oneof(fc.constantFrom(...real), hostileSegment) : hostileSegment;

/** A JSON body as text: objects (with `data` or not), random trees, deep nesting, broken JSON. */
export const hostileBodyText = (names: readonly string[], plausible?: fc.Arbitrary<unknown>) =>
  fc.oneof(
    ...(plausible ? [{ arbitrary: plausible.map((value) => JSON.stringify(value)), weight: 6 }] : []),
    { arbitrary: hostileTree(names).map((data) => JSON.stringify({ data })), weight: 3 },
    { arbitrary: hostileTree(names).map((value) => JSON.stringify(value) ?? 'null'), weight: 2 },
    { arbitrary: deepNesting.map((data) => JSON.stringify({ data })), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"data":',
        '{"data":{"a":1,}}',
        'null',
        '[]',
        '"data"',
        '{"data":null}',
        '{"data":[]}',
        '{"data":"x"}',
        '{"__proto__":{"polluted":true}}',
        '{"data":{"__proto__":{"polluted":true}}}',
        '\uFEFF{"data":{}}',
        '{"data":{"a":"\\ud800"}}'
      ),
      weight: 1,
    }
  );

export const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/vnd.api+json',
] as const;

/** Where in a JSON value a key is one of `names`: `data[0].contact.searchText`… */
export const forbiddenKeysIn = (value: unknown, names: ReadonlySet<string>): string[] => {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string };
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const at = Array.isArray(current) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(current) && names.has(key)) found.push(at);
      stack.push({ value: (current as Record<string, unknown>)[key], path: at });
    }
  }
  return found;
};

/**
 * The names of private attributes of the app's content types that no content type exposes under
 * the same name (`searchText`, `primaryOf`, `tokenHash`…): none may appear as a key in an answer.
 */
export const privateFieldNames = (strapi: Core.Strapi) => {
  const privateNames = new Set<string>();
  const publicNames = new Set<string>();
  for (const contentType of Object.values(strapi.contentTypes)) {
    if (!contentType.uid.startsWith('plugin::caladeo-contacts.') && !contentType.uid.startsWith('api::'))
      continue;
    for (const [name, attribute] of Object.entries(contentType.attributes)) {
      ((attribute as { private?: boolean }).private ? privateNames : publicNames).add(name);
    }
  }
  // `locale` is Strapi's own private attribute on every type, and the consent log's public field too
  return new Set([...privateNames].filter((name) => !publicNames.has(name) && name !== 'locale'));
};

const excerpt = (response: Response) => (response.text ?? '').slice(0, 400);

/** Throws, with what was sent, when an answer is a 5xx or holds a private field. */
export const expectSafeAnswer = (
  response: Response,
  sent: string,
  privateNames: ReadonlySet<string>,
  body: unknown = response.body
) => {
  if (response.status >= 500) {
    throw new Error(`${sent} answered ${response.status}: ${excerpt(response)}`);
  }
  const leaked = forbiddenKeysIn(body, privateNames);
  if (leaked.length > 0) throw new Error(`${sent} answered private fields ${leaked.join(', ')}`);
};

/**
 * Counts the generated cases per route, and prints them per database once the file is done:
 * the figures a reviewer needs, measured rather than assumed from `numRuns`.
 */
export const caseCounter = (suite: string) => {
  const counts = new Map<string, number>();
  return {
    count: (route: string) => counts.set(route, (counts.get(route) ?? 0) + 1),
    report: () => {
      const database = usesPostgres() ? 'postgres' : 'sqlite';
      const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
      const total = rows.reduce((sum, [, count]) => sum + count, 0);
      process.stdout.write(
        `\n${suite} on ${database}: ${total} generated cases\n` +
          rows.map(([route, count]) => `  ${String(count).padStart(5)}  ${route}`).join('\n') +
          '\n'
      );
      return Object.fromEntries(rows);
    },
  };
};

/** Room for one property's runs on a busy machine (most take seconds); a hang still fails. */
export const PROPERTY_TIMEOUT_MS = 240_000;
