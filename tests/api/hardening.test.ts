import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import {
  CLIENTS,
  CLIENT_CONTACTS,
  CONTACTS,
  OFFERS,
  OFFER_CONTACTS,
  errorCodes,
  restClient,
  type RestClient,
} from '../helpers/http';
import { createClient, createContact, createOffer, linkToClient, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let api: RestClient;
let reader: RestClient;
let fullToken: string;

/** Rows of every table the plugin writes, to prove a refusal wrote nothing. */
const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      [UID.contact, UID.client, UID.offer, UID.clientContact, UID.offerContact, UID.consentEvent].map(
        async (uid) => [uid, await app.strapi.db.query(uid).count()] as const
      )
    )
  );

const sendJson = (method: 'post' | 'put', path: string, body: string) =>
  api.raw(method, path).set('Content-Type', 'application/json').send(body);

/** The contact a link belongs to, read from the database. */
const contactOfLink = async (uid: typeof UID.clientContact | typeof UID.offerContact, documentId: string) =>
  (
    (await app.strapi.db.query(uid).findOne({ where: { documentId }, populate: ['contact'] })) as {
      contact: { documentId: string } | null;
    } | null
  )?.contact?.documentId ?? null;

let anne: string;
let bruno: string;
let club: string;
let otherClub: string;
let offer: string;
let anneOnClub: string;
let anneOnOffer: string;

beforeAll(async () => {
  fullToken = await createApiToken(app.strapi, 'full-access');
  api = restClient(app, fullToken);
  reader = restClient(app, await createApiToken(app.strapi, 'read-only'));
  anne = await createContact(app.strapi, { firstName: 'Anne', lastName: 'Rivière' });
  bruno = await createContact(app.strapi, { firstName: 'Bruno', lastName: 'Morel' });
  club = await createClient(app.strapi, { name: 'Club des Randonneurs' });
  otherClub = await createClient(app.strapi, { name: 'Amicale des Pompiers' });
  offer = await createOffer(app.strapi, { client: club });
  anneOnClub = (await linkToClient(app.strapi, anne, club, 'payeur', true)).documentId;
  anneOnOffer = (await linkToOffer(app.strapi, anne, offer, 'voyageur')).documentId;
});

describe('filters that Strapi would fail on, or that would cost everyone', () => {
  it('answers 400 naming filters for a list where conditions are expected', async () => {
    for (const query of ['filters[0][lastName][$eq]=x', 'filters[$or][0][0][lastName]=x']) {
      const response = await reader.get(`${CONTACTS}?${query}`);
      expect([response.status, errorCodes(response.body)[0]?.split(': ')[1]]).toEqual([
        400,
        'query.filtersNotConditions',
      ]);
    }
  });

  it('refuses a filter through too many relations before it runs, and still takes two relations', async () => {
    const hops = 'filters[clientLinks][client][contactLinks][contact]';
    const refused = await reader.get(`${CONTACTS}?${hops.repeat(1)}[clientLinks][client][name]=x`);
    expect(refused.status).toBe(400);
    expect(errorCodes(refused.body)).toEqual([
      'filters.clientLinks.client.contactLinks.contact.clientLinks: query.filterPathTooLong',
    ]);
    const allowed = await reader.get(
      `${CONTACTS}?filters[clientLinks][client][name][$eq]=Club des Randonneurs`
    );
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.map((contact: { documentId: string }) => contact.documentId)).toEqual([anne]);
  });

  it('takes conditions nested 12 levels, as documented, and refuses a 13th', async () => {
    const rivière = encodeURIComponent('Rivière');
    // $not twice over is the condition itself: 12 levels find Anne, and 13 are refused
    const nots = (levels: number) => `filters${'[$not]'.repeat(levels)}[lastName][$eq]=${rivière}`;
    const allowed = await reader.get(`${CONTACTS}?${nots(12)}`);
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.map((contact: { documentId: string }) => contact.documentId)).toEqual([anne]);
    const refused = await reader.get(`${CONTACTS}?${nots(13)}`);
    expect(refused.status).toBe(400);
    expect(errorCodes(refused.body)[0]?.split(': ')[1]).toBe('query.filtersTooDeep');
    // a list level takes two brackets, and Strapi's query-string parser reads 20: 9 levels of $and
    const andLists = (levels: number) => `filters${'[$and][0]'.repeat(levels)}[lastName][$eq]=${rivière}`;
    const lists = await reader.get(`${CONTACTS}?${andLists(9)}`);
    expect(lists.status).toBe(200);
    expect(lists.body.data.map((contact: { documentId: string }) => contact.documentId)).toEqual([anne]);
    const pastTheParser = await reader.get(`${CONTACTS}?${andLists(10)}`);
    expect(pastTheParser.status).toBe(400);
    expect(pastTheParser.body.error.details.param).toBe('filters');
  });

  it('refuses a populate or a sort four relations deep', async () => {
    const populate = await reader.get(`${CONTACTS}?populate=clientLinks.client.contactLinks.contact`);
    expect(errorCodes(populate.body)).toEqual(['populate: query.populateTooDeep']);
    const sort = await reader.get(`${CONTACTS}?sort=clientLinks.client.contactLinks.contact.lastName:asc`);
    expect(errorCodes(sort.body)).toEqual(['sort: query.sortPathTooLong']);
  });
});

describe('bodies that no sanitiser should walk', () => {
  it('refuses a prototype key on every write route, naming it, and writes nothing', async () => {
    const before = await counts();
    const payload = '{"data":{"lastName":"X","name":"X","title":"X","constructor":{"prototype":{"a":1}}}}';
    for (const [method, path] of [
      ['post', CONTACTS],
      ['put', `${CONTACTS}/${anne}`],
      ['post', CLIENTS],
      ['put', `${CLIENTS}/${club}`],
      ['post', OFFERS],
      ['post', CLIENT_CONTACTS],
    ] as const) {
      const response = await sendJson(method, path, payload);
      expect([method, path, response.status, errorCodes(response.body)]).toEqual([
        method,
        path,
        400,
        ['body.data.constructor: body.prototypeKey'],
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses JSON nested 5,000 levels with a 400, not a stack overflow', async () => {
    const depth = 5000;
    const response = await sendJson('post', CONTACTS, `{"data":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].code).toBe('body.tooDeep');
  });
});

describe('fields only the server sets', () => {
  const SYSTEM = [
    'id',
    'documentId',
    'createdAt',
    'updatedAt',
    'publishedAt',
    'createdBy',
    'updatedBy',
    'locale',
    'localizations',
  ];
  const valueFor = (field: string): unknown => {
    if (field === 'id' || field.endsWith('By')) return 1;
    if (field === 'localizations') return [];
    if (field.endsWith('At')) return '2020-01-01T00:00:00.000Z';
    return 'posé à la main';
  };

  type Write = ['post' | 'put', string, Record<string, unknown>];
  /** Each type: what it is, its create and update with valid data, the fields refused on both. */
  const types = (): [string, string, () => string, Write[], string[]][] => [
    [
      'contacts',
      UID.contact,
      () => bruno,
      [
        ['post', CONTACTS, { lastName: 'Serveur' }],
        ['put', `${CONTACTS}/${bruno}`, { city: 'Brest' }],
      ],
      [...SYSTEM, 'searchText', 'nameKey', 'emailLocalPart'],
    ],
    [
      'clients',
      UID.client,
      () => otherClub,
      [
        ['post', CLIENTS, { name: 'Club du Serveur' }],
        ['put', `${CLIENTS}/${otherClub}`, { city: 'Brest' }],
      ],
      [...SYSTEM, 'searchText'],
    ],
    [
      'offers',
      UID.offer,
      () => offer,
      [
        ['post', OFFERS, { title: 'Séjour', reference: 'OFF-SERVER' }],
        ['put', `${OFFERS}/${offer}`, { title: 'Séjour à Porto' }],
      ],
      SYSTEM,
    ],
    [
      'roles on clients',
      UID.clientContact,
      () => anneOnClub,
      [
        ['post', CLIENT_CONTACTS, { contact: bruno, client: otherClub, role: 'payeur' }],
        ['put', `${CLIENT_CONTACTS}/${anneOnClub}`, { isPrimary: false }],
      ],
      [...SYSTEM, 'primaryOf', 'pairKey'],
    ],
    [
      'roles on offers',
      UID.offerContact,
      () => anneOnOffer,
      [
        ['post', OFFER_CONTACTS, { contact: bruno, offer, role: 'payeur' }],
        ['put', `${OFFER_CONTACTS}/${anneOnOffer}`, { isPrimary: true }],
      ],
      [...SYSTEM, 'primaryOf', 'pairKey'],
    ],
  ];
  const stored = (uid: string, documentId: string) =>
    app.strapi.db.query(uid as typeof UID.contact).findOne({ where: { documentId } });

  it.each(['contacts', 'clients', 'offers', 'roles on clients', 'roles on offers'])(
    'refuses each on a create and an update of %s, naming it, and writes nothing',
    async (name) => {
      const [, uid, updated, writes, fields] = types().find(([label]) => label === name) as ReturnType<
        typeof types
      >[number];
      const before = await counts();
      const record = await stored(uid, updated());
      for (const field of fields) {
        for (const [method, path, data] of writes) {
          const response = await api[method](path, { ...data, [field]: valueFor(field) });
          expect([method, path, response.status, errorCodes(response.body)]).toEqual([
            method,
            path,
            400,
            [`${field}: body.serverField`],
          ]);
        }
      }
      expect(await counts()).toEqual(before);
      expect(await stored(uid, updated())).toEqual(record);
    }
  );

  it('names every such field of one body, in Strapi’s envelope', async () => {
    const response = await api.post(CONTACTS, {
      lastName: 'Serveur',
      searchText: 'serveur',
      publishedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['searchText'], code: 'body.serverField' }),
      expect.objectContaining({ path: ['publishedAt'], code: 'body.serverField' }),
    ]);
  });

  it('still takes the write without them, and derives the search text itself', async () => {
    const created = await api.post(CONTACTS, { firstName: 'Élise', lastName: 'Serveur' });
    expect(created.status).toBe(201);
    const row = (await stored(UID.contact, created.body.data.documentId)) as { searchText: string };
    expect(row.searchText).toContain('serveur');
  });

  it('refuses them through GraphQL, whose input types do not have them', async () => {
    const before = await counts();
    for (const [mutation, field] of [
      ['createCaladeoContactsContact(data: { lastName: "Serveur", searchText: "x" })', 'searchText'],
      [`updateCaladeoContactsContact(documentId: "${bruno}", data: { nameKey: "x" })`, 'nameKey'],
      [`updateCaladeoContactsClient(documentId: "${club}", data: { searchText: "x" })`, 'searchText'],
      [`updateOffer(documentId: "${offer}", data: { publishedAt: "2020-01-01T00:00:00Z" })`, 'publishedAt'],
      [
        `updateCaladeoContactsClientContact(documentId: "${anneOnClub}", data: { primaryOf: "x" })`,
        'primaryOf',
      ],
      [
        `updateCaladeoContactsOfferContact(documentId: "${anneOnOffer}", data: { createdAt: "2020-01-01T00:00:00Z" })`,
        'createdAt',
      ],
    ] as const) {
      const response = await request(app.baseUrl)
        .post('/graphql')
        .set('Authorization', `Bearer ${fullToken}`)
        .send({ query: `mutation { ${mutation} { documentId } }` });
      expect([field, response.status, response.body.errors?.[0]?.extensions?.code]).toEqual([
        field,
        400,
        'GRAPHQL_VALIDATION_FAILED',
      ]);
      expect(response.body.errors[0].message).toContain(`"${field}"`);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('links keep their ends', () => {
  it('refuses to connect someone’s link to another contact, client or offer, and the link stays', async () => {
    for (const [path, data] of [
      [`${CONTACTS}/${bruno}`, { clientLinks: { connect: [anneOnClub] } }],
      [`${CONTACTS}/${bruno}`, { offerLinks: [anneOnOffer] }],
      [`${CONTACTS}/${anne}`, { clientLinks: { set: [] } }],
      [`${CLIENTS}/${otherClub}`, { contactLinks: { connect: [anneOnClub] } }],
      [`${OFFERS}/${offer}`, { contactLinks: { disconnect: [anneOnOffer] } }],
    ] as const) {
      const response = await api.put(path, data);
      expect([path, response.status, errorCodes(response.body)[0]?.split(': ')[1]]).toEqual([
        path,
        400,
        'link.throughLinkRoutes',
      ]);
    }
    expect(await contactOfLink(UID.clientContact, anneOnClub)).toBe(anne);
    expect(await contactOfLink(UID.offerContact, anneOnOffer)).toBe(anne);
  });

  it('takes a form’s untouched relation and the other fields with it', async () => {
    const response = await api.put(`${CONTACTS}/${bruno}`, {
      city: 'Nantes',
      clientLinks: { connect: [], disconnect: [] },
    });
    expect(response.status).toBe(200);
    expect(response.body.data.city).toBe('Nantes');
  });

  it('refuses the same through GraphQL', async () => {
    const response = await request(app.baseUrl)
      .post('/graphql')
      .set('Authorization', `Bearer ${fullToken}`)
      .send({
        query: `mutation Move($id: ID!, $links: [ID]) {
          updateCaladeoContactsContact(documentId: $id, data: { clientLinks: $links }) { documentId }
        }`,
        variables: { id: bruno, links: [anneOnClub] },
      });
    expect(response.body.errors?.[0]?.message).toMatch(/client-contacts and offer-contacts/);
    expect(await contactOfLink(UID.clientContact, anneOnClub)).toBe(anne);
  });
});

describe('one-document relations', () => {
  it('refuses two clients for an offer, naming the field, and writes nothing', async () => {
    const before = await counts();
    const response = await api.post(OFFERS, {
      title: 'Séjour',
      reference: 'OFF-TWO',
      client: [club, otherClub],
    });
    expect([response.status, errorCodes(response.body)]).toEqual([400, ['client: relation.single']]);
    expect(await counts()).toEqual(before);
    const one = await api.post(OFFERS, { title: 'Séjour', reference: 'OFF-ONE', client: [otherClub] });
    expect(one.status).toBe(201);
  });
});

describe('rules that hold under concurrent writes', () => {
  it('gives one role on one client once, however many callers ask at the same moment', async () => {
    const claire = await createContact(app.strapi, { firstName: 'Claire', lastName: 'Fontaine' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.post(CLIENT_CONTACTS, { contact: claire, client: otherClub, role: 'voyageur' })
      )
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(
      new Set(answers.filter((answer) => answer.status !== 201).map((answer) => errorCodes(answer.body)[0]))
    ).toEqual(new Set(['role: link.roleTaken']));
    const stored = await app.strapi.db.query(UID.clientContact).count({
      where: { contact: { documentId: claire }, client: { documentId: otherClub }, role: 'voyageur' },
    });
    expect(stored).toBe(1);
  });

  it('records one consent event when thirty callers turn the newsletter on at once', async () => {
    const denis = await createContact(app.strapi, { firstName: 'Denis', lastName: 'Perrin' });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => api.put(`${CONTACTS}/${denis}`, { newsletter: true }))
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const events = await app.strapi.db
      .query(UID.consentEvent)
      .findMany({ where: { contact: { documentId: denis } }, select: ['action', 'newsletter'] });
    expect(events).toEqual([{ action: 'set_by_api', newsletter: true }]);
  });
});

describe('GraphQL operations of bounded cost', () => {
  const graphql = (query: string, credential: string | null = fullToken) => {
    const call = request(app.baseUrl).post('/graphql').send({ query });
    return credential ? call.set('Authorization', `Bearer ${credential}`) : call;
  };

  it('refuses a fragment that spreads itself, even anonymously, with a 400 and no crash', async () => {
    for (const credential of [null, fullToken]) {
      const response = await graphql(
        '{ ...Loop } fragment Loop on Query { caladeoContactsContacts { documentId } ...Loop }',
        credential
      );
      expect(response.status).toBe(400);
      expect(response.body.errors[0]).toMatchObject({
        message: 'A fragment of this operation spreads itself, directly or through other fragments',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
    expect((await request(app.baseUrl).get('/_health')).status).toBe(204);
  });

  it('refuses more than 20 aliases', async () => {
    const aliased = (count: number) =>
      `{ ${Array.from({ length: count }, (_, index) => `a${index}: caladeoContactsContacts { documentId }`).join(' ')} }`;
    expect((await graphql(aliased(20))).status).toBe(200);
    const refused = await graphql(aliased(21));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toBe(
      'The operation has 21 aliased fields; at most 20 are allowed'
    );
  });

  it('refuses an operation that would read too much, before it runs', async () => {
    const costly = `{ caladeoContactsContacts(pagination: { pageSize: 100 }) {
      documentId clientLinks(pagination: { pageSize: 100 }) { role client { documentId name contactLinks { role } } } } }`;
    const refused = await graphql(costly);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(
      /^The operation would read about \d+ fields; at most 25000 are allowed$/
    );
    const modest = await graphql(
      '{ caladeoContactsContacts(pagination: { pageSize: 100 }) { documentId clientLinks { role client { name } } } }'
    );
    expect([modest.status, modest.body.errors]).toEqual([200, undefined]);
  });
});
