import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Knex } from 'knex';
import request from 'supertest';
import * as migration from '../../database/migrations/2026.12.08T00.00.00.list-views';
import { ACTION, ADMIN_USER_UID, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import {
  MAX_LIST_VIEWS_PER_USER,
  type ListViewEntry,
} from '../../src/plugins/caladeo-contacts/shared/list-views';
import {
  adminApi,
  adminClient,
  createAdminWithPermissions,
  superAdminToken,
  type AdminClient,
} from '../helpers/admin';
import { UNIQUE_VIOLATION, rejectionMessage } from '../helpers/database';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();

let agnes: AdminClient;
let agnesId: number;
let bruno: AdminClient;
let clientsOnly: AdminClient;

const VIEWS = '/list-views/contacts';
const COLUMNS = '/list-columns/contacts';

const STATE = {
  q: 'dupré',
  filters: { country: 'FR', newsletter: 'true', role: 'payeur' },
  columns: ['name', 'email', 'city'],
  order: 'newest',
  pageSize: 50,
};

type ErrorBody = { error?: { status?: number; name?: string; details?: { errors?: ErrorEntry[] } } };
type ErrorEntry = { path: string[]; code: string };

const errorsOf = (body: ErrorBody) =>
  (body.error?.details?.errors ?? []).map((entry) => [entry.path.join('.'), entry.code]);

const stored = async () => ({
  views: await app.strapi.db.query(UID.listView).count(),
  preferences: await app.strapi.db.query(UID.listPreference).count(),
});

const saveView = async (client: AdminClient, name: string, state: object = STATE) => {
  const response = await client.post(VIEWS, { name, state });
  expect(response.status).toBe(201);
  return response.body.data as ListViewEntry;
};

beforeAll(async () => {
  const reader = [{ action: ACTION['contacts.read'] }];
  const first = await createAdminWithPermissions(app, reader);
  agnes = adminClient(app, first.token);
  agnesId = first.id;
  bruno = adminClient(app, (await createAdminWithPermissions(app, reader)).token);
  clientsOnly = adminClient(
    app,
    (await createAdminWithPermissions(app, [{ action: ACTION['clients.read'] }])).token
  );
});

describe('who may keep views and columns', () => {
  const ROUTES: Array<[string, (client: AdminClient) => ReturnType<AdminClient['get']>]> = [
    ['GET /list-views/contacts', (client) => client.get(VIEWS)],
    ['POST /list-views/contacts', (client) => client.post(VIEWS, { name: 'Refusée', state: STATE })],
    [
      'PUT /list-views/contacts/:documentId',
      (client) => client.put(`${VIEWS}/nosuchview`, { name: 'Autre' }),
    ],
    ['DELETE /list-views/contacts/:documentId', (client) => client.delete(`${VIEWS}/nosuchview`)],
    ['GET /list-columns/contacts', (client) => client.get(COLUMNS)],
    ['PUT /list-columns/contacts', (client) => client.put(COLUMNS, { columns: ['name'] })],
  ];

  it.each(ROUTES)('%s: 401 anonymous, 403 without contacts.read, nothing written', async (_route, send) => {
    const before = await stored();
    const anonymous = await send(adminClient(app));
    expect(anonymous.status).toBe(401);
    const refused = await send(clientsOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
    expect(await stored()).toEqual(before);
  });

  it('refuses a list that has no views yet, writing nothing', async () => {
    const before = await stored();
    expect((await agnes.get('/list-views/clients')).status).toBe(404);
    // the router answers 405 to a write on a path it does not serve
    expect([404, 405]).toContain((await agnes.put('/list-columns/offers', { columns: ['name'] })).status);
    expect([404, 405]).toContain(
      (await agnes.post('/list-views/offers', { name: 'Offres', state: STATE })).status
    );
    expect(await stored()).toEqual(before);
  });
});

describe('columns kept per user', () => {
  it('has none chosen at first, then keeps the chosen columns in their order', async () => {
    expect((await agnes.get(COLUMNS)).body).toEqual({ data: { columns: null } });
    const saved = await agnes.put(COLUMNS, { columns: ['name', 'city', 'email'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ data: { columns: ['name', 'city', 'email'] } });
    await agnes.put(COLUMNS, { columns: ['name', 'createdAt', 'phone'] });
    expect((await agnes.get(COLUMNS)).body).toEqual({ data: { columns: ['name', 'createdAt', 'phone'] } });
    // one row per user and list, however often they change their mind
    expect(await app.strapi.db.query(UID.listPreference).count({ where: { ownerId: agnesId } })).toBe(1);
  });

  it('keeps each user’s own columns', async () => {
    await bruno.put(COLUMNS, { columns: ['name', 'newsletter'] });
    expect((await agnes.get(COLUMNS)).body.data.columns).toEqual(['name', 'createdAt', 'phone']);
    expect((await bruno.get(COLUMNS)).body.data.columns).toEqual(['name', 'newsletter']);
  });

  it('keeps one row when the same user saves columns twice at once', async () => {
    const fresh = adminClient(
      app,
      (await createAdminWithPermissions(app, [{ action: ACTION['contacts.read'] }])).token
    );
    const saves = await Promise.all([
      fresh.put(COLUMNS, { columns: ['name', 'email'] }),
      fresh.put(COLUMNS, { columns: ['name', 'city'] }),
    ]);
    expect(saves.map((response) => response.status)).toEqual([200, 200]);
    expect(['name,email', 'name,city']).toContain((await fresh.get(COLUMNS)).body.data.columns.join(','));
  });

  it.each([
    [{ columns: ['name', 'salary'] }, [['columns.1', 'choice.invalid']]],
    [{ columns: ['email', 'city'] }, [['columns', 'listView.columnsWithoutName']]],
    [{ columns: ['name', 'email', 'email'] }, [['columns', 'listView.columnRepeated']]],
    [{ columns: 'name,email' }, [['columns', 'listView.columnsNotList']]],
    [{}, [['columns', 'listView.columnsNotList']]],
    [{ columns: ['name'], width: 3 }, [['width', 'field.notAllowed']]],
  ])('refuses %j with a 400 naming the field, keeping the columns', async (body, expected) => {
    const response = await agnes.put(COLUMNS, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(errorsOf(response.body)).toEqual(expected);
    expect((await agnes.get(COLUMNS)).body.data.columns).toEqual(['name', 'createdAt', 'phone']);
  });
});

describe('saved views', () => {
  it('saves, lists, renames, changes and deletes a view of one’s own', async () => {
    const view = await saveView(agnes, 'Payeurs en France');
    expect(view).toMatchObject({ name: 'Payeurs en France', state: STATE });
    expect(Object.keys(view).sort()).toEqual(['documentId', 'name', 'state', 'updatedAt']);
    expect((await agnes.get(VIEWS)).body.data.map((entry: ListViewEntry) => entry.name)).toContain(
      'Payeurs en France'
    );

    const renamed = await agnes.put(`${VIEWS}/${view.documentId}`, { name: 'Payeurs FR' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({
      documentId: view.documentId,
      name: 'Payeurs FR',
      state: STATE,
    });

    const newState = { filters: { role: 'voyageur' }, columns: ['name', 'phone'] };
    const changed = await agnes.put(`${VIEWS}/${view.documentId}`, { state: newState });
    expect(changed.body.data).toMatchObject({ name: 'Payeurs FR', state: newState });

    expect((await agnes.delete(`${VIEWS}/${view.documentId}`)).status).toBe(204);
    expect((await agnes.delete(`${VIEWS}/${view.documentId}`)).status).toBe(404);
    expect((await agnes.get(VIEWS)).body.data.map((entry: ListViewEntry) => entry.documentId)).not.toContain(
      view.documentId
    );
  });

  it('lists the views by name, whatever their case and accents', async () => {
    const reader = adminClient(
      app,
      (await createAdminWithPermissions(app, [{ action: ACTION['contacts.read'] }])).token
    );
    for (const name of ['zoé', 'Élodie', 'alice']) await saveView(reader, name);
    expect((await reader.get(VIEWS)).body.data.map((entry: ListViewEntry) => entry.name)).toEqual([
      'alice',
      'Élodie',
      'zoé',
    ]);
  });

  it('never shows, changes nor deletes another user’s view', async () => {
    const view = await saveView(agnes, 'Les miens');
    expect((await bruno.get(VIEWS)).body.data.map((entry: ListViewEntry) => entry.documentId)).not.toContain(
      view.documentId
    );
    const rename = await bruno.put(`${VIEWS}/${view.documentId}`, { name: 'Volée' });
    expect(rename.status).toBe(404);
    expect(rename.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    expect((await bruno.delete(`${VIEWS}/${view.documentId}`)).status).toBe(404);
    const own = (await agnes.get(VIEWS)).body.data.find(
      (entry: ListViewEntry) => entry.documentId === view.documentId
    );
    expect(own).toMatchObject({ name: 'Les miens', state: STATE });
    // the same name is free for someone else
    await saveView(bruno, 'Les miens');
  });

  it('refuses a name one already uses, whatever its case, accents and spaces', async () => {
    const first = await saveView(agnes, 'Clients Lyon');
    const before = await stored();
    for (const name of ['clients lyon', ' CLIENTS  LYÖN ', 'Clients Lyôn']) {
      const response = await agnes.post(VIEWS, { name, state: STATE });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(errorsOf(response.body)).toEqual([['name', 'listView.nameTaken']]);
    }
    const other = await saveView(agnes, 'Clients Paris');
    const rename = await agnes.put(`${VIEWS}/${other.documentId}`, { name: 'clients lyon' });
    expect(errorsOf(rename.body)).toEqual([['name', 'listView.nameTaken']]);
    // a view may take another spelling of its own name
    const respelled = await agnes.put(`${VIEWS}/${first.documentId}`, { name: 'Clients LYON' });
    expect(respelled.status).toBe(200);
    expect(await stored()).toEqual({ ...before, views: before.views + 1 });
  });

  it('keeps one view when the same name is saved several times at once', async () => {
    const before = await stored();
    const saves = await Promise.all(
      ['Relances', 'relances', 'RELANCES', 'Relancés'].map((name) =>
        agnes.post(VIEWS, { name, state: STATE })
      )
    );
    expect(saves.map((response) => response.status).sort()).toEqual([201, 400, 400, 400]);
    for (const refused of saves.filter((response) => response.status === 400)) {
      expect(errorsOf(refused.body)).toEqual([['name', 'listView.nameTaken']]);
    }
    expect((await stored()).views).toBe(before.views + 1);
  });

  it('refuses a view beyond the most one user keeps of a list', async () => {
    const keeper = await createAdminWithPermissions(app, [{ action: ACTION['contacts.read'] }]);
    const client = adminClient(app, keeper.token);
    await app.strapi.db.query(UID.listView).createMany({
      data: Array.from({ length: MAX_LIST_VIEWS_PER_USER }, (_, index) => ({
        documentId: `manyview${String(index).padStart(16, '0')}`,
        ownerId: keeper.id,
        list: 'contacts',
        name: `Vue ${index}`,
        nameKey: `vue ${index}`,
        state: STATE,
      })),
    });
    const refused = await client.post(VIEWS, { name: 'Une de trop', state: STATE });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body)).toEqual([['name', 'listView.tooMany']]);
    expect(await app.strapi.db.query(UID.listView).count({ where: { ownerId: keeper.id } })).toBe(
      MAX_LIST_VIEWS_PER_USER
    );
    // someone else still saves theirs
    await saveView(bruno, 'Une de trop');
  });

  it('is settled by the database: a second row of one owner, list and name is refused', async () => {
    const row = { ownerId: agnesId, list: 'contacts', name: 'Direct', nameKey: 'direct', state: STATE };
    await app.strapi.db
      .query(UID.listView)
      .create({ data: { ...row, documentId: 'directview00000000000001' } });
    const second = await rejectionMessage(
      app.strapi.db.query(UID.listView).create({ data: { ...row, documentId: 'directview00000000000002' } })
    );
    expect(second).toMatch(UNIQUE_VIOLATION);
    // the migration runs again on every boot without harm
    await app.strapi.db.connection.transaction((trx) => migration.up(trx as unknown as Knex));
    expect(await app.strapi.db.query(UID.listView).count({ where: { nameKey: 'direct' } })).toBe(1);
  });

  const long = 'x'.repeat(201);
  it.each([
    [{ state: STATE }, [['name', 'required']]],
    [{ name: '   ', state: STATE }, [['name', 'required']]],
    [{ name: 'n'.repeat(81), state: STATE }, [['name', 'text.tooLong']]],
    [{ name: 42, state: STATE }, [['name', 'text.notString']]],
    [{ name: 'Sans état' }, [['state', 'value.notObject']]],
    [{ name: 'Texte', state: 'q=dupré' }, [['state', 'value.notObject']]],
    [
      { name: 'Colonne', state: { ...STATE, columns: ['name', 'salary'] } },
      [['state.columns.1', 'choice.invalid']],
    ],
    [
      { name: 'Sans nom', state: { ...STATE, columns: ['email'] } },
      [['state.columns', 'listView.columnsWithoutName']],
    ],
    [
      { name: 'Filtre', state: { ...STATE, filters: { salary: '3' } } },
      [['state.filters.salary', 'field.notAllowed']],
    ],
    [
      { name: 'Rôle', state: { ...STATE, filters: { role: 'pilote' } } },
      [['state.filters.role', 'choice.invalid']],
    ],
    [
      { name: 'Pays', state: { ...STATE, filters: { country: 'France' } } },
      [['state.filters.country', 'country.notAlpha2']],
    ],
    [
      { name: 'Client', state: { ...STATE, filters: { client: 'pas un id!' } } },
      [['state.filters.client', 'documentId.invalid']],
    ],
    [{ name: 'Longue', state: { ...STATE, q: long } }, [['state.q', 'text.tooLong']]],
    [{ name: 'Ordre', state: { ...STATE, order: 'salary' } }, [['state.order', 'choice.invalid']]],
    [{ name: 'Taille', state: { ...STATE, pageSize: 1000 } }, [['state.pageSize', 'choice.invalid']]],
    [{ name: 'Clé', state: { ...STATE, script: '<x>' } }, [['state.script', 'field.notAllowed']]],
    [{ name: 'Propriétaire', state: STATE, ownerId: 1 }, [['ownerId', 'field.notAllowed']]],
  ])('refuses %j with a 400 naming the field, writing nothing', async (body, expected) => {
    const before = await stored();
    const response = await agnes.post(VIEWS, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(errorsOf(response.body)).toEqual(expected);
    expect(await stored()).toEqual(before);
  });

  it('refuses an empty change, a bad state and a malformed documentId, changing nothing', async () => {
    const view = await saveView(agnes, 'Inchangée');
    const empty = await agnes.put(`${VIEWS}/${view.documentId}`, {});
    expect(errorsOf(empty.body)).toEqual([['name', 'required']]);
    const bad = await agnes.put(`${VIEWS}/${view.documentId}`, { state: { columns: [] } });
    expect(errorsOf(bad.body)).toEqual([['state.columns', 'listView.columnsWithoutName']]);
    const malformed = await agnes.put(`${VIEWS}/PAS-UN-ID`, { name: 'Autre' });
    expect(errorsOf(malformed.body)).toEqual([['documentId', 'documentId.invalid']]);
    const own = (await agnes.get(VIEWS)).body.data.find(
      (entry: ListViewEntry) => entry.documentId === view.documentId
    );
    expect(own).toMatchObject({ name: 'Inchangée', state: STATE });
    expect(errorsOf((await agnes.get(`${VIEWS}?owner=1`)).body)).toEqual([['owner', 'query.notAParameter']]);
  });

  it('keeps the views out of the content API', async () => {
    for (const path of ['/api/caladeo-contacts/list-views', '/api/caladeo-contacts/list-preferences']) {
      expect((await request(app.baseUrl).get(path)).status).toBe(404);
    }
  });
});

describe('an admin user deleted', () => {
  /** A colleague with a saved view and chosen columns: what a deletion must take with it. */
  const colleagueWithViews = async () => {
    const colleague = await createAdminWithPermissions(app, [{ action: ACTION['contacts.read'] }]);
    const client = adminClient(app, colleague.token);
    await saveView(client, `Mes relances ${colleague.id}`);
    expect((await client.put(COLUMNS, { columns: ['name', 'city'] })).status).toBe(200);
    return colleague;
  };

  const keptFor = async (ownerId: number) => ({
    views: await app.strapi.db.query(UID.listView).count({ where: { ownerId } }),
    preferences: await app.strapi.db.query(UID.listPreference).count({ where: { ownerId } }),
  });

  it('takes their saved views and columns with them, one user or several at once, and only theirs', async () => {
    const admin = adminApi(app, await superAdminToken(app));
    const staying = await colleagueWithViews();
    const leaving = await colleagueWithViews();
    expect(await keptFor(leaving.id)).toEqual({ views: 1, preferences: 1 });

    expect((await admin.delete(`/admin/users/${leaving.id}`)).status).toBe(200);
    expect(await keptFor(leaving.id)).toEqual({ views: 0, preferences: 0 });

    const both = [await colleagueWithViews(), await colleagueWithViews()];
    const batch = await admin.post('/admin/users/batch-delete', { ids: both.map((user) => user.id) });
    expect(batch.status).toBe(200);
    for (const user of both) expect(await keptFor(user.id)).toEqual({ views: 0, preferences: 0 });

    // the query engine's own bulk delete, which other code may call
    const last = await colleagueWithViews();
    await app.strapi.db.query(ADMIN_USER_UID).deleteMany({ where: { id: last.id } });
    expect(await keptFor(last.id)).toEqual({ views: 0, preferences: 0 });

    expect(await keptFor(staying.id)).toEqual({ views: 1, preferences: 1 });
    expect((await adminClient(app, staying.token).get(VIEWS)).body.data).toHaveLength(1);
  });
});
