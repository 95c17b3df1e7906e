import { beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type { JobsService } from '../../src/plugins/caladeo-contacts/server/src/modules/jobs/services/jobs';
import { adminClient, adminTokenWithActions } from '../helpers/admin';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { CLIENTS, CLIENT_CONTACTS, CONTACTS, errorCodes, restClient, type RestClient } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
const PAIRS = '/api/caladeo-contacts/duplicate-pairs';

type PairEntry = {
  documentId: string;
  score: number;
  reasons: string[];
  status: string;
  dismissedBy: string | null;
  contacts: { documentId: string; lastName: string | null }[];
};

let api: RestClient;
const stored: Record<string, string> = {};
let clientId: string;

const jobs = () => app.strapi.plugin('caladeo-contacts').service('jobs') as JobsService;

const create = async (key: string, data: Record<string, unknown>) => {
  const response = await api.post(CONTACTS, { country: 'FR', ...data });
  expect([response.status, response.body.error?.message]).toEqual([201, undefined]);
  stored[key] = response.body.data.documentId as string;
};

const keyOf = (documentId: string) =>
  Object.entries(stored).find(([, id]) => id === documentId)?.[0] ?? documentId;

/** The listed pairs as "a+b" (keys in alphabetical order) → reasons. */
const listed = async (query = '') => {
  const response = await api.get(`${PAIRS}?pageSize=100${query}`);
  expect(response.status).toBe(200);
  return Object.fromEntries(
    (response.body.data as PairEntry[]).map((pair) => [
      pair.contacts
        .map((contact) => keyOf(contact.documentId))
        .sort()
        .join('+'),
      pair.reasons,
    ])
  );
};

const pairEntry = async (pair: string, query = '') => {
  const response = await api.get(`${PAIRS}?pageSize=100${query}`);
  return (response.body.data as PairEntry[]).find(
    (entry) =>
      entry.contacts
        .map((contact) => keyOf(contact.documentId))
        .sort()
        .join('+') === pair
  ) as PairEntry;
};

const scan = async (client: RestClient = api) => {
  const response = await client.raw('post', `${PAIRS}/scan`);
  expect(response.status).toBe(202);
  await jobs().drain();
  return response;
};

/** The duplicates planted in the base, and the reasons each must be found by. */
const PLANTED = {
  'helene+heleneCopy': ['nameAndPostalCode', 'nameAndCity'],
  'paul+paulo': ['phone'],
  'jeanLyon+jeanLyon3': ['nameAndCity'],
  'sophie+sophieTypo': ['similarNameAndPostalCode'],
  'claire+clara': ['emailLocalPart'],
  'marc1+marc2': ['nameAndClient'],
};

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
  const client = await api.post(CLIENTS, { name: 'Comité des fêtes', type: 'association' });
  clientId = client.body.data.documentId as string;

  const bordeaux = { postalCode: '33000', city: 'Bordeaux' };
  await create('helene', {
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    email: 'helene.lefevre@example.fr',
    phone: '06 12 34 56 78',
    ...bordeaux,
  });
  await create('heleneCopy', {
    firstName: 'Helene',
    lastName: 'LEFEVRE',
    email: 'h.lefevre@laposte.net',
    ...bordeaux,
  });
  // the same surname in the same town is another person
  await create('pierre', { firstName: 'Pierre', lastName: 'Lefèvre', ...bordeaux });
  await create('paul', {
    firstName: 'Paul',
    lastName: 'Martin',
    phone: '07 81 22 33 44',
    postalCode: '75011',
    city: 'Paris',
  });
  await create('paulo', {
    firstName: 'Paulo',
    lastName: 'Marteau',
    phone: '+33 7 81 22 33 44',
    postalCode: '13001',
    city: 'Marseille',
  });
  await create('jeanLyon', { firstName: 'Jean', lastName: 'Dupont', postalCode: '69001', city: 'Lyon' });
  await create('jeanLyon3', { firstName: 'Jean', lastName: 'Dupont', postalCode: '69003', city: 'LYON' });
  // a namesake in another town
  await create('jeanMarseille', {
    firstName: 'Jean',
    lastName: 'Dupont',
    postalCode: '13001',
    city: 'Marseille',
  });
  await create('sophie', { firstName: 'Sophie', lastName: 'Lefebvre', postalCode: '44000', city: 'Nantes' });
  await create('sophieTypo', {
    firstName: 'Sophie',
    lastName: 'Lefèvre',
    postalCode: '44000',
    city: 'Nantes',
  });
  await create('claire', {
    firstName: 'Claire',
    lastName: 'Moreau',
    email: 'claire.moreau@orange.fr',
    postalCode: '31000',
    city: 'Toulouse',
  });
  await create('clara', {
    firstName: 'Clara',
    lastName: 'Moreau-Blanc',
    email: 'claire.moreau@gmail.com',
    postalCode: '67000',
    city: 'Strasbourg',
  });
  await create('marc1', { firstName: 'Marc', lastName: 'Girard' });
  await create('marc2', { firstName: 'Marc', lastName: 'Girard' });
  for (const marc of ['marc1', 'marc2']) {
    const link = await api.post(CLIENT_CONTACTS, {
      contact: stored[marc],
      client: clientId,
      role: 'voyageur',
    });
    expect(link.status).toBe(201);
  }
  // similar first names, one surname, two towns: not one person
  await create('bernard', { firstName: 'Bernard', lastName: 'Rousseau', postalCode: '59000', city: 'Lille' });
  await create('bernadette', {
    firstName: 'Bernadette',
    lastName: 'Rousseau',
    postalCode: '35000',
    city: 'Rennes',
  });
  await jobs().drain();
});

describe('the scan', () => {
  it('finds exactly the planted duplicates, each by its reason (precision and recall 1)', async () => {
    // the refresh after each write found them already; the scan must find the same from nothing
    await app.strapi.db.connection('caladeo_duplicate_pairs').delete();
    await scan();
    const found = await listed();
    const planted = Object.keys(PLANTED);
    const truePositives = Object.keys(found).filter((pair) => planted.includes(pair));
    expect(truePositives.length / Object.keys(found).length).toBe(1);
    expect(truePositives.length / planted.length).toBe(1);
    expect(found).toEqual(PLANTED);
  });

  it('agrees with the refresh after writes', async () => {
    await app.strapi.db.connection('caladeo_duplicate_pairs').delete();
    for (const key of Object.keys(stored)) {
      expect((await api.put(`${CONTACTS}/${stored[key]}`, { addressLine2: 'Bâtiment B' })).status).toBe(200);
    }
    await jobs().drain();
    expect(await listed()).toEqual(PLANTED);
  });

  it('ranks pairs by score and filters by reason and client', async () => {
    const response = await api.get(PAIRS);
    const scores = (response.body.data as PairEntry[]).map((pair) => pair.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 6 });
    expect(await listed('&reason=phone')).toEqual({ 'paul+paulo': ['phone'] });
    expect(await listed(`&client=${clientId}`)).toEqual({ 'marc1+marc2': ['nameAndClient'] });
    const page2 = await api.get(`${PAIRS}?pageSize=4&page=2`);
    expect(page2.body.data).toHaveLength(2);
  });

  it('answers one scan at a time', async () => {
    const first = await api.raw('post', `${PAIRS}/scan`);
    const second = await api.raw('post', `${PAIRS}/scan`);
    expect(first.status).toBe(202);
    expect(second.body.data.id).toBe(first.body.data.id);
    await jobs().drain();
    const latest = await api.get(`${PAIRS}/scan`);
    expect(latest.body.data).toMatchObject({ id: first.body.data.id, state: 'completed' });
  });
});

describe('"Pas un doublon"', () => {
  it('is remembered through later scans and refreshes', async () => {
    const pair = await pairEntry('paul+paulo');
    const dismissed = await api.raw('post', `${PAIRS}/${pair.documentId}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.data).toMatchObject({ status: 'dismissed' });
    expect(dismissed.body.data.dismissedBy).toMatch(/^token-full-access/);

    await scan();
    expect((await api.put(`${CONTACTS}/${stored.paulo}`, { addressLine2: 'Escalier C' })).status).toBe(200);
    await jobs().drain();
    expect(await listed()).not.toHaveProperty('paul+paulo');
    expect(await listed('&status=dismissed')).toEqual({ 'paul+paulo': ['phone'] });

    const again = await api.raw('post', `${PAIRS}/${pair.documentId}/dismiss`);
    expect(again.status).toBe(400);
    expect(errorCodes(again.body)).toEqual(['status: duplicatePair.notOpen']);
  });
});

describe('after a write', () => {
  it('refreshes the pairs of an updated contact', async () => {
    expect(
      (await api.put(`${CONTACTS}/${stored.jeanLyon3}`, { postalCode: '69100', city: 'Villeurbanne' })).status
    ).toBe(200);
    expect((await api.put(`${CONTACTS}/${stored.pierre}`, { phone: '07 81 22 33 44' })).status).toBe(200);
    await jobs().drain();
    const found = await listed();
    expect(found).not.toHaveProperty('jeanLyon+jeanLyon3');
    expect(found).toMatchObject({ 'paul+pierre': ['phone'], 'paulo+pierre': ['phone'] });
  });

  it('removes the pairs of a deleted contact at once', async () => {
    expect(await listed()).toHaveProperty('sophie+sophieTypo');
    expect((await api.delete(`${CONTACTS}/${stored.sophieTypo}`)).status).toBe(204);
    expect(await listed()).not.toHaveProperty('sophie+sophieTypo');
  });
});

describe('after a merge', () => {
  it('drops the merged contact’s pairs, finds the survivor’s new ones, and gives both back on undo', async () => {
    await create('lucie', { firstName: 'Lucie', lastName: 'Fabre', postalCode: '75011', city: 'Paris' });
    await create('lucieCopy', {
      firstName: 'Lucie',
      lastName: 'Fabre',
      postalCode: '75011',
      city: 'Paris',
      phone: '06 45 67 89 01',
    });
    await create('gaston', { firstName: 'Gaston', lastName: 'Roux', phone: '06 45 67 89 01' });
    await jobs().drain();
    expect(await listed()).toMatchObject({
      'lucie+lucieCopy': expect.arrayContaining(['nameAndPostalCode']),
      'gaston+lucieCopy': ['phone'],
    });

    const merged = await api.post(`${CONTACTS}/merge`, {
      survivor: stored.lucie,
      merged: [stored.lucieCopy],
    });
    expect(merged.status).toBe(200);
    await jobs().drain();
    const afterMerge = await listed();
    expect(afterMerge).toMatchObject({ 'gaston+lucie': ['phone'] });
    expect(Object.keys(afterMerge).filter((pair) => pair.includes('lucieCopy'))).toEqual([]);

    const undone = await api.post(
      `/api/caladeo-contacts/merges/${merged.body.meta.mergeId as string}/undo`,
      {}
    );
    expect(undone.status).toBe(200);
    await jobs().drain();
    const afterUndo = await listed();
    expect(afterUndo).toMatchObject({ 'lucie+lucieCopy': expect.arrayContaining(['nameAndPostalCode']) });
    expect(afterUndo).toMatchObject({ 'gaston+lucieCopy': ['phone'] });
    expect(afterUndo).not.toHaveProperty('gaston+lucie');
  });
});

describe('input', () => {
  it('refuses unknown keys, reasons and ids, naming them', async () => {
    const before = await app.strapi.db.query(UID.duplicatePair).count();
    const unknown = await api.get(`${PAIRS}?sort=score`);
    expect(unknown.status).toBe(400);
    expect(errorCodes(unknown.body)).toEqual(['sort: field.notAllowed']);
    const reason = await api.get(`${PAIRS}?reason=shoeSize`);
    expect(reason.status).toBe(400);
    expect(errorCodes(reason.body)[0]).toMatch(/^reason: /);
    expect((await api.get(`${PAIRS}?client=Not-An-Id`)).status).toBe(400);
    expect((await api.get(`${PAIRS}?pageSize=1000`)).status).toBe(400);
    expect((await api.raw('post', `${PAIRS}/Not-An-Id/dismiss`)).status).toBe(400);
    expect((await api.raw('post', `${PAIRS}/nosuchpair/dismiss`)).status).toBe(404);
    expect(await app.strapi.db.query(UID.duplicatePair).count()).toBe(before);
  });
});

describe('permissions', () => {
  const open = async () => (await pairEntry('helene+heleneCopy')).documentId;

  it('admin: reading needs contacts.read, scanning and dismissing duplicates.manage', async () => {
    const anonymous = adminClient(app);
    expect((await anonymous.get('/duplicate-pairs')).status).toBe(401);
    expect((await anonymous.get('/duplicate-pairs/scan')).status).toBe(401);
    expect((await anonymous.post('/duplicate-pairs/scan', {})).status).toBe(401);
    expect((await anonymous.post(`/duplicate-pairs/${await open()}/dismiss`, {})).status).toBe(401);

    const other = adminClient(app, await adminTokenWithActions(app, [ACTION['clients.read']]));
    expect((await other.get('/duplicate-pairs')).status).toBe(403);
    expect((await other.get('/duplicate-pairs/scan')).status).toBe(403);

    const reader = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.read']]));
    const page = await reader.get('/duplicate-pairs?reason=nameAndCity');
    expect(page.status).toBe(200);
    expect(page.body.data.length).toBeGreaterThan(0);
    expect((await reader.get('/duplicate-pairs/scan')).status).toBe(200);
    expect((await reader.post('/duplicate-pairs/scan', {})).status).toBe(403);
    expect((await reader.post(`/duplicate-pairs/${await open()}/dismiss`, {})).status).toBe(403);

    const manager = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['duplicates.manage']])
    );
    expect((await manager.post('/duplicate-pairs/scan', {})).status).toBe(202);
    await jobs().drain();
    const dismissed = await manager.post(`/duplicate-pairs/${await open()}/dismiss`, {});
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.data.dismissedBy).toMatch(/@example\.test$/);
  });

  it('content API: each route has its own scope; read-only tokens may only list', async () => {
    const pair = (await pairEntry('claire+clara')).documentId;
    const anonymous = restClient(app);
    expect((await anonymous.get(PAIRS)).status).toBe(403);
    expect((await anonymous.raw('post', `${PAIRS}/scan`)).status).toBe(403);
    expect((await anonymous.raw('post', `${PAIRS}/${pair}/dismiss`)).status).toBe(403);
    expect((await restClient(app, 'not-a-token').get(PAIRS)).status).toBe(401);

    const readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
    expect((await readOnly.get(PAIRS)).status).toBe(200);
    expect((await readOnly.get(`${PAIRS}/scan`)).status).toBe(200);
    expect((await readOnly.raw('post', `${PAIRS}/scan`)).status).toBe(403);
    expect((await readOnly.raw('post', `${PAIRS}/${pair}/dismiss`)).status).toBe(403);

    const contactsOnly = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact.find'])
    );
    expect((await contactsOnly.get(PAIRS)).status).toBe(403);

    const scanner = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.duplicate-scan.create'])
    );
    expect((await scanner.get(PAIRS)).status).toBe(403);
    await scan(scanner);

    const user = restClient(
      app,
      await createUserWithActions(app.strapi, [
        'plugin::caladeo-contacts.duplicate-pair.find',
        'plugin::caladeo-contacts.duplicate-pair.dismiss',
      ])
    );
    expect((await user.get(PAIRS)).status).toBe(200);
    expect((await user.raw('post', `${PAIRS}/scan`)).status).toBe(403);
    expect((await user.raw('post', `${PAIRS}/${pair}/dismiss`)).status).toBe(200);
  });
});
