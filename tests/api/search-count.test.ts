import { beforeAll, describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { adminClient, adminTokenWithActions, type AdminClient } from '../helpers/admin';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { CLIENT_CONTACTS, CLIENTS, CONTACTS, errorPaths, restClient, type RestClient } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

// a cap of 3 lets a handful of rows show the capped total ("3+") as 10,001 would in production
const COUNT_CAP = 3;
const app = useStrapi({ env: { SEARCH_COUNT_CAP: String(COUNT_CAP) } });
let api: RestClient;
let admin: AdminClient;
let amicale: string;

const ACTION = {
  contactsRead: 'plugin::caladeo-contacts.contacts.read',
  clientsRead: 'plugin::caladeo-contacts.clients.read',
};

type Pagination = { pageSize: number; nextCursor: string | null; total?: number; totalIsExact?: boolean };

const created = async (path: string, data: Record<string, unknown>) => {
  const response = await api.post(path, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
  admin = adminClient(app, await adminTokenWithActions(app, [ACTION.contactsRead, ACTION.clientsRead]));
  amicale = await created(CLIENTS, { name: 'Amicale Laïque de Pessac', type: 'association', city: 'Pessac' });
  await created(CLIENTS, { name: 'Amicale des Pompiers', type: 'association', city: 'Lyon' });
  await created(CLIENTS, { name: 'Lycée Montaigne', type: 'school', city: 'Bordeaux' });
  const members = [
    { firstName: 'Hélène', lastName: 'Lefèvre', city: 'Bordeaux', country: 'FR', newsletter: true },
    { firstName: 'Helene', lastName: 'Martin', city: 'Lyon', country: 'FR' },
    { firstName: 'Jan', lastName: 'Martin', city: 'Gand', country: 'BE', newsletter: true },
  ];
  for (const [index, member] of members.entries()) {
    const contact = await created(CONTACTS, { ...member, email: `membre${index}@exemple.fr` });
    await created(CLIENT_CONTACTS, {
      contact,
      client: amicale,
      role: index === 0 ? 'president' : 'voyageur',
    });
  }
  // more than the cap: their total is "at least 3"
  for (let index = 0; index < COUNT_CAP + 2; index += 1) {
    await created(CONTACTS, { firstName: `Prénom ${index}`, lastName: 'Capucine', city: 'Lyon' });
  }
});

describe('the REST list without its count', () => {
  it.each([
    ['martin', ''],
    ['capucine', '&pagination[pageSize]=2'],
    ['helene', '&filters[city][$eq]=Lyon'],
    ['', '&order=newest&pagination[pageSize]=4'],
  ])('gives the same rows and cursor for q=%s%s, with no total', async (q, extra) => {
    const withCount = await api.get(`${CONTACTS}?q=${q}${extra}`);
    const without = await api.get(`${CONTACTS}?q=${q}${extra}&pagination[withCount]=false`);
    expect([withCount.status, without.status]).toEqual([200, 200]);
    expect(withCount.body.meta.pagination).toHaveProperty('total');
    expect(withCount.body.meta.pagination).toHaveProperty('totalIsExact');
    expect(without.body.data).toEqual(withCount.body.data);
    expect(Object.keys(without.body.meta.pagination).sort()).toEqual(['nextCursor', 'pageSize']);
    expect(without.body.meta.pagination.pageSize).toBe(withCount.body.meta.pagination.pageSize);
    // cursors are sealed afresh each time: the same next page is what must come of them
    const next = async (cursor: string | null) =>
      cursor ? (await api.get(`${CONTACTS}?q=${q}${extra}&cursor=${cursor}`)).body.data : null;
    expect(await next(without.body.meta.pagination.nextCursor)).toEqual(
      await next(withCount.body.meta.pagination.nextCursor)
    );
  });

  it('keeps the total by default and with pagination[withCount]=true', async () => {
    for (const extra of ['', '&pagination[withCount]=true']) {
      const response = await api.get(`${CONTACTS}?q=martin${extra}`);
      expect(response.body.meta.pagination).toMatchObject({ total: 2, totalIsExact: true });
    }
  });

  it.each(['maybe', '0', ''])('refuses pagination[withCount]=%s with 400 naming it', async (value) => {
    const response = await api.get(`${CONTACTS}?q=martin&pagination[withCount]=${value}`);
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual([['pagination', 'withCount']]);
  });
});

describe('GET /contacts/count and /clients/count', () => {
  it.each([
    ['q=martin'],
    ['q=helene'],
    ['q=le'],
    ['q=nobody-has-this-name'],
    ['q=helene&filters[city][$eq]=Lyon'],
    ['q=amicale&filters[newsletter][$eq]=true'],
    ['q=martin&filters[country][$eq]=BE'],
    [`q=martin&filters[clientLinks][client][documentId][$eq]=AMICALE`],
    ['q=capucine'],
    ['q=lyon'],
  ])('answers the total the contact list shows for %s', async (query) => {
    const concrete = query.replace('AMICALE', amicale);
    const list = await api.get(`${CONTACTS}?${concrete}`);
    const count = await api.get(`${CONTACTS}/count?${concrete}`);
    expect([list.status, count.status]).toEqual([200, 200]);
    const { total, totalIsExact } = list.body.meta.pagination as Pagination;
    expect(count.body).toEqual({ total, totalIsExact });
  });

  it('stops at the cap and says so, as the list does', async () => {
    const count = await api.get(`${CONTACTS}/count?q=capucine`);
    expect(count.body).toEqual({ total: COUNT_CAP, totalIsExact: false });
    const exact = await api.get(`${CONTACTS}/count?q=martin`);
    expect(exact.body).toEqual({ total: 2, totalIsExact: true });
  });

  it('counts clients the same way', async () => {
    for (const query of ['q=amicale', 'q=amicale&filters[city][$eq]=Lyon', 'q=lycee', 'q=a']) {
      const list = await api.get(`${CLIENTS}?${query}`);
      const count = await api.get(`${CLIENTS}/count?${query}`);
      const { total, totalIsExact } = list.body.meta.pagination as Pagination;
      expect(count.body).toEqual({ total, totalIsExact });
    }
    expect((await api.get(`${CLIENTS}/count?q=amicale`)).body).toEqual({ total: 2, totalIsExact: true });
  });

  it.each([
    ['?q=martin&cursor=abc', ['cursor']],
    ['?q=martin&pagination[pageSize]=5', ['pagination']],
    ['?q=martin&sort=lastName', ['sort']],
    ['?q=martin&order=name', ['order']],
    ['?q[]=a&q[]=b', ['q']],
    ['?filters[searchText][$contains]=martin', null],
  ])('refuses %s with 400 naming the parameter', async (query, path) => {
    const response = await api.get(`${CONTACTS}/count${query}`);
    expect(response.status).toBe(400);
    if (path) expect(errorPaths(response.body)).toContainEqual(path);
  });
});

describe('who may count', () => {
  it('refuses anonymous callers (403) and invalid credentials (401)', async () => {
    expect((await restClient(app).get(`${CONTACTS}/count?q=martin`)).status).toBe(403);
    expect((await restClient(app).get(`${CLIENTS}/count?q=amicale`)).status).toBe(403);
    expect((await restClient(app, 'not-a-token').get(`${CONTACTS}/count?q=martin`)).status).toBe(401);
  });

  it('lets in exactly the callers that may read the list', async () => {
    const readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
    expect((await readOnly.get(`${CONTACTS}/count?q=martin`)).body).toEqual({ total: 2, totalIsExact: true });

    const contactsOnly = restClient(app, await createApiToken(app.strapi, 'custom', [`${UID.contact}.find`]));
    expect((await contactsOnly.get(`${CONTACTS}/count?q=martin`)).status).toBe(200);
    expect((await contactsOnly.get(`${CLIENTS}/count?q=amicale`)).status).toBe(403);

    const oneContactOnly = restClient(
      app,
      await createApiToken(app.strapi, 'custom', [`${UID.contact}.findOne`])
    );
    expect((await oneContactOnly.get(`${CONTACTS}/count?q=martin`)).status).toBe(403);

    const reader = restClient(app, await createUserWithActions(app.strapi, [`${UID.client}.find`]));
    expect((await reader.get(`${CLIENTS}/count?q=amicale`)).status).toBe(200);
    expect((await reader.get(`${CONTACTS}/count?q=martin`)).status).toBe(403);
    // the `count` action Users & Permissions lists grants nothing without the list's own
    const countOnly = restClient(app, await createUserWithActions(app.strapi, [`${UID.contact}.count`]));
    expect((await countOnly.get(`${CONTACTS}/count?q=martin`)).status).toBe(403);
  });

  it('refuses a filter on the consent log to a caller who may not read it, as the list does', async () => {
    const contactsOnly = restClient(app, await createApiToken(app.strapi, 'custom', [`${UID.contact}.find`]));
    const response = await contactsOnly.get(
      `${CONTACTS}/count?filters[consentEvents][action][$eq]=subscribed`
    );
    expect(response.status).toBe(403);
    expect(errorPaths(response.body)).toEqual([['consentEvents']]);
  });
});

describe('the Contacts tab: rows first, count apart', () => {
  type AdminList = { results: Array<{ documentId: string }>; pagination: Pagination };

  it.each([
    ['q=martin'],
    ['q=capucine&pageSize=2'],
    ['newsletter=true'],
    ['q=helene&country=FR'],
    ['client=AMICALE&role=voyageur'],
  ])('lists %s with withCount=false: the same rows, no total; the count gives it', async (query) => {
    const concrete = query.replace('AMICALE', amicale);
    const withCount = await admin.get(`/contacts?${concrete}`);
    const without = await admin.get(`/contacts?${concrete}&withCount=false`);
    expect([withCount.status, without.status]).toEqual([200, 200]);
    const full = withCount.body as AdminList;
    const light = without.body as AdminList;
    expect(light.results).toEqual(full.results);
    expect(Object.keys(light.pagination).sort()).toEqual(['nextCursor', 'pageSize']);
    expect(light.pagination.nextCursor === null).toBe(full.pagination.nextCursor === null);

    const countQuery = concrete.replace(/&?pageSize=\d+/, '');
    const count = await admin.get(`/contacts/count?${countQuery}`);
    expect(count.status).toBe(200);
    expect(count.body).toEqual({ total: full.pagination.total, totalIsExact: full.pagination.totalIsExact });
  });

  it('counts past the cap as "at least", and clients as their list does', async () => {
    expect((await admin.get('/contacts/count?q=capucine')).body).toEqual({
      total: COUNT_CAP,
      totalIsExact: false,
    });
    const list = (await admin.get('/clients?type=association&withCount=false')).body as AdminList;
    expect(list.results).toHaveLength(2);
    expect(list.pagination).not.toHaveProperty('total');
    expect((await admin.get('/clients/count?type=association')).body).toEqual({
      total: 2,
      totalIsExact: true,
    });
  });

  it.each([
    ['/contacts?withCount=maybe', ['withCount']],
    ['/clients?q=a&withCount=1', ['withCount']],
    ['/contacts/count?cursor=abc', ['cursor']],
    ['/contacts/count?pageSize=10', ['pageSize']],
    ['/contacts/count?withCount=false', ['withCount']],
    ['/contacts/count?newsletter=perhaps', ['newsletter']],
    ['/clients/count?order=name', ['order']],
  ])('refuses %s with 400 naming the field', async (path, field) => {
    const response = await admin.get(path);
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual([field]);
  });

  it('counts for the roles that may read the list, and no one else', async () => {
    expect((await adminClient(app).get('/contacts/count?q=martin')).status).toBe(401);
    const clientsOnly = adminClient(app, await adminTokenWithActions(app, [ACTION.clientsRead]));
    expect((await clientsOnly.get('/contacts/count?q=martin')).status).toBe(403);
    expect((await clientsOnly.get('/clients/count?q=amicale')).status).toBe(200);
    const contactsOnly = adminClient(app, await adminTokenWithActions(app, [ACTION.contactsRead]));
    expect((await contactsOnly.get('/contacts/count?q=martin')).status).toBe(200);
    expect((await contactsOnly.get('/clients/count?q=amicale')).status).toBe(403);
  });
});
