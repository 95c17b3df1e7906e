import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { adminClient, adminTokenWithActions, superAdminToken, type AdminClient } from '../helpers/admin';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { CLIENTS, CLIENT_CONTACTS, CONTACTS, OFFERS, restClient, type RestClient } from '../helpers/http';
import {
  GENEROUS_LIMITS,
  confirmationPathIn,
  contactByEmail,
  jobRunner,
  signUpAndProcess,
} from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';
import type { HistoryEntry } from '../../src/plugins/caladeo-contacts/server/src/modules/history';

const app = useStrapi({ env: GENEROUS_LIMITS });
const IMPORTS = '/api/caladeo-contacts/imports';
const HISTORY_SCOPE = 'plugin::caladeo-contacts.history.contactHistory';

type Entry = HistoryEntry;

let fullToken: string;
let api: RestClient;
let admin: AdminClient;

/** Every entry of a record, newest first, read straight from the service. */
const entriesOf = async (targetType: 'contact' | 'client' | 'offer', documentId: string) =>
  (
    (await app.strapi
      .plugin('caladeo-contacts')
      .service('history')
      .list(targetType, documentId, { page: 1, pageSize: 100 })) as { data: Entry[] }
  ).data;

const createContact = async (data: Record<string, unknown>) => {
  const response = await api.post(CONTACTS, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

beforeAll(async () => {
  fullToken = await createApiToken(app.strapi, 'full-access');
  api = restClient(app, fullToken);
  admin = adminClient(app, await superAdminToken(app));
});

describe('what is recorded', () => {
  it('records a REST create and update with the token, each changed field before and after, no private field', async () => {
    const contact = await createContact({ firstName: 'Hélène', lastName: 'Lefèvre', city: 'Lyon' });
    expect((await api.put(`${CONTACTS}/${contact}`, { city: 'Bordeaux' })).status).toBe(200);

    const [update, create] = await entriesOf('contact', contact);
    expect(update).toMatchObject({
      action: 'update',
      entryPoint: 'rest',
      actor: { type: 'api_token' },
      changedFields: ['city'],
      changes: { city: { before: 'Lyon', after: 'Bordeaux' } },
    });
    expect(update?.actor.name).toMatch(/^token-full-access/);
    expect(create).toMatchObject({
      action: 'create',
      changes: {
        firstName: { before: null, after: 'Hélène' },
        lastName: { before: null, after: 'Lefèvre' },
        city: { before: null, after: 'Lyon' },
      },
    });
    for (const entry of [update, create]) {
      for (const field of ['searchText', 'nameKey', 'emailLocalPart', 'updatedAt', 'id'])
        expect(entry?.changes).not.toHaveProperty(field);
    }
  });

  it('writes nothing for an update that changes nothing', async () => {
    const contact = await createContact({ lastName: 'Inchangé', city: 'Nantes' });
    expect((await api.put(`${CONTACTS}/${contact}`, { city: 'Nantes', lastName: 'Inchangé' })).status).toBe(
      200
    );
    expect((await entriesOf('contact', contact)).map((entry) => entry.action)).toEqual(['create']);
  });

  it('records nothing, and keeps nothing, when the change is refused or fails', async () => {
    const contact = await createContact({ lastName: 'Refusé', email: 'refuse@example.fr' });
    expect((await api.put(`${CONTACTS}/${contact}`, { email: 'pas-un-email' })).status).toBe(400);
    expect(await entriesOf('contact', contact)).toHaveLength(1);

    // the entry is written in the change's transaction: a failure after it undoes both
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi
          .documents(UID.contact)
          .update({ documentId: contact, data: { city: 'Rennes' } as never });
        expect(await entriesOf('contact', contact)).toHaveLength(2);
        throw new Error('the rest of the work failed');
      })
    ).rejects.toThrow('the rest of the work failed');
    expect(await entriesOf('contact', contact)).toHaveLength(1);
    expect((await contactByEmail(app, 'refuse@example.fr'))?.city ?? null).toBeNull();
  });

  it('records links made, changed and removed on both ends, and a deletion', async () => {
    const contact = await createContact({ lastName: 'Lié' });
    const client = (await api.post(CLIENTS, { name: 'Amicale des Lilas', type: 'association' })).body.data
      .documentId as string;
    const link = await api.post(CLIENT_CONTACTS, { contact, client, role: 'president' });
    expect(link.status).toBe(201);
    const linkId = link.body.data.documentId as string;
    expect((await api.put(`${CLIENT_CONTACTS}/${linkId}`, { role: 'payeur' })).status).toBe(200);
    expect((await api.delete(`${CLIENT_CONTACTS}/${linkId}`)).status).toBe(204);

    const onContact = await entriesOf('contact', contact);
    expect(onContact.map((entry) => entry.action)).toEqual(['unlink', 'update', 'link', 'create']);
    expect(onContact[2]).toMatchObject({
      link: { type: 'client-contact', documentId: linkId, relatedDocumentId: client },
      changes: { role: { before: null, after: 'president' }, isPrimary: { before: null, after: false } },
    });
    expect(onContact[1]?.changes).toEqual({ role: { before: 'president', after: 'payeur' } });
    expect(onContact[0]?.changes).toMatchObject({ role: { before: 'payeur', after: null } });
    const onClient = await entriesOf('client', client);
    expect(onClient.map((entry) => entry.action)).toEqual(['unlink', 'update', 'link', 'create']);
    expect(onClient[2]?.link?.relatedDocumentId).toBe(contact);

    // deleting a client takes its links: the contacts' histories say so
    expect((await api.post(CLIENT_CONTACTS, { contact, client, role: 'voyageur' })).status).toBe(201);
    expect((await api.delete(`${CLIENTS}/${client}`)).status).toBe(204);
    expect((await entriesOf('contact', contact))[0]).toMatchObject({
      action: 'unlink',
      link: { relatedDocumentId: client },
    });
    expect((await entriesOf('client', client))[0]).toMatchObject({
      action: 'delete',
      changes: { name: { before: 'Amicale des Lilas', after: null } },
    });
  });

  it('records an offer’s own fields: created, then only the field an update changed', async () => {
    const created = await api.post(OFFERS, {
      title: 'Séjour à Porto',
      reference: `HIST-${process.pid}`,
      pricePerPerson: 1250.5,
      startDate: '2027-05-01',
    });
    expect(created.status).toBe(201);
    const offer = created.body.data.documentId as string;
    expect((await api.put(`${OFFERS}/${offer}`, { destination: 'Porto' })).status).toBe(200);

    const [update, create] = await entriesOf('offer', offer);
    expect(update).toMatchObject({
      action: 'update',
      actor: { type: 'api_token' },
      changes: { destination: { before: null, after: 'Porto' } },
    });
    // the price and the date read back as stored are not news
    expect(update?.changedFields).toEqual(['destination']);
    expect(create).toMatchObject({
      action: 'create',
      changes: { title: { before: null, after: 'Séjour à Porto' } },
    });
  });

  it('records a primary flag taken from another link', async () => {
    const first = await createContact({ lastName: 'Premier' });
    const second = await createContact({ lastName: 'Second' });
    const client = (await api.post(CLIENTS, { name: 'Club Primaire', type: 'association' })).body.data
      .documentId as string;
    await api.post(CLIENT_CONTACTS, { contact: first, client, role: 'president', isPrimary: true });
    await api.post(CLIENT_CONTACTS, { contact: second, client, role: 'payeur', isPrimary: true });
    expect((await entriesOf('contact', first))[0]).toMatchObject({
      action: 'update',
      changes: { isPrimary: { before: true, after: false } },
    });
  });
});

describe('who and through which entry point', () => {
  it('names the admin user for the admin tab', async () => {
    const created = await admin.post('/contacts', { lastName: 'Depuis-Admin' });
    expect(created.status).toBe(201);
    const [entry] = await entriesOf('contact', created.body.data.documentId as string);
    expect(entry).toMatchObject({ entryPoint: 'admin', actor: { type: 'admin_user' } });
    expect(entry?.actor.name).toMatch(/^Test Admin/);
    expect(entry?.actor.id).toMatch(/^\d+$/);
  });

  it('names the users-permissions user for REST and the token for GraphQL', async () => {
    const jwt = await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.create']);
    const created = await restClient(app, jwt).post(CONTACTS, { lastName: 'Utilisateur' });
    expect(created.status).toBe(201);
    expect((await entriesOf('contact', created.body.data.documentId as string))[0]).toMatchObject({
      entryPoint: 'rest',
      actor: { type: 'api_user' },
    });

    const contact = await createContact({ lastName: 'Graphe' });
    const response = await request(app.baseUrl)
      .post('/graphql')
      .set('Authorization', `Bearer ${fullToken}`)
      .send({
        query: `mutation { updateCaladeoContactsContact(documentId: "${contact}", data: { city: "Lille" }) { documentId } }`,
      });
    expect(response.body.errors).toBeUndefined();
    expect((await entriesOf('contact', contact))[0]).toMatchObject({
      entryPoint: 'graphql',
      actor: { type: 'api_token' },
      changes: { city: { before: null, after: 'Lille' } },
    });
  });

  it('names the import, for contacts it inserts in bulk and those it updates', async () => {
    const existing = await createContact({ lastName: 'Ancien', email: 'ancien@example.fr' });
    const file = Buffer.from(
      'Nom;Email;Ville\nNouveau;nouveau@example.fr;Brest\nAncien;ancien@example.fr;Tours\n'
    );
    const upload = await request(app.baseUrl)
      .post(IMPORTS)
      .set('Authorization', `Bearer ${fullToken}`)
      .field('mode', 'upsert')
      .attach('file', file, 'liste.csv');
    expect(upload.status).toBe(202);
    await jobRunner(app).drain();
    const importId = upload.body.data.documentId as string;

    const created = await contactByEmail(app, 'nouveau@example.fr');
    const [insertEntry] = await entriesOf('contact', String(created?.documentId));
    expect(insertEntry).toMatchObject({
      action: 'create',
      entryPoint: 'import',
      actor: { type: 'import', id: importId, name: 'liste.csv' },
      changes: { lastName: { before: null, after: 'Nouveau' }, city: { before: null, after: 'Brest' } },
    });
    expect((await entriesOf('contact', existing))[0]).toMatchObject({
      action: 'update',
      entryPoint: 'import',
      actor: { type: 'import', id: importId },
      changes: { city: { before: null, after: 'Tours' } },
    });
  });

  it('names a visitor for the newsletter sign-up and its confirmation', async () => {
    await signUpAndProcess(app, { email: 'visiteur@example.fr', firstName: 'Vic', source: 'footer' });
    const contact = await contactByEmail(app, 'visiteur@example.fr');
    const confirmed = await request(app.baseUrl)
      .post(confirmationPathIn(app, 'visiteur@example.fr'))
      .type('form')
      .send({});
    expect(confirmed.status).toBe(200);
    const [confirmation, signUp] = await entriesOf('contact', String(contact?.documentId));
    expect(signUp).toMatchObject({ action: 'create', entryPoint: 'newsletter', actor: { type: 'visitor' } });
    expect(confirmation).toMatchObject({
      action: 'update',
      entryPoint: 'newsletter',
      actor: { type: 'visitor', id: null, name: null },
      changes: { newsletter: { before: false, after: true } },
    });
  });

  it('names the job for changes a background job makes', async () => {
    const contact = await createContact({ lastName: 'Tâche' });
    const jobs = jobRunner(app);
    const kind = {
      kind: 'test.history-touch',
      run: async () => {
        await app.strapi
          .documents(UID.contact)
          .update({ documentId: contact, data: { city: 'Caen' } as never });
      },
    };
    jobs.define(kind);
    const id = await jobs.enqueue(kind, {});
    await jobs.drain();
    expect((await entriesOf('contact', contact))[0]).toMatchObject({
      entryPoint: 'job',
      actor: { type: 'job', id: String(id), name: 'test.history-touch' },
    });
  });
});

describe('the history routes', () => {
  let contact: string;
  let client: string;
  beforeAll(async () => {
    contact = await createContact({ lastName: 'Lu', city: 'Metz' });
    await api.put(`${CONTACTS}/${contact}`, { city: 'Nancy' });
    client = (await api.post(CLIENTS, { name: 'Lecteurs', type: 'association' })).body.data
      .documentId as string;
  });

  it('answers a page newest first, filtered by action, entry point and date', async () => {
    const page = await api.get(`${CONTACTS}/${contact}/history?pageSize=1`);
    expect(page.status).toBe(200);
    expect(page.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    expect(page.body.data[0].action).toBe('update');
    const creates = await api.get(`${CONTACTS}/${contact}/history?action=create`);
    expect(creates.body.data.map((entry: Entry) => entry.action)).toEqual(['create']);
    expect((await api.get(`${CONTACTS}/${contact}/history?entryPoint=admin`)).body.data).toEqual([]);
    expect((await api.get(`${CONTACTS}/${contact}/history?from=2999-01-01`)).body.data).toEqual([]);
    expect((await api.get(`${CLIENTS}/${client}/history`)).body.data[0].action).toBe('create');
  });

  it('refuses bad queries with a 400 naming the field, and unknown records with a 404', async () => {
    const bad = await api.get(`${CONTACTS}/${contact}/history?action=rename&colour=blue`);
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(paths.sort()).toEqual(['action', 'colour']);
    expect((await api.get(`${CONTACTS}/${contact}/history?from=hier`)).status).toBe(400);
    expect((await api.get(`${CONTACTS}/abcdefghijklmnopqrstuvwx/history`)).status).toBe(404);
    expect((await api.get(`${CONTACTS}/not%20an%20id/history`)).status).toBe(400);
  });

  it('lets in only callers given the history scope on the content API', async () => {
    const path = `${CONTACTS}/${contact}/history`;
    expect((await request(app.baseUrl).get(path)).status).toBe(403);
    expect((await request(app.baseUrl).get(path).set('Authorization', 'Bearer nonsense')).status).toBe(401);
    const readOnly = await createApiToken(app.strapi, 'read-only');
    expect((await restClient(app, readOnly).get(path)).status).toBe(403);
    const contactsReader = await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.find']);
    expect((await restClient(app, contactsReader).get(path)).status).toBe(403);
    const historyReader = await createUserWithActions(app.strapi, [HISTORY_SCOPE]);
    expect((await restClient(app, historyReader).get(path)).status).toBe(200);
    expect((await restClient(app, historyReader).get(`${CLIENTS}/${client}/history`)).status).toBe(403);
    const custom = await createApiToken(app.strapi, 'custom', [HISTORY_SCOPE]);
    expect((await restClient(app, custom).get(path)).status).toBe(200);
  });

  it('lets in only admins holding history.read on the admin routes', async () => {
    for (const path of [`/contacts/${contact}/history`, `/clients/${client}/history`]) {
      expect((await adminClient(app).get(path)).status).toBe(401);
      const reader = adminClient(
        app,
        await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['clients.read']])
      );
      expect((await reader.get(path)).status).toBe(403);
      const historian = adminClient(app, await adminTokenWithActions(app, [ACTION['history.read']]));
      const answer = await historian.get(path);
      expect(answer.status).toBe(200);
      expect(answer.body.data.length).toBeGreaterThan(0);
    }
  });

  it('keeps entries append-only through the document service', async () => {
    await expect(app.strapi.documents(UID.historyEntry).delete({ documentId: 'x' } as never)).rejects.toThrow(
      /append-only/
    );
  });
});
