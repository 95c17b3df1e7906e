import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, PLUGIN_ID, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type { LastChange } from '../../src/plugins/caladeo-contacts/shared/contracts/admin';
import { adminClient, createAdminWithPermissions, type AdminClient } from '../helpers/admin';
import { CONTACTS, OFFERS, restClient, type RestClient } from '../helpers/http';
import { createClient, createContact, createOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
const HISTORY_CONFIG = `plugin::${PLUGIN_ID}.history`;
const TOKEN_NAME = `Générateur de devis ${process.pid}`;

/** An admin of the agency who edits records but may not read their history. */
let editor: AdminClient;
let api: RestClient;

const lastChangeOf = async (path: string) => {
  const response = await editor.get(path);
  expect(response.status).toBe(200);
  return response.body.data.lastChange as LastChange;
};

const ADMIN_EDIT = { type: 'admin_user', name: 'Agnès Staff', entryPoint: 'admin' };
const TOKEN_EDIT = { type: 'api_token', name: TOKEN_NAME, entryPoint: 'rest' };

beforeAll(async () => {
  const { token } = await createAdminWithPermissions(
    app,
    ['contacts.read', 'contacts.update', 'clients.read', 'clients.update', 'offers.read'].map((uid) => ({
      action: ACTION[uid as keyof typeof ACTION],
    }))
  );
  editor = adminClient(app, token);
  const created = (await app.strapi.service('admin::api-token').create({
    name: TOKEN_NAME,
    type: 'full-access',
    lifespan: null,
  })) as { accessKey: string };
  api = restClient(app, created.accessKey);
});

afterEach(() => {
  app.strapi.config.set(HISTORY_CONFIG, { enabled: true });
});

describe('the last change on the detail pages', () => {
  it('names the admin who edited a contact, then the app whose token edited it after', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Dupont', city: 'Lyon' });
    const before = Date.now();
    expect((await editor.put(`/contacts/${contact}`, { city: 'Bordeaux' })).status).toBe(200);

    const byAdmin = await lastChangeOf(`/contacts/${contact}`);
    expect(byAdmin).toMatchObject({ kind: 'modified', by: ADMIN_EDIT });
    expect(Date.parse(byAdmin.at)).toBeGreaterThanOrEqual(before - 1000);

    expect((await api.put(`${CONTACTS}/${contact}`, { city: 'Nantes' })).status).toBe(200);
    const byToken = await lastChangeOf(`/contacts/${contact}`);
    expect(byToken).toMatchObject({ kind: 'modified', by: TOKEN_EDIT });
    expect(Date.parse(byToken.at)).toBeGreaterThanOrEqual(Date.parse(byAdmin.at));
  });

  it('answers the last change with the write itself, and counts a new role as a change', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Martin' });
    const saved = await editor.put(`/contacts/${contact}`, { firstName: 'Léa' });
    expect(saved.body.data.lastChange).toMatchObject({ kind: 'modified', by: ADMIN_EDIT });

    const client = await createClient(app.strapi);
    expect(
      (await api.post('/api/caladeo-contacts/client-contacts', { contact, client, role: 'payeur' })).status
    ).toBe(201);
    expect(await lastChangeOf(`/contacts/${contact}`)).toMatchObject({ by: TOKEN_EDIT });
    expect(await lastChangeOf(`/clients/${client}`)).toMatchObject({ by: TOKEN_EDIT });
  });

  it('says who created a record never modified since', async () => {
    const created = await api.post(CONTACTS, { lastName: 'Nouveau' });
    expect(created.status).toBe(201);
    expect(await lastChangeOf(`/contacts/${created.body.data.documentId}`)).toMatchObject({
      kind: 'created',
      by: TOKEN_EDIT,
    });
  });

  it('names who edited a client and an offer', async () => {
    const client = await createClient(app.strapi);
    expect((await editor.put(`/clients/${client}`, { city: 'Lille' })).status).toBe(200);
    expect(await lastChangeOf(`/clients/${client}`)).toMatchObject({ kind: 'modified', by: ADMIN_EDIT });

    const offer = await createOffer(app.strapi);
    expect((await api.put(`${OFFERS}/${offer}`, { destination: 'Porto' })).status).toBe(200);
    const change = await lastChangeOf(`/offers/${offer}`);
    expect(change).toMatchObject({ kind: 'modified', by: TOKEN_EDIT });
    // the offer page shows the offer's fields; its dates are only the fallback of the last change
    const page = (await editor.get(`/offers/${offer}`)).body.data;
    expect(page).not.toHaveProperty('updatedAt');
  });

  it('falls back to the record’s date, naming nobody, while the history is not recorded', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Sans-Trace' });
    expect((await editor.put(`/contacts/${contact}`, { city: 'Lyon' })).status).toBe(200);
    app.strapi.config.set(HISTORY_CONFIG, { enabled: false });
    const saved = await api.put(`${CONTACTS}/${contact}`, { city: 'Dijon' });
    expect(saved.status).toBe(200);

    const change = await lastChangeOf(`/contacts/${contact}`);
    expect(change).toEqual({ kind: 'modified', at: saved.body.data.updatedAt, by: null });
  });

  it('falls back to the record’s dates when its entries are gone', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Ancien' });
    await app.strapi.db.query(UID.historyEntry).deleteMany({ where: { targetDocumentId: contact } });
    const stored = await app.strapi.documents(UID.contact).findOne({ documentId: contact });
    expect(await lastChangeOf(`/contacts/${contact}`)).toEqual({
      kind: 'created',
      at: new Date(stored?.createdAt as string).toISOString(),
      by: null,
    });
  });
});

describe('who sees the last change', () => {
  it('is the detail route’s: 401 without a session, 403 without the read action, no history action needed', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Gardé' });
    expect((await adminClient(app).get(`/contacts/${contact}`)).status).toBe(401);
    const { token } = await createAdminWithPermissions(app, [{ action: ACTION['clients.read'] }]);
    const stranger = adminClient(app, token);
    expect((await stranger.get(`/contacts/${contact}`)).status).toBe(403);
    expect((await stranger.get(`/offers/${await createOffer(app.strapi)}`)).status).toBe(403);

    // the editor may not read the history itself: its values and past names stay behind history.read
    expect((await editor.get(`/contacts/${contact}/history`)).status).toBe(403);
    expect((await lastChangeOf(`/contacts/${contact}`)).by).toMatchObject({ type: 'system' });
  });
});
