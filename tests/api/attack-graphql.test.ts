import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import {
  caseCounter,
  expectSafeAnswer,
  hostileScalar,
  hostileTree,
  OPERATORS,
  PROPERTY_TIMEOUT_MS,
  PROTOTYPE_KEYS,
  privateFieldNames,
  toQueryString,
} from '../helpers/hostile';
import { CONTACTS, errorCodes, restClient, type RestClient } from '../helpers/http';
import { createClient, createContact, createOffer, linkToClient, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

/**
 * The attack suite over GraphQL (generated operations: random selection sets over the real schema,
 * unknown and private fields, aliases, fragments, nested filters as literals and as variables),
 * and the cost limits of both APIs, proven by the SQL a refused request issues rather than by
 * how long it takes.
 */
const app = useStrapi();
const cases = caseCounter('GraphQL attack suite and cost limits');

type Caller = 'public' | 'read-only' | 'full-access';
const credentials: Record<Caller, string | undefined> = {
  public: undefined,
  'read-only': undefined,
  'full-access': undefined,
};
let privateNames: ReadonlySet<string>;
let reader: RestClient;
const contactIds: string[] = [];

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type SchemaField = { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef };
type SchemaType = { kind: string; name: string; fields: SchemaField[] | null };
const objectTypes = new Map<string, SchemaField[]>();
let rootFields: SchemaField[] = [];

/** One type at a time: a whole-schema introspection is itself over the cost limit. */
const TYPE_INTROSPECTION = `query Type($name: String!) { __type(name: $name) { kind name fields { name type { ...T } args { name type { ...T } } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

const namedType = (type: TypeRef): TypeRef => (type.ofType ? namedType(type.ofType) : type);
const typeText = (type: TypeRef): string =>
  type.kind === 'NON_NULL'
    ? `${typeText(type.ofType as TypeRef)}!`
    : type.kind === 'LIST'
      ? `[${typeText(type.ofType as TypeRef)}]`
      : (type.name as string);

const graphql = (caller: Caller, body: Record<string, unknown>) => {
  const call = request(app.baseUrl).post('/graphql').set('Content-Type', 'application/json');
  const credential = credentials[caller];
  return (credential ? call.set('Authorization', `Bearer ${credential}`) : call).send(JSON.stringify(body));
};

beforeAll(async () => {
  const { strapi } = app;
  credentials['read-only'] = await createApiToken(strapi, 'read-only');
  credentials['full-access'] = await createApiToken(strapi, 'full-access');
  reader = restClient(app, credentials['read-only']);
  privateNames = privateFieldNames(strapi);
  for (const lastName of ['Rivière', 'Lefèvre', 'Martin'])
    contactIds.push(await createContact(strapi, { lastName }));
  const client = await createClient(strapi, { name: 'Club des Randonneurs' });
  const offer = await createOffer(strapi, { client });
  await linkToClient(strapi, contactIds[0], client, 'payeur', true);
  await linkToOffer(strapi, contactIds[1], offer, 'voyageur', true);
  await strapi
    .documents(UID.contact)
    .update({ documentId: contactIds[2], data: { newsletter: true } as never });

  // the object types reachable from Query, read through introspection as a client would
  const pending = ['Query'];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (objectTypes.has(name)) continue;
    const answer = await graphql('full-access', { query: TYPE_INTROSPECTION, variables: { name } });
    const type = answer.body?.data?.__type as SchemaType | null;
    if (!type || type.kind !== 'OBJECT' || !type.fields)
      throw new Error(`no introspection of ${name}: ${answer.text}`);
    objectTypes.set(name, type.fields);
    for (const field of type.fields) {
      const target = namedType(field.type);
      if (target.kind === 'OBJECT' && target.name && !target.name.startsWith('__')) pending.push(target.name);
    }
  }
  rootFields = (objectTypes.get('Query') ?? []).filter(
    (field) => field.name.startsWith('caladeoContacts') || /^offers?$/.test(field.name)
  );
}, 120_000);

afterAll(() => {
  cases.report();
});

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const toName = (text: string) => (GRAPHQL_NAME.test(text) ? text : `x${text.replace(/[^_0-9A-Za-z]/g, '')}`);

/** A GraphQL literal of any JSON-like value; object keys become names. */
const literal = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object')
    return `{ ${Object.keys(value)
      .map((key) => `${toName(key)}: ${literal((value as Record<string, unknown>)[key])}`)
      .join(', ')} }`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

const FILTER_KEYS = [...OPERATORS.map((operator) => operator.slice(1)).filter(Boolean), ...PROTOTYPE_KEYS];

type Generated = { text: string; fragments: string[] };

/** Arguments for a field: its own (filters, pagination, sort, documentId…) and unknown ones. */
const argumentsFor = (field: SchemaField, fieldNames: string[]) => {
  const names = [...fieldNames, ...FILTER_KEYS];
  const argumentValue = fc.oneof(
    { arbitrary: hostileScalar, weight: 2 },
    { arbitrary: hostileTree(names, 4), weight: 3 },
    {
      arbitrary: fc.record(
        { pageSize: hostileScalar, page: hostileScalar, limit: hostileScalar, start: hostileScalar },
        { requiredKeys: [] }
      ),
      weight: 1,
    }
  );
  const own = field.args.map((arg) => arg.name);
  return fc
    .dictionary(
      fc.oneof(
        fc.constantFrom(...(own.length ? own : ['filters'])),
        fc.constantFrom('where', 'limit', '__proto__')
      ),
      argumentValue,
      {
        maxKeys: 3,
      }
    )
    .map((args) => {
      const keys = Object.keys(args);
      return keys.length ? `(${keys.map((key) => `${toName(key)}: ${literal(args[key])}`).join(', ')})` : '';
    });
};

/** A selection set on a type, `depth` levels at most, with fragments gathered on the side. */
const selectionOn = (typeName: string, depth: number): fc.Arbitrary<Generated> => {
  const fields = objectTypes.get(typeName) ?? [];
  const fieldNames = fields.map((field) => field.name);
  const leaf = fc.oneof(
    { arbitrary: fc.constantFrom(...(fieldNames.length ? fieldNames : ['documentId'])), weight: 6 },
    { arbitrary: fc.constantFrom('__typename', ...privateNames, 'password', 'nope', '__proto__'), weight: 1 }
  );
  const alias = fc.option(fc.constantFrom('a', 'b', 'constructor', '__proto__', 'documentId', 'x1'), {
    nil: undefined,
    freq: 4,
  });
  const entries: fc.Arbitrary<Generated>[] = [
    fc
      .tuple(alias, leaf)
      .map(([name, field]) => ({ text: `${name ? `${name}: ` : ''}${field}`, fragments: [] })),
  ];
  const nested = fields.filter((field) => objectTypes.has(namedType(field.type).name as string));
  if (depth > 1 && nested.length > 0) {
    const child = fc.constantFrom(...nested).chain((field) =>
      fc
        .tuple(
          alias,
          argumentsFor(field, fieldNames),
          selectionOn(namedType(field.type).name as string, depth - 1)
        )
        .map(([name, args, inner]) => ({
          text: `${name ? `${name}: ` : ''}${field.name}${args} { ${inner.text} }`,
          fragments: inner.fragments,
        }))
    );
    const inline = selectionOn(typeName, depth - 1).map((inner) => ({
      text: `... on ${typeName} { ${inner.text} }`,
      fragments: inner.fragments,
    }));
    const spread = fc.tuple(fc.nat(1000), selectionOn(typeName, depth - 1)).map(([id, inner]) => ({
      text: `...F${id}`,
      fragments: [...inner.fragments, `fragment F${id} on ${typeName} { ${inner.text} }`],
    }));
    entries.push(child, child, inline, spread);
  }
  return fc.array(fc.oneof(...entries), { minLength: 1, maxLength: depth > 3 ? 2 : 3 }).map((items) => ({
    text: items.map((item) => item.text).join(' '),
    fragments: items.flatMap((item) => item.fragments),
  }));
};

/** A whole operation: root fields of the plugin and of offers, maybe with variables of any JSON. */
const operation = () =>
  fc.constantFrom(...rootFields).chain((root) =>
    fc.record({
      root: fc.constant(root),
      alias: fc.option(fc.constantFrom('list', 'a', '__typename'), { nil: undefined }),
      args: argumentsFor(
        root,
        (objectTypes.get(namedType(root.type).name as string) ?? []).map((field) => field.name)
      ),
      selection: fc
        .integer({ min: 1, max: 4 })
        .chain((depth) => selectionOn(namedType(root.type).name as string, depth)),
      copies: fc.integer({ min: 1, max: 3 }),
      variable: fc.option(
        fc.record({
          arg: fc.constantFrom(
            ...(root.args.length
              ? root.args
              : [{ name: 'filters', type: { kind: 'SCALAR', name: 'JSON', ofType: null } }])
          ),
          value: hostileTree([...FILTER_KEYS, 'documentId', 'lastName', 'email', 'searchText'], 4),
        }),
        { nil: undefined }
      ),
      caller: fc.constantFrom<Caller>('public', 'read-only', 'full-access', 'full-access'),
      name: fc.option(fc.constantFrom('Q', 'query', '__proto__'), { nil: undefined }),
    })
  );

describe('GraphQL operations', () => {
  it('refuses an operation or a fragment named __proto__ with a 400, for any caller', async () => {
    for (const query of [
      'query __proto__ { caladeoContactsContacts { documentId } }',
      '{ ...__proto__ } fragment __proto__ on Query { caladeoContactsContacts { documentId } }',
    ]) {
      for (const caller of ['public', 'full-access'] as const) {
        const response = await graphql(caller, { query });
        expect([response.status, response.body.errors?.[0]?.extensions?.code]).toEqual([
          400,
          'GRAPHQL_VALIDATION_FAILED',
        ]);
      }
    }
  });

  it(
    'answer any generated query without a 500, an INTERNAL_SERVER_ERROR or a private field',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          operation(),
          async ({ root, alias, args, selection, copies, variable, caller, name }) => {
            const variables: Record<string, unknown> = {};
            let header = name ? `query ${name}` : 'query';
            let rootArgs = args;
            if (variable) {
              header += `($v: ${typeText(variable.arg.type).replace(/!$/, '')})`;
              rootArgs = `(${variable.arg.name}: $v)`;
              variables.v = variable.value;
            }
            const fields = Array.from(
              { length: copies },
              (_, index) =>
                `${alias || copies > 1 ? `${alias ?? 'r'}${copies > 1 ? index : ''}: ` : ''}${root.name}${rootArgs} { ${selection.text} }`
            );
            const query = `${header} { ${fields.join(' ')} } ${[...new Set(selection.fragments)].join(' ')}`;
            cases.count(`POST /graphql ${root.name}`);
            const response = await graphql(caller, { query, variables });
            const sent = `${caller} ${query.slice(0, 1500)} variables ${JSON.stringify(variables).slice(0, 300)}`;
            expectSafeAnswer(response, sent, privateNames);
            const internal = (
              (response.body?.errors ?? []) as { extensions?: { code?: string }; message?: string }[]
            ).filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
            if (internal.length > 0)
              throw new Error(`${sent} failed inside: ${internal.map((error) => error.message).join('; ')}`);
          }
        ),
        { seed: 0x5eed_0101, numRuns: 500, verbose: fc.VerbosityLevel.Verbose }
      );
    },
    PROPERTY_TIMEOUT_MS
  );
});

/**
 * The SQL statements issued while one request is answered that read or write the contacts table.
 * Statements of other work meanwhile (the job runner's polls) name other tables.
 */
const contactStatementsDuring = async (send: () => Promise<request.Response>) => {
  const statements: string[] = [];
  const record = (query: { sql: string }) => {
    if (/\bcaladeo_contacts\b/.test(query.sql)) statements.push(query.sql);
  };
  const connection = app.strapi.db.connection;
  connection.on('query', record);
  try {
    const response = await send();
    return { response, statements };
  } finally {
    connection.removeListener('query', record);
  }
};

/** Conditions `depth` levels deep, alternating `$and` lists and `$not` (a URL carries 20 brackets). */
const nest = (depth: number, inner: Record<string, unknown>) => {
  let filters = inner;
  for (let level = 0; level < depth; level += 1)
    filters = level % 3 === 0 ? { $and: [filters] } : { $not: filters };
  return filters;
};

describe('cost limits, checked before anything runs', () => {
  it('reads the contacts table for a request within the limits (the count below can fail)', async () => {
    const { response, statements } = await contactStatementsDuring(() =>
      reader.get(`${CONTACTS}?${toQueryString({ filters: nest(5, { lastName: { $eq: 'Rivière' } }) })}`)
    );
    expect(response.status).toBe(200);
    expect(statements.length).toBeGreaterThan(0);
  });

  it.each([
    ['filters nested 13 levels', { filters: nest(13, { lastName: { $eq: 'x' } }) }, 'query.filtersTooDeep'],
    [
      'a filter through four relations',
      { filters: { clientLinks: { client: { contactLinks: { contact: { lastName: 'x' } } } } } },
      'query.filterPathTooLong',
    ],
    [
      'a populate four relations deep',
      { populate: 'clientLinks.client.contactLinks.contact' },
      'query.populateTooDeep',
    ],
    [
      'a nested populate four relations deep',
      {
        populate: {
          clientLinks: {
            populate: { client: { populate: { contactLinks: { populate: { contact: true } } } } },
          },
        },
      },
      'query.populateTooDeep',
    ],
    [
      'a sort four relations away',
      { sort: 'clientLinks.client.contactLinks.contact.lastName:asc' },
      'query.sortPathTooLong',
    ],
    ['a prototype key', { filters: { prototype: { $eq: 'x' } } }, 'query.prototypeKey'],
    ['a sort past a field', { sort: 'lastName.x:asc' }, 'query.sortThroughField'],
    [
      'a populate’s sort past a field',
      { populate: { clientLinks: { sort: 'role.x' } } },
      'query.sortThroughField',
    ],
  ])('refuses %s without a statement on the contacts table', async (_what, query, code) => {
    const { response, statements } = await contactStatementsDuring(() =>
      reader.get(`${CONTACTS}?${toQueryString(query)}`)
    );
    expect(response.status).toBe(400);
    expect(errorCodes(response.body).map((entry) => entry.split(': ')[1])).toEqual([code]);
    expect(statements).toEqual([]);
  });

  it('refuses a body nested past the limit without a statement on the contacts table', async () => {
    let data: unknown = 'x';
    for (let level = 0; level < 40; level += 1) data = { a: data };
    const { response, statements } = await contactStatementsDuring(() =>
      request(app.baseUrl)
        .post(CONTACTS)
        .set('Authorization', `Bearer ${credentials['full-access']}`)
        .send({ data: { lastName: 'Profond', notes: data } })
    );
    expect([response.status, errorCodes(response.body)]).toEqual([400, ['body.data.notes.a: body.tooDeep']]);
    expect(statements).toEqual([]);
  });

  it(
    'refuses generated over-limit filters, populates and sorts without a statement on the contacts table',
    async () => {
      const relations = ['clientLinks', 'offerLinks'];
      const overLimit = fc.oneof(
        fc
          .tuple(fc.integer({ min: 13, max: 40 }), fc.constantFrom('$and', '$or', '$not'))
          .map(([depth, logical]) => {
            let filters: Record<string, unknown> = { lastName: { $eq: 'x' } };
            for (let level = 0; level < depth; level += 1)
              filters = { [logical]: logical === '$not' ? filters : [filters] };
            return { filters };
          }),
        fc.integer({ min: 2, max: 6 }).map((hops) => {
          let filters: Record<string, unknown> = { lastName: 'x' };
          for (let hop = 0; hop < hops; hop += 1)
            filters = { clientLinks: { client: { contactLinks: { contact: filters } } } };
          return { filters };
        }),
        fc
          .array(fc.constantFrom(...relations, 'client', 'contact', 'offer', 'contactLinks'), {
            minLength: 4,
            maxLength: 9,
          })
          .map((path) => ({
            populate: path.join('.'),
          })),
        fc
          .array(fc.constantFrom(...relations, 'client', 'contact'), { minLength: 4, maxLength: 9 })
          .map((path) => ({
            sort: `${path.join('.')}.lastName:asc`,
          }))
      );
      await fc.assert(
        fc.asyncProperty(
          overLimit,
          fc.constantFrom<Caller>('read-only', 'full-access'),
          async (query, caller) => {
            cases.count('GET /caladeo-contacts/contacts over the limits');
            const { response, statements } = await contactStatementsDuring(() =>
              request(app.baseUrl)
                .get(`${CONTACTS}?${toQueryString(query)}`)
                .set('Authorization', `Bearer ${credentials[caller]}`)
            );
            expect(response.status).toBe(400);
            expect(statements).toEqual([]);
          }
        ),
        { seed: 0x5eed_0102, numRuns: 60 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it('refuses GraphQL operations over the depth, alias or cost limit without a statement on the contacts table', async () => {
    const deep = (levels: number) => {
      let selection = 'documentId';
      for (let level = 0; level < levels; level += 1)
        selection = level % 2 === 0 ? `contact { ${selection} }` : `clientLinks { ${selection} }`;
      return `{ caladeoContactsContacts { clientLinks { ${selection} } } }`;
    };
    for (const [query, message] of [
      [deep(11), /exceeds maximum operation depth/],
      [
        `{ ${Array.from({ length: 21 }, (_, index) => `a${index}: caladeoContactsContacts { documentId }`).join(' ')} }`,
        /aliased fields/,
      ],
      [
        '{ caladeoContactsContacts(pagination: { pageSize: 100 }) { documentId clientLinks(pagination: { pageSize: 100 }) { role client { documentId name contactLinks { role } } } } }',
        /would read about/,
      ],
    ] as const) {
      cases.count('POST /graphql over the limits');
      const { response, statements } = await contactStatementsDuring(() => graphql('full-access', { query }));
      expect([response.status, response.body.errors?.[0]?.message]).toEqual([
        400,
        expect.stringMatching(message),
      ]);
      expect(statements).toEqual([]);
    }
  });
});
