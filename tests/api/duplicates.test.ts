import { beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { adminClient, adminTokenWithActions, type AdminClient } from '../helpers/admin';
import { createApiToken } from '../helpers/auth';
import {
  CLIENTS,
  CLIENT_CONTACTS,
  CONTACTS,
  errorCodes,
  restClient,
  type ErrorEnvelope,
  type RestClient,
} from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
const CHECK = `${CONTACTS}/duplicates/check`;

type LikelyDuplicate = {
  contact: { documentId: string; lastName: string };
  score: number;
  reasons: string[];
};

let api: RestClient;
let admin: AdminClient;
const stored: Record<string, string> = {};
let clientId: string;

const create = async (key: string, data: Record<string, unknown>) => {
  const response = await api.post(CONTACTS, data);
  expect(response.status).toBe(201);
  stored[key] = response.body.data.documentId as string;
  return stored[key] as string;
};

/** The reasons given for each stored contact, by the key it was created under. */
const reasonsOf = (body: { data: LikelyDuplicate[] }) =>
  Object.fromEntries(
    body.data.map((found) => [
      Object.entries(stored).find(([, id]) => id === found.contact.documentId)?.[0] ??
        found.contact.documentId,
      found.reasons,
    ])
  );

const check = async (data: Record<string, unknown>, client: RestClient = api) => {
  const response = await client.post(CHECK, data);
  expect(response.status).toBe(200);
  return reasonsOf(response.body);
};

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
  admin = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.read']]));
  const client = await api.post(CLIENTS, { name: 'Amicale des Pêcheurs', type: 'association' });
  clientId = client.body.data.documentId as string;

  await create('helene', {
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    email: 'helene.lefevre@example.fr',
    phone: '06 12 34 56 78',
    postalCode: '33000',
    city: 'Bordeaux',
    country: 'FR',
  });
  await create('jeanLyon', {
    firstName: 'Jean',
    lastName: 'Dupont',
    postalCode: '69001',
    city: 'Lyon',
    country: 'FR',
  });
  await create('jeanClient', { firstName: 'Jean', lastName: 'Dupont', email: 'jdupont@amicale.fr' });
  expect(
    (await api.post(CLIENT_CONTACTS, { contact: stored.jeanClient, client: clientId, role: 'president' }))
      .status
  ).toBe(201);
  await create('marie', {
    firstName: 'Marie',
    lastName: 'Martin',
    email: 'marie.martin@orange.fr',
    postalCode: '75011',
    city: 'Paris',
    country: 'FR',
  });
  await create('shared', { lastName: 'Association A', email: 'contact@association-a.fr' });
});

describe('the duplicate check names each reason', () => {
  it('finds the same phone however it is typed', async () => {
    expect(await check({ lastName: 'Autre', phone: '+33 6 12 34 56 78', country: 'FR' })).toEqual({
      helene: ['phone'],
    });
  });

  it('finds the same folded name in the same postal code and city', async () => {
    expect(
      await check({ firstName: 'helene', lastName: 'LEFEVRE', postalCode: '33000', city: 'bordeaux' })
    ).toEqual({
      helene: ['nameAndPostalCode', 'nameAndCity'],
    });
    expect(await check({ firstName: 'Jean', lastName: 'Dupont', city: 'LYON' })).toEqual({
      jeanLyon: ['nameAndCity'],
    });
  });

  it('finds the same name on the same client', async () => {
    expect(await check({ firstName: 'Jean', lastName: 'Dupont', clients: [clientId] })).toEqual({
      jeanClient: ['nameAndClient'],
    });
  });

  it('finds the same local part of the e-mail on another domain', async () => {
    expect(await check({ lastName: 'M.', email: 'Marie.Martin@gmail.com' })).toEqual({
      marie: ['emailLocalPart'],
    });
  });

  it('finds a name similar by trigrams in the same postal code', async () => {
    const found = await api.post(CHECK, { firstName: 'Marie', lastName: 'Martins', postalCode: '75011' });
    expect(reasonsOf(found.body)).toEqual({ marie: ['similarNameAndPostalCode'] });
    expect(found.body.data[0].score).toBeGreaterThan(0);
    expect(found.body.data[0].contact).toEqual({
      documentId: stored.marie,
      firstName: 'Marie',
      lastName: 'Martin',
      email: 'marie.martin@orange.fr',
      phone: null,
      postalCode: '75011',
      city: 'Paris',
    });
  });

  it('names the equal e-mail, which a save refuses with the existing contact', async () => {
    expect(await check({ email: 'HELENE.LEFEVRE@example.fr' })).toEqual({ helene: ['email'] });
    const refused = await api.post(CONTACTS, { lastName: 'Copie', email: 'helene.lefevre@example.fr' });
    expect(refused.status).toBe(400);
    const [entry] = (refused.body as ErrorEnvelope).error.details?.errors ?? [];
    expect(entry).toMatchObject({
      path: ['email'],
      code: 'email.taken',
      values: { documentId: stored.helene },
    });
  });

  it('ranks several reasons above one', async () => {
    const response = await api.post(CHECK, {
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      postalCode: '33000',
      phone: '0612345678',
      country: 'FR',
    });
    const [first] = response.body.data as LikelyDuplicate[];
    expect(first?.reasons).toEqual(['phone', 'nameAndPostalCode']);
    expect(first?.score).toBeGreaterThan(0.9);
  });
});

describe('no false reason', () => {
  it('does not warn for a namesake in another town, nor for a shared function address', async () => {
    expect(
      await check({ firstName: 'Marie', lastName: 'Martin', postalCode: '13001', city: 'Marseille' })
    ).toEqual({});
    expect(await check({ firstName: 'Paul', lastName: 'Martin', postalCode: '75011' })).toEqual({});
    expect(await check({ lastName: 'Autre', phone: '+33 6 12 34 56 79', country: 'FR' })).toEqual({});
  });

  it('does not take a sister in the same postal code for the same person, but takes a typo in a first name', async () => {
    // "lefevre irene" and "lefevre helene" are similar as a whole (10/19), their first names are not
    expect(await check({ firstName: 'Irène', lastName: 'Lefèvre', postalCode: '33000' })).toEqual({});
    expect(await check({ firstName: 'Hélèen', lastName: 'Lefèvre', postalCode: '33000' })).toEqual({
      helene: ['similarNameAndPostalCode'],
    });
    expect(await check({ lastName: 'Association B', email: 'contact@association-b.fr' })).toEqual({});
  });

  it('leaves out what is still being typed, and the contact being edited', async () => {
    expect(
      await check({ phone: '06 12', lastName: 'Lefèvre', firstName: 'Hélène', postalCode: '33000' })
    ).toEqual({
      helene: ['nameAndPostalCode'],
    });
    expect(await check({ documentId: stored.helene, phone: '0612345678' })).toEqual({});
  });

  it("lists a stored contact's own likely duplicates", async () => {
    const copy = await create('copy', { firstName: 'Jean', lastName: 'Dupont', city: 'Lyon' });
    const response = await api.get(`${CONTACTS}/${copy}/duplicates`);
    expect(response.status).toBe(200);
    expect(reasonsOf(response.body)).toEqual({ jeanLyon: ['nameAndCity'] });
  });
});

describe('the admin form asks the same', () => {
  it('answers an admin who may read contacts', async () => {
    const response = await admin.post('/contacts/duplicates/check', {
      data: { phone: '0612345678', country: 'FR' },
    });
    expect(response.status).toBe(200);
    expect(reasonsOf(response.body)).toEqual({ helene: ['phone'] });
    const own = await admin.get(`/contacts/${stored.helene}/duplicates`);
    expect(own.status).toBe(200);
  });

  it('refuses an admin without contacts.read, and anyone anonymous', async () => {
    const other = adminClient(app, await adminTokenWithActions(app, [ACTION['clients.read']]));
    expect((await other.post('/contacts/duplicates/check', { data: {} })).status).toBe(403);
    expect((await adminClient(app).post('/contacts/duplicates/check', { data: {} })).status).toBe(401);
  });
});

describe('the content API guards and checks its input', () => {
  it('is closed to anonymous callers and to tokens without the scope; read-only tokens may check', async () => {
    expect((await restClient(app).post(CHECK, { lastName: 'X' })).status).toBe(403);
    const other = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact.find'])
    );
    expect((await other.post(CHECK, { lastName: 'X' })).status).toBe(403);
    const readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
    expect((await readOnly.post(CHECK, { phone: '0612345678', country: 'FR' })).status).toBe(200);
  });

  it('refuses keys that are not contact fields, and malformed ids, naming them', async () => {
    const before = await app.strapi.db.query(UID.contact).count();
    const unknown = await api.post(CHECK, { lastName: 'X', nickname: 'Y' });
    expect(unknown.status).toBe(400);
    expect(errorCodes(unknown.body)).toEqual(['nickname: field.notAllowed']);
    const badId = await api.post(CHECK, { clients: ['not an id!'] });
    expect(badId.status).toBe(400);
    expect(errorCodes(badId.body)).toEqual(['clients.0: documentId.invalid']);
    expect((await api.post(CHECK, { documentId: 'nosuchcontact' })).status).toBe(404);
    expect((await api.get(`${CONTACTS}/nosuchcontact/duplicates`)).status).toBe(404);
    expect(await app.strapi.db.query(UID.contact).count()).toBe(before);
  });
});
