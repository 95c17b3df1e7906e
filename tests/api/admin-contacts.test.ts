import { beforeAll, describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type { ContactDetail, ClientDetail } from '../../src/plugins/caladeo-contacts/shared/contracts/admin';
import { adminClient, superAdminToken, type AdminClient } from '../helpers/admin';
import { errorCodes } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';
import { rawInput } from '../helpers/offers';

const app = useStrapi();
let admin: AdminClient;

beforeAll(async () => {
  admin = adminClient(app, await superAdminToken(app));
});

const createContact = async (body: Record<string, unknown>) => {
  const response = await admin.post('/contacts', body);
  expect(response.status).toBe(201);
  return response.body.data as ContactDetail;
};
const createClient = async (name: string) => {
  const response = await admin.post('/clients', { name, type: 'association' });
  expect(response.status).toBe(201);
  return response.body.data as ClientDetail;
};

describe('contact writes from the admin cross the validation', () => {
  it('refuses a bad e-mail with a field error and writes nothing', async () => {
    const before = await app.strapi.db.query(UID.contact).count();
    const response = await admin.post('/contacts', { lastName: 'Mauvais', email: 'pas-un-email' });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    // the form translates the code; the English message stays for other clients
    expect(response.body.error.details.errors).toEqual([
      {
        path: ['email'],
        code: 'email.invalid',
        values: {},
        message: 'email must be a valid e-mail address',
        name: 'ValidationError',
      },
    ]);
    expect(await app.strapi.db.query(UID.contact).count()).toBe(before);
  });

  it('refuses a field the form does not have', async () => {
    const response = await admin.post('/contacts', { lastName: 'Curieux', searchText: 'x' });
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['searchText: field.notAllowed']);
  });

  it('stores the phone in E.164 and the département from the postal code', async () => {
    const contact = await createContact({
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'Helene.Dupre@Example.fr',
      phone: '06 12 34 56 78',
      postalCode: '69003',
      city: 'Lyon',
      country: 'France',
    });
    expect(contact).toMatchObject({ email: 'helene.dupre@example.fr', phone: '+33612345678', country: 'FR' });
    expect(contact.region).toBeTruthy();
    expect(contact).not.toHaveProperty('searchText');
    expect(contact).not.toHaveProperty('id');
  });

  it('answers 404 for a contact that does not exist', async () => {
    expect((await admin.get('/contacts/nope')).status).toBe(404);
    expect((await admin.put('/contacts/nope', { lastName: 'X' })).status).toBe(404);
  });
});

describe('the contact list', () => {
  let clientId: string;

  beforeAll(async () => {
    clientId = (await createClient('Comité des fêtes de Brûlon')).documentId;
    const hugo = await createContact({
      firstName: 'Hugo',
      lastName: 'Lefèvre',
      country: 'BE',
      newsletter: true,
    });
    await createContact({ firstName: 'Zoé', lastName: 'Lefèvre', country: 'FR' });
    const response = await admin.post(`/contacts/${hugo.documentId}/client-links`, {
      client: clientId,
      role: 'president',
    });
    expect(response.status).toBe(201);
  });

  it('finds accented names typed without accents', async () => {
    const response = await admin.get('/contacts?q=lefevre');
    expect(response.status).toBe(200);
    expect(response.body.results.map((row: ContactDetail) => row.firstName).sort()).toEqual(['Hugo', 'Zoé']);
    expect(response.body.pagination).toMatchObject({ total: 2, totalIsExact: true, nextCursor: null });
  });

  it('filters by client, role, country and newsletter', async () => {
    const names = async (query: string) =>
      ((await admin.get(`/contacts?q=lefevre&${query}`)).body.results as ContactDetail[]).map(
        (row) => row.firstName
      );
    expect(await names(`client=${clientId}`)).toEqual(['Hugo']);
    expect(await names('role=president')).toEqual(['Hugo']);
    expect(await names('role=payeur')).toEqual([]);
    expect(await names('country=FR')).toEqual(['Zoé']);
    expect(await names('newsletter=true')).toEqual(['Hugo']);
  });

  it('pages with a cursor', async () => {
    const first = await admin.get('/contacts?q=lefevre&pageSize=1&order=name');
    expect(first.body.results).toHaveLength(1);
    expect(first.body.pagination.nextCursor).toEqual(expect.any(String));
    const second = await admin.get(
      `/contacts?q=lefevre&pageSize=1&order=name&cursor=${first.body.pagination.nextCursor}`
    );
    expect(second.body.results[0].documentId).not.toBe(first.body.results[0].documentId);
  });

  it('refuses unknown or malformed parameters with 400', async () => {
    const unknown = await admin.get('/contacts?colour=red');
    expect(unknown.status).toBe(400);
    expect(errorCodes(unknown.body)).toEqual(['colour: field.notAllowed']);
    const tooLarge = await admin.get('/contacts?pageSize=1000');
    expect(tooLarge.body.error.details.errors).toMatchObject([
      { path: ['pageSize'], code: 'number.outOfRange', values: { min: 1, max: 100 } },
    ]);
    expect(errorCodes((await admin.get('/contacts?role=chef')).body)).toEqual(['role: choice.invalid']);
    expect(errorCodes((await admin.get('/contacts?cursor=garbage')).body)).toEqual([
      'cursor: search.cursorInvalid',
    ]);
  });
});

describe('roles on clients and offers', () => {
  it('attaches, makes primary, changes a role and detaches', async () => {
    const client = await createClient('Amicale des cheminots');
    const first = await createContact({ lastName: 'Premier' });
    const second = await createContact({ lastName: 'Second' });
    const attached = await admin.post(`/contacts/${first.documentId}/client-links`, {
      client: client.documentId,
      role: 'responsable_voyage',
      isPrimary: true,
    });
    expect(attached.status).toBe(201);
    const link = (attached.body.data as ContactDetail).clientLinks[0];
    expect(link).toMatchObject({ role: 'responsable_voyage', isPrimary: true });
    expect(link?.client?.name).toBe('Amicale des cheminots');
    expect(link).not.toHaveProperty('primaryOf');

    // a second primary takes the place of the first
    const secondLink = await admin.post(`/contacts/${second.documentId}/client-links`, {
      client: client.documentId,
      role: 'payeur',
      isPrimary: true,
    });
    expect(secondLink.status).toBe(201);
    const detail = (await admin.get(`/clients/${client.documentId}`)).body.data as ClientDetail;
    const primaries = detail.contactLinks.filter((entry) => entry.isPrimary);
    expect(primaries.map((entry) => entry.contact?.lastName)).toEqual(['Second']);

    const changed = await admin.put(`/client-links/${link?.documentId}`, { role: 'president' });
    expect(changed.status).toBe(200);
    expect((changed.body.data as ContactDetail).clientLinks[0]?.role).toBe('president');

    const duplicate = await admin.post(`/contacts/${first.documentId}/client-links`, {
      client: client.documentId,
      role: 'president',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.errors).toMatchObject([
      { path: ['role'], code: 'link.roleTaken', values: { target: 'client' } },
    ]);

    const detached = await admin.delete(`/client-links/${link?.documentId}`);
    expect(detached.status).toBe(200);
    expect((detached.body.data as ContactDetail).clientLinks).toEqual([]);
  });

  it('refuses a role that does not exist and a client that does not exist', async () => {
    const contact = await createContact({ lastName: 'Sans rôle' });
    const badRole = await admin.post(`/contacts/${contact.documentId}/client-links`, {
      client: 'missing',
      role: 'chef',
    });
    expect(badRole.status).toBe(400);
    expect(errorCodes(badRole.body).sort()).toEqual(['client: link.endNotFound', 'role: choice.invalid']);
  });

  it('attaches a contact to an offer found by the picker', async () => {
    await app.strapi
      .documents(UID.offer)
      .create({ data: rawInput(UID.offer, { title: 'Séjour à Lisbonne', reference: 'LIS-2027' }) });
    const found = await admin.get('/offers?q=lisbonne');
    expect(found.status).toBe(200);
    const offer = found.body.results[0];
    expect(offer).toMatchObject({ title: 'Séjour à Lisbonne', reference: 'LIS-2027' });
    const contact = await createContact({ lastName: 'Voyageur' });
    const response = await admin.post(`/contacts/${contact.documentId}/offer-links`, {
      offer: offer.documentId,
      role: 'voyageur',
    });
    expect(response.status).toBe(201);
    expect((response.body.data as ContactDetail).offerLinks[0]?.offer?.reference).toBe('LIS-2027');
  });

  it('deletes a contact with its roles', async () => {
    const client = await createClient('Lycée Jean Moulin');
    const contact = await createContact({ lastName: 'Partant' });
    await admin.post(`/contacts/${contact.documentId}/client-links`, {
      client: client.documentId,
      role: 'autre',
    });
    expect((await admin.delete(`/contacts/${contact.documentId}`)).status).toBe(200);
    expect((await admin.get(`/contacts/${contact.documentId}`)).status).toBe(404);
    const detail = (await admin.get(`/clients/${client.documentId}`)).body.data as ClientDetail;
    expect(detail.contactLinks).toEqual([]);
  });
});

describe('clients from the admin', () => {
  it('refuses a client without a name, naming the field', async () => {
    const response = await admin.post('/clients', { type: 'school' });
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['name: required']);
  });

  it('lists clients by accent-insensitive search', async () => {
    await createClient('Société générale des voyageurs');
    const response = await admin.get('/clients?q=societe');
    expect(response.status).toBe(200);
    expect(response.body.results.map((row: ClientDetail) => row.name)).toContain(
      'Société générale des voyageurs'
    );
  });
});
