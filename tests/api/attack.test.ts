import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { waitForIdleDatabase } from '../../scripts/lib/idle-database';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import {
  CONTENT_TYPES,
  caseCounter,
  deepNesting,
  encode,
  expectSafeAnswer,
  hostileBodyText,
  hostileKey,
  hostileRecordQuery,
  hostileScalar,
  hostileSegment,
  hostileString,
  hostileTree,
  nastyString,
  pathSegment,
  PROPERTY_TIMEOUT_MS,
  privateFieldNames,
  rawQueryNoise,
  recordShape,
  toQueryString,
  type RecordShape,
} from '../helpers/hostile';
import { CLIENTS, CLIENT_CONTACTS, CONTACTS, OFFERS, OFFER_CONTACTS } from '../helpers/http';
import {
  GENEROUS_LIMITS,
  confirmationPathIn,
  jobRunner,
  signUpAndProcess,
  SUBSCRIPTIONS,
} from '../helpers/newsletter';
import { createClient, createContact, createOffer, linkToClient, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

/**
 * The attack suite over REST: every content-API route of the plugin (and the app's offers) is sent
 * generated hostile input by the three kinds of caller, and must never answer a 5xx, never show a
 * private field, and never write anything when it refuses. Each property has a fixed seed: a
 * failure prints it with the shrunk counter-example (fc.assert), so it replays as it failed.
 */
const app = useStrapi({ env: { ...GENEROUS_LIMITS, NEWSLETTER_MAX_BODY_BYTES: '65536' } });
const cases = caseCounter('REST attack suite');
const PLUGIN = '/api/caladeo-contacts';

type Caller = 'public' | 'read-only' | 'full-access' | 'invalid token';
const credentials: Record<Caller, string | undefined> = {
  public: undefined,
  'read-only': undefined,
  'full-access': undefined,
  'invalid token': 'not-a-token-at-all',
};
const anyCaller = fc.constantFrom<Caller>('public', 'read-only', 'full-access', 'invalid token');
/** Writers are mostly the full-access token, so that the input reaches the validation. */
const writer = fc.oneof(
  { arbitrary: fc.constant<Caller>('full-access'), weight: 6 },
  { arbitrary: anyCaller, weight: 2 }
);

type Method = 'get' | 'post' | 'put' | 'delete';
const send = (caller: Caller, method: Method, path: string, body?: { text: string; contentType: string }) => {
  let call = request(app.baseUrl)[method](path);
  const credential = credentials[caller];
  if (credential) call = call.set('Authorization', `Bearer ${credential}`);
  if (body) call = call.set('Content-Type', body.contentType).send(body.text);
  return call;
};

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

let privateNames: ReadonlySet<string>;
const shapes = {} as Record<string, RecordShape>;
const ids = {
  contacts: [] as string[],
  clients: [] as string[],
  offers: [] as string[],
  clientLinks: [] as string[],
  offerLinks: [] as string[],
  consentEvents: [] as string[],
  imports: [] as string[],
  merges: [] as string[],
  pairs: [] as string[],
};
const cursors = { contacts: [] as string[], clients: [] as string[] };
const tokens = { confirmation: [] as string[], unsubscribe: [] as string[] };

/** What the tables hold that a refused write must leave alone: rows per table and last change. */
const recordTables = [
  UID.contact,
  UID.client,
  UID.offer,
  UID.clientContact,
  UID.offerContact,
  UID.consentEvent,
  UID.newsletterSignUp,
  UID.contactMerge,
  UID.contactErasure,
  UID.contactImport,
  UID.privacySuppression,
] as const;
const writeMarker = async () => {
  const db = app.strapi.db;
  const rows = await Promise.all(recordTables.map((uid) => db.query(uid).count()));
  const changed = await Promise.all(
    [UID.contact, UID.client, UID.offer, UID.clientContact, UID.offerContact].map(
      async (uid) =>
        (
          (await db.query(uid).findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } })) as {
            updatedAt?: unknown;
          } | null
        )?.updatedAt ?? null
    )
  );
  const [undone, dismissed, stopped] = await Promise.all([
    db.query(UID.contactMerge).count({ where: { undoneAt: { $notNull: true } } }),
    db.query(UID.duplicatePair).count({ where: { status: 'dismissed' } }),
    db.query(UID.contactImport).count({ where: { status: { $in: ['cancelled', 'undoing', 'undone'] } } }),
  ]);
  return JSON.stringify({ rows, changed: changed.map(String), undone, dismissed, stopped });
};

/**
 * Runs one generated request: the marker before, the answer's checks, and on a 4xx the marker
 * again, which must not have moved. After an accepted write, its post-commit work (entry events,
 * jobs) is let finish first, so that it is not taken for the next case's write.
 */
let settleBeforeNextCase = false;

/**
 * Routes made to show what every other read keeps private, to the callers holding their permission
 * (who may call them is proved in access.test.ts and consent-log.test.ts): a person's export and
 * the consent evidence; the API document names every field and holds no value.
 */
const EVIDENCE = ['ipAddress', 'userAgent', 'emailDigest'];
const SHOWS_PRIVATE: Record<string, readonly string[] | 'all'> = {
  'GET /openapi.json': 'all',
  'GET /contacts/:documentId/export': EVIDENCE,
  'GET /contacts/:documentId/consent-evidence': EVIDENCE,
};
const privateNamesFor = (route: string): ReadonlySet<string> => {
  const shown = SHOWS_PRIVATE[route];
  if (shown === 'all') return new Set();
  return shown ? new Set([...privateNames].filter((name) => !shown.includes(name))) : privateNames;
};

const attack = async (
  route: string,
  sent: string,
  run: () => Promise<request.Response>,
  { writes }: { writes: boolean }
) => {
  cases.count(route);
  if (settleBeforeNextCase) {
    await jobRunner(app).drain();
    await waitForIdleDatabase(app.strapi, { idleChecks: 2, intervalMs: 10 });
    settleBeforeNextCase = false;
  }
  const before = writes ? await writeMarker() : '';
  const response = await run();
  expectSafeAnswer(response, sent, privateNamesFor(route));
  if (!writes) return response;
  if (response.status >= 400) {
    const after = await writeMarker();
    if (after !== before)
      throw new Error(`${sent} answered ${response.status} but wrote: ${before} → ${after}`);
  } else settleBeforeNextCase = true;
  return response;
};

const describeBody = (body: { text: string; contentType: string }) =>
  `${body.contentType} ${body.text.length > 300 ? `${body.text.slice(0, 300)}…(${body.text.length})` : body.text}`;

/** Fixed seeds: a failure replays with the same cases. */
const run = <T>(property: fc.IAsyncPropertyWithHooks<T>, seed: number, numRuns: number) =>
  fc.assert(property, { seed, numRuns, verbose: fc.VerbosityLevel.Verbose });

beforeAll(async () => {
  const { strapi } = app;
  credentials['read-only'] = await createApiToken(strapi, 'read-only');
  credentials['full-access'] = await createApiToken(strapi, 'full-access');
  privateNames = privateFieldNames(strapi);
  for (const uid of [
    UID.contact,
    UID.client,
    UID.offer,
    UID.clientContact,
    UID.offerContact,
    UID.consentEvent,
  ])
    shapes[uid] = recordShape(strapi, uid);

  for (const [index, lastName] of ['Rivière', 'Lefèvre', 'Ngô', 'Müller'].entries()) {
    ids.contacts.push(
      await createContact(strapi, {
        firstName: ['Anne', 'Hélène', 'Bảo', 'Jürgen'][index],
        lastName,
        phone: `06 12 34 56 7${index}`,
        postalCode: '33000',
        city: 'Bordeaux',
        newsletter: index % 2 === 0,
      })
    );
  }
  for (const name of ['Club des Randonneurs', 'Amicale des Pompiers'])
    ids.clients.push(await createClient(strapi, { name }));
  for (const client of ids.clients) ids.offers.push(await createOffer(strapi, { client }));
  ids.clientLinks.push(
    (await linkToClient(strapi, ids.contacts[0], ids.clients[0], 'payeur', true)).documentId
  );
  ids.offerLinks.push(
    (await linkToOffer(strapi, ids.contacts[1], ids.offers[0], 'voyageur', true)).documentId
  );
  ids.consentEvents.push(
    ...(
      (await strapi.db.query(UID.consentEvent).findMany({ select: ['documentId'] })) as {
        documentId: string;
      }[]
    ).map((event) => event.documentId)
  );

  // real cursors of every order, to tamper with
  for (const [list, path] of [
    ['contacts', CONTACTS],
    ['clients', CLIENTS],
  ] as const) {
    for (const order of ['relevance', 'name', 'newest', 'oldest']) {
      const page = await send(
        'full-access',
        'get',
        `${path}?order=${order}&q=${order === 'relevance' ? 'e' : ''}&pagination[pageSize]=1`
      );
      const cursor = page.body?.meta?.pagination?.nextCursor;
      if (typeof cursor === 'string') cursors[list].push(cursor);
    }
  }

  // real newsletter links, to tamper with
  await signUpAndProcess(app, { email: 'attack.target@example.fr' });
  tokens.confirmation.push(confirmationPathIn(app, 'attack.target@example.fr').split('/').pop() as string);
  const unsubscribeUrl = strapi
    .plugin('caladeo-contacts')
    .service('newsletter')
    .unsubscribeUrl(ids.contacts[0]) as string;
  tokens.unsubscribe.push(new URL(unsubscribeUrl).pathname.split('/').pop() as string);

  // a finished dry-run import, a merge and a duplicate pair, for the routes that name them
  const imported = await request(app.baseUrl)
    .post(`${PLUGIN}/imports`)
    .set('Authorization', `Bearer ${credentials['full-access']}`)
    .field('dryRun', 'true')
    .attach('file', Buffer.from('Nom;Prénom;E-mail\nDurand;Paul;paul.durand@example.fr\n'), 'contacts.csv');
  if (imported.body?.data?.documentId) ids.imports.push(imported.body.data.documentId);
  const twin = await createContact(strapi, { firstName: 'Anne', lastName: 'Rivière', postalCode: '33000' });
  const spare = await createContact(strapi, { firstName: 'Anne', lastName: 'Riviere', postalCode: '33000' });
  const merged = await send('full-access', 'post', `${PLUGIN}/contacts/merge`, {
    contentType: 'application/json',
    text: JSON.stringify({ data: { survivor: twin, merged: [spare] } }),
  });
  if (merged.body?.meta?.mergeId) ids.merges.push(String(merged.body.meta.mergeId));
  await jobRunner(app).drain();
  await waitForIdleDatabase(app.strapi);
  ids.pairs.push(
    ...(
      (await strapi.db.query(UID.duplicatePair).findMany({ select: ['documentId'] })) as {
        documentId: string;
      }[]
    ).map((pair) => pair.documentId)
  );
}, 120_000);

afterAll(() => {
  cases.report();
});

const RECORD_ROUTES = [
  { path: CONTACTS, uid: UID.contact, pool: 'contacts' },
  { path: CLIENTS, uid: UID.client, pool: 'clients' },
  { path: OFFERS, uid: UID.offer, pool: 'offers' },
  { path: CLIENT_CONTACTS, uid: UID.clientContact, pool: 'clientLinks' },
  { path: OFFER_CONTACTS, uid: UID.offerContact, pool: 'offerLinks' },
  { path: `${PLUGIN}/consent-events`, uid: UID.consentEvent, pool: 'consentEvents' },
] as const;

describe('record reads', () => {
  it('refuse a sort past a field, at the top or in a populate, with a 400 naming it', async () => {
    for (const record of RECORD_ROUTES) {
      for (const query of ['sort=id.id', 'sort=documentId.x:asc', 'sort[createdAt][x]=asc']) {
        const response = await send('read-only', 'get', `${record.path}?${query}`);
        expect([
          record.path,
          query,
          response.status,
          response.body.error?.details?.errors?.[0]?.code,
        ]).toEqual([record.path, query, 400, 'query.sortThroughField']);
      }
    }
    const nested = await send('read-only', 'get', `${CONTACTS}?populate[clientLinks][sort]=role.x`);
    expect(nested.body.error.details.errors).toMatchObject([
      {
        path: ['populate', 'clientLinks', 'sort'],
        code: 'query.sortThroughField',
        values: { field: 'role' },
      },
    ]);
  });

  it(
    'answer any query of any caller without a 5xx or a private field',
    async () => {
      const route = fc.constantFrom(...RECORD_ROUTES).chain((record) =>
        fc.record({
          record: fc.constant(record),
          one: fc.boolean(),
          id: pathSegment(ids[record.pool]),
          query: hostileRecordQuery(shapes[record.uid]),
          noise: rawQueryNoise,
          caller: anyCaller,
        })
      );
      await run(
        fc.asyncProperty(route, async ({ record, one, id, query, noise, caller }) => {
          const path = one ? `${record.path}/${id}` : record.path;
          const url = withQuery(path, [toQueryString(query), noise].filter(Boolean).join('&'));
          await attack(
            `GET ${record.path.replace('/api', '')}${one ? '/:id' : ''}`,
            `${caller} GET ${url.slice(0, 600)}`,
            () => send(caller, 'get', url),
            { writes: false }
          );
        }),
        0x5eed_0001,
        400
      );
    },
    PROPERTY_TIMEOUT_MS
  );
});

/** A real cursor changed a little: a character flipped, cut, lengthened, or another list's. */
const tamperedCursor = (real: readonly string[]) =>
  fc
    .record({
      cursor: fc.constantFrom(...real),
      at: fc.nat(),
      how: fc.constantFrom('flip', 'cut', 'append', 'bytes', 'swap', 'pad'),
      noise: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
    })
    .map(({ cursor, at, how, noise }) => {
      const index = at % cursor.length;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      switch (how) {
        case 'flip': {
          const replacement = alphabet[(alphabet.indexOf(cursor[index]) + 1) % alphabet.length];
          return cursor.slice(0, index) + replacement + cursor.slice(index + 1);
        }
        case 'cut':
          return cursor.slice(0, index);
        case 'append':
          return cursor + noise;
        case 'bytes': {
          const bytes = Buffer.from(cursor, 'base64url');
          bytes[index % bytes.length] ^= 0xff;
          return bytes.toString('base64url');
        }
        case 'swap':
          return cursor.split('').reverse().join('');
        default:
          return cursor + '='.repeat(1 + (index % 3));
      }
    });

describe('list searches', () => {
  it(
    'take any q, order, page size and cursor, forged or tampered, without a 5xx or a private field',
    async () => {
      const list = fc.constantFrom(
        { path: CONTACTS, uid: UID.contact, pool: 'contacts' as const },
        { path: CLIENTS, uid: UID.client, pool: 'clients' as const }
      );
      const search = list.chain((target) =>
        fc.record({
          target: fc.constant(target),
          caller: anyCaller,
          query: fc.record(
            {
              q: fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), hostileTree(['q'], 2)),
              order: fc.oneof(
                fc.constantFrom('relevance', 'name', 'newest', 'oldest'),
                hostileScalar,
                fc.array(nastyString)
              ),
              cursor: fc.oneof(
                {
                  arbitrary: tamperedCursor(cursors[target.pool].length ? cursors[target.pool] : ['AAAA']),
                  weight: 4,
                },
                { arbitrary: fc.constantFrom(...cursors.contacts, ...cursors.clients), weight: 2 },
                { arbitrary: fc.base64String({ maxLength: 200 }), weight: 1 },
                { arbitrary: hostileString, weight: 2 },
                { arbitrary: fc.array(hostileString, { maxLength: 2 }), weight: 1 }
              ),
              pagination: hostileRecordQuery(shapes[target.uid]).map((query) => query.pagination),
              filters: hostileRecordQuery(shapes[target.uid]).map((query) => query.filters),
              sort: hostileString,
              populate: hostileRecordQuery(shapes[target.uid]).map((query) => query.populate),
            },
            { requiredKeys: [] }
          ),
        })
      );
      await run(
        fc.asyncProperty(search, async ({ target, caller, query }) => {
          const url = withQuery(target.path, toQueryString(query));
          await attack(
            `GET ${target.path.replace('/api', '')} (q, order, cursor)`,
            `${caller} GET ${url.slice(0, 600)}`,
            () => send(caller, 'get', url),
            { writes: false }
          );
        }),
        0x5eed_0002,
        250
      );
    },
    PROPERTY_TIMEOUT_MS
  );
});

/** A record body whose keys are the type's own fields (private ones too) with values of any type. */
const plausibleRecordBody = (shape: RecordShape, ids: readonly string[]) => {
  const names = [...shape.fields, ...shape.relations];
  const value = fc.oneof(
    { arbitrary: hostileScalar, weight: 5 },
    { arbitrary: fc.constantFrom(...ids), weight: 1 },
    { arbitrary: fc.array(fc.oneof(fc.constantFrom(...ids), hostileScalar), { maxLength: 3 }), weight: 1 },
    {
      arbitrary: fc.record(
        {
          connect: fc.array(fc.constantFrom(...ids)),
          disconnect: fc.array(hostileScalar),
          set: fc.array(hostileScalar),
        },
        { requiredKeys: [] }
      ),
      weight: 1,
    },
    { arbitrary: hostileTree(names, 3), weight: 1 }
  );
  return fc.record({ data: fc.dictionary(hostileKey(names), value, { maxKeys: 8 }) });
};

describe('record writes', () => {
  it(
    'refuse any body with a 4xx that writes nothing, or accept it, never with a 5xx or a private field',
    async () => {
      const allIds = [...ids.contacts, ...ids.clients, ...ids.offers, ...ids.clientLinks, ...ids.offerLinks];
      const write = fc
        .constantFrom(...RECORD_ROUTES.filter((record) => record.uid !== UID.consentEvent))
        .chain((record) => {
          const shape = shapes[record.uid];
          const names = [...shape.fields, ...shape.relations];
          return fc.record({
            record: fc.constant(record),
            method: fc.constantFrom<Method>('post', 'put', 'put', 'delete'),
            id: pathSegment(ids[record.pool]),
            deleteId: hostileSegment,
            caller: writer,
            body: fc.record({
              text: hostileBodyText(names, plausibleRecordBody(shape, allIds)),
              contentType: fc.constantFrom(...CONTENT_TYPES),
            }),
            query: hostileRecordQuery(shape).map(({ fields, populate }) => ({ fields, populate })),
          });
        });
      await run(
        fc.asyncProperty(write, async ({ record, method, id, deleteId, caller, body, query }) => {
          // deletes name no real record: the fixtures stay for the other cases
          const path =
            method === 'post' ? record.path : `${record.path}/${method === 'delete' ? deleteId : id}`;
          const url = withQuery(path, toQueryString(query));
          await attack(
            `${method.toUpperCase()} ${record.path.replace('/api', '')}${method === 'post' ? '' : '/:id'}`,
            `${caller} ${method.toUpperCase()} ${url.slice(0, 400)} ${describeBody(body)}`,
            () => send(caller, method, url, method === 'delete' ? undefined : body),
            { writes: true }
          );
        }),
        0x5eed_0003,
        480
      );
    },
    PROPERTY_TIMEOUT_MS
  );
});

type OtherRoute = {
  method: Method;
  /** The route as the API document names it. */
  path: string;
  params?: Partial<Record<string, keyof typeof ids>>;
  query?: readonly string[];
  body?: (names: readonly string[]) => fc.Arbitrary<unknown>;
};

const CONTACT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'postalCode', 'city', 'country', 'gender'];
const idish = () => fc.oneof(fc.constantFrom(...ids.contacts, ...ids.clients), hostileScalar);

/** Every other content-API route of the plugin, with the parameters it documents. */
const otherRoutes = (): OtherRoute[] => [
  { method: 'get', path: '/contacts/lookup', query: ['email', 'phone'] },
  {
    method: 'get',
    path: '/contacts/:documentId/export',
    params: { documentId: 'contacts' },
    query: ['format', 'locale'],
  },
  { method: 'get', path: '/contacts/:documentId/consent-evidence', params: { documentId: 'contacts' } },
  {
    method: 'get',
    path: '/contacts/:documentId/history',
    params: { documentId: 'contacts' },
    query: ['action', 'entryPoint', 'from', 'to', 'page', 'pageSize'],
  },
  {
    method: 'get',
    path: '/clients/:documentId/history',
    params: { documentId: 'clients' },
    query: ['action', 'entryPoint', 'from', 'to', 'page', 'pageSize'],
  },
  { method: 'get', path: '/documents/offers/:documentId', params: { documentId: 'offers' } },
  { method: 'get', path: '/documents/offers/:documentId/quote.pdf', params: { documentId: 'offers' } },
  { method: 'get', path: '/imports/:documentId', params: { documentId: 'imports' } },
  { method: 'get', path: '/imports/:documentId/errors', params: { documentId: 'imports' } },
  {
    method: 'post',
    path: '/imports/:documentId/cancel',
    params: { documentId: 'imports' },
    body: (names) => hostileTree(names),
  },
  {
    method: 'post',
    path: '/imports/:documentId/undo',
    params: { documentId: 'imports' },
    body: (names) => hostileTree(names),
  },
  {
    method: 'post',
    path: '/contacts/duplicates/check',
    body: (names) =>
      fc.record({
        data: fc
          .record(
            {
              documentId: idish(),
              clients: fc.oneof(fc.array(idish(), { maxLength: 60 }), hostileScalar),
              extra: fc.dictionary(hostileKey([...CONTACT_FIELDS, ...names]), hostileScalar, { maxKeys: 6 }),
            },
            { requiredKeys: [] }
          )
          .map(({ extra, ...rest }) => ({ ...(extra ?? {}), ...rest })),
      }),
  },
  { method: 'get', path: '/contacts/:documentId/duplicates', params: { documentId: 'contacts' } },
  { method: 'get', path: '/duplicate-pairs', query: ['status', 'reason', 'client', 'page', 'pageSize'] },
  { method: 'get', path: '/duplicate-pairs/scan' },
  { method: 'post', path: '/duplicate-pairs/scan', body: (names) => hostileTree(names) },
  {
    method: 'post',
    path: '/duplicate-pairs/:documentId/dismiss',
    params: { documentId: 'pairs' },
    body: (names) => hostileTree(names),
  },
  {
    method: 'post',
    path: '/contacts/merge',
    body: (names) =>
      fc.record({
        data: fc.record(
          {
            survivor: idish(),
            merged: fc.oneof(fc.array(idish(), { maxLength: 6 }), hostileScalar),
            values: fc.oneof(
              fc.dictionary(hostileKey([...CONTACT_FIELDS, 'newsletter']), idish(), { maxKeys: 4 }),
              hostileTree(names, 2)
            ),
            preview: hostileScalar,
          },
          { requiredKeys: [] }
        ),
      }),
  },
  {
    method: 'post',
    path: '/merges/:mergeId/undo',
    params: { mergeId: 'merges' },
    body: (names) => hostileTree(names),
  },
  {
    method: 'post',
    path: '/contacts/:documentId/erase',
    params: { documentId: 'contacts' },
    body: () =>
      fc.record({
        data: fc.record(
          { confirm: fc.oneof(hostileScalar, fc.constantFrom('true', 1, [true], { value: true })) },
          { requiredKeys: [] }
        ),
      }),
  },
  { method: 'get', path: '/newsletter/subscribers/export', query: ['format', 'since'] },
  { method: 'get', path: '/openapi.json' },
];

describe('the plugin’s other routes', () => {
  it(
    'answer any parameter, query and body without a 5xx or a private field, and a refusal writes nothing',
    async () => {
      const names = ['data', 'confirm', 'survivor', 'merged', 'values', ...CONTACT_FIELDS];
      const generated = fc.constantFrom(...otherRoutes()).chain((route) =>
        fc.record({
          route: fc.constant(route),
          caller: route.method === 'get' ? anyCaller : writer,
          params: fc.record(
            Object.fromEntries(
              Object.entries(route.params ?? {}).map(([param, pool]) => [
                param,
                pathSegment(pool ? ids[pool] : []),
              ])
            ) as Record<string, fc.Arbitrary<string>>
          ),
          query: fc.dictionary(
            hostileKey([...(route.query ?? []), 'fields', 'populate']),
            fc.oneof(hostileScalar, hostileTree(names, 2)),
            {
              maxKeys: 4,
            }
          ),
          noise: rawQueryNoise,
          body: fc.record({
            text: hostileBodyText(names, route.body?.(names)),
            contentType: fc.constantFrom(...CONTENT_TYPES),
          }),
        })
      );
      await run(
        fc.asyncProperty(generated, async ({ route, caller, params, query, noise, body }) => {
          const path = route.path.replace(/:(\w+)/g, (_, param: string) => params[param] ?? 'x');
          const url = withQuery(`${PLUGIN}${path}`, [toQueryString(query), noise].filter(Boolean).join('&'));
          await attack(
            `${route.method.toUpperCase()} ${route.path}`,
            `${caller} ${route.method.toUpperCase()} ${url.slice(0, 400)} ${route.method === 'get' ? '' : describeBody(body)}`,
            () => send(caller, route.method, url, route.method === 'get' ? undefined : body),
            { writes: route.method !== 'get' }
          );
        }),
        0x5eed_0004,
        650
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it(
    'take any import upload without a 5xx, and a refused one writes nothing',
    async () => {
      const upload = fc.record({
        caller: writer,
        fields: fc.dictionary(
          hostileKey([
            'mode',
            'mapping',
            'delimiter',
            'encoding',
            'sheet',
            'clearEmpty',
            'createClients',
            'consent',
            'template',
          ]),
          fc.oneof(
            hostileString.filter((text) => text.length < 2000),
            hostileTree(['email', 'lastName', 'source', 'consentedAt'], 2).map(
              (value) => JSON.stringify(value) ?? ''
            )
          ),
          { maxKeys: 4 }
        ),
        file: fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
          fc
            .array(
              fc.array(
                hostileString.filter((text) => text.length < 200),
                { maxLength: 5 }
              ),
              { maxLength: 6 }
            )
            .map((rows) =>
              Buffer.from(['Nom;Prénom;E-mail;Newsletter', ...rows.map((row) => row.join(';'))].join('\n'))
            ),
          fc.constantFrom(Buffer.alloc(0), Buffer.from('PK\u0003\u0004garbage'), Buffer.from('\uFEFF'))
        ),
        name: fc.oneof(
          fc.constantFrom('contacts.csv', 'contacts.xlsx', '../../x.csv', 'a'.repeat(300), 'contacts'),
          hostileString
        ),
      });
      await run(
        fc.asyncProperty(upload, async ({ caller, fields, file, name }) => {
          const sent = `${caller} POST /imports ${JSON.stringify(fields).slice(0, 300)} file ${name.slice(0, 60)} (${file.length} bytes)`;
          await attack(
            'POST /imports',
            sent,
            () => {
              let call = request(app.baseUrl).post(`${PLUGIN}/imports`);
              const credential = credentials[caller];
              if (credential) call = call.set('Authorization', `Bearer ${credential}`);
              // a dry run always: an accepted file must not fill the base the other cases read
              for (const [key, value] of Object.entries(fields))
                if (key !== 'dryRun') call = call.field(key, value);
              return call.field('dryRun', 'true').attach('file', file, name.replace(/[\r\n"]/g, '_') || 'x');
            },
            { writes: true }
          );
        }),
        0x5eed_0005,
        80
      );
    },
    PROPERTY_TIMEOUT_MS
  );
});

/** A real link token changed a little, or one of random text. */
const tamperedToken = (real: readonly string[]) =>
  fc.oneof(
    fc
      .record({
        token: fc.constantFrom(...real),
        at: fc.nat(),
        extra: fc.string({ minLength: 1, maxLength: 4 }),
      })
      .map(({ token, at, extra }) => {
        const index = at % token.length;
        const flipped = token[index] === 'a' ? 'b' : 'a';
        return [
          token.slice(0, index) + flipped + token.slice(index + 1),
          token.slice(0, index),
          token + extra,
          token.toUpperCase(),
        ][at % 4];
      })
      .map(encode),
    hostileSegment
  );

describe('the public newsletter routes', () => {
  it(
    'answer any form and any link, forged or tampered, without a 5xx or a private field',
    async () => {
      const signUpFields = [
        'email',
        'firstName',
        'lastName',
        'source',
        'locale',
        'redirect',
        'website',
        'consent',
      ];
      const form = fc.record({
        caller: anyCaller,
        kind: fc.constantFrom('sign-up', 'sign-up', 'confirmation', 'unsubscribe'),
        method: fc.constantFrom<Method>('get', 'post'),
        token: fc.oneof(
          tamperedToken([...tokens.confirmation, ...tokens.unsubscribe]),
          fc.constantFrom('x', '')
        ),
        body: fc.record({
          text: fc.oneof(
            fc
              .dictionary(hostileKey(signUpFields), fc.oneof(hostileScalar, hostileTree(signUpFields, 2)), {
                maxKeys: 6,
              })
              .map((fields) => JSON.stringify(fields)),
            fc
              .dictionary(hostileKey(signUpFields), hostileString, { maxKeys: 5 })
              .map((fields) => toQueryString(fields)),
            hostileBodyText(signUpFields),
            deepNesting.map((value) => JSON.stringify({ email: value }))
          ),
          contentType: fc.constantFrom(...CONTENT_TYPES, 'multipart/form-data; boundary=x'),
        }),
        origin: fc.option(fc.constantFrom('https://www.agence.test', 'https://evil.test', 'null', ''), {
          nil: undefined,
        }),
      });
      await run(
        fc.asyncProperty(form, async ({ caller, kind, method, token, body, origin }) => {
          const path =
            kind === 'sign-up'
              ? SUBSCRIPTIONS
              : `${PLUGIN}/newsletter/${kind === 'confirmation' ? 'confirmations' : 'unsubscribe'}/${token}`;
          const verb = kind === 'sign-up' ? 'post' : method;
          await attack(
            `${verb.toUpperCase()} ${kind === 'sign-up' ? '/newsletter/subscriptions' : `/newsletter/${kind === 'confirmation' ? 'confirmations' : 'unsubscribe'}/:token`}`,
            `${caller} ${verb.toUpperCase()} ${path.slice(0, 300)} ${describeBody(body)}`,
            async () => {
              let call = send(caller, verb, path, verb === 'post' ? body : undefined);
              if (origin !== undefined) call = call.set('Origin', origin);
              return call;
            },
            { writes: true }
          );
        }),
        0x5eed_0006,
        240
      );
    },
    PROPERTY_TIMEOUT_MS
  );
});
