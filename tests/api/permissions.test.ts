import { beforeAll, describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { CLIENT_CONTACTS, CLIENTS, CONTACTS, OFFER_CONTACTS, OFFERS, restClient } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';
import { rawInput } from '../helpers/offers';

const app = useStrapi();
const COLLECTIONS = [CONTACTS, CLIENTS, CLIENT_CONTACTS, OFFER_CONTACTS, OFFERS];
let contactId: string;

beforeAll(async () => {
  const contact = await app.strapi
    .documents(UID.contact)
    .create({ data: rawInput(UID.contact, { lastName: 'Secret', email: 'secret@example.fr' }) });
  contactId = contact.documentId;
});

describe('nothing is public', () => {
  const routes = COLLECTIONS.flatMap((path) => [
    ['GET', path],
    ['GET', `${path}/someDocumentId`],
    ['POST', path],
    ['PUT', `${path}/someDocumentId`],
    ['DELETE', `${path}/someDocumentId`],
  ]);

  it.each(routes)('%s %s answers 403 to an anonymous caller', async (method, path) => {
    const anonymous = restClient(app);
    const response =
      method === 'GET'
        ? await anonymous.get(path)
        : method === 'POST'
          ? await anonymous.post(path, { lastName: 'Intrus' })
          : method === 'PUT'
            ? await anonymous.put(path, { lastName: 'Intrus' })
            : await anonymous.delete(path);
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
  });

  it('answers 401 to an invalid token', async () => {
    const response = await restClient(app, 'not-a-real-token').get(CONTACTS);
    expect(response.status).toBe(401);
  });
});

describe('API tokens', () => {
  it('lets a read-only token read but not write', async () => {
    const readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
    expect((await readOnly.get(CONTACTS)).status).toBe(200);
    expect((await readOnly.get(`${CONTACTS}/${contactId}`)).status).toBe(200);
    const before = await app.strapi.db.query(UID.contact).count();
    expect((await readOnly.post(CONTACTS, { lastName: 'Nouveau' })).status).toBe(403);
    expect((await readOnly.put(`${CONTACTS}/${contactId}`, { lastName: 'Changé' })).status).toBe(403);
    expect((await readOnly.delete(`${CONTACTS}/${contactId}`)).status).toBe(403);
    expect(await app.strapi.db.query(UID.contact).count()).toBe(before);
  });

  it('limits a custom token to its actions', async () => {
    const custom = restClient(
      app,
      await createApiToken(app.strapi, 'custom', [
        'plugin::caladeo-contacts.contact.find',
        'plugin::caladeo-contacts.contact.findOne',
      ])
    );
    expect((await custom.get(CONTACTS)).status).toBe(200);
    expect((await custom.get(CLIENTS)).status).toBe(403);
    expect((await custom.get(OFFERS)).status).toBe(403);
    expect((await custom.post(CONTACTS, { lastName: 'Nouveau' })).status).toBe(403);
  });

  it('lets a full-access token write, and still hides private fields', async () => {
    const full = restClient(app, await createApiToken(app.strapi, 'full-access'));
    const created = await full.post(CONTACTS, { lastName: 'Complet' });
    expect(created.status).toBe(201);
    expect(created.body.data).not.toHaveProperty('searchText');
  });
});

describe('users-permissions roles', () => {
  it('lets a user with only find list contacts but not create one', async () => {
    const jwt = await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.find']);
    const user = restClient(app, jwt);
    expect((await user.get(CONTACTS)).status).toBe(200);
    expect((await user.get(`${CONTACTS}/${contactId}`)).status).toBe(403);
    expect((await user.post(CONTACTS, { lastName: 'Nouveau' })).status).toBe(403);
    expect((await user.get(CLIENTS)).status).toBe(403);
  });

  it('lets a user with create add a contact', async () => {
    const jwt = await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.create']);
    const response = await restClient(app, jwt).post(CONTACTS, { lastName: 'Créé par un rôle' });
    expect(response.status).toBe(201);
  });

  it('does not populate a relation the caller may not read', async () => {
    const client = await app.strapi
      .documents(UID.client)
      .create({ data: { name: 'Client caché', type: 'company' } });
    await app.strapi.documents(UID.clientContact).create({
      data: rawInput(UID.clientContact, { contact: contactId, client: client.documentId, role: 'payeur' }),
    });
    const jwt = await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.findOne']);
    const response = await restClient(app, jwt).get(
      `${CONTACTS}/${contactId}?populate[clientLinks][populate]=client`
    );
    expect(response.status).toBe(200);
    expect(response.body.data.clientLinks).toEqual([]);
  });
});
