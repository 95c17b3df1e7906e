import { beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, ACTIONS, CLIENT_TYPES } from '../../src/plugins/caladeo-contacts/shared/constants';
import type {
  Client,
  ContactDetail,
  ListResponse,
} from '../../src/plugins/caladeo-contacts/shared/contracts/admin';
import { adminClient, adminTokenWithActions, superAdminToken, type AdminClient } from '../helpers/admin';
import { adminCsvRows, adminDownload } from '../helpers/downloads';
import { errorCodes } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';
import { up as upClientCityKeys } from '../../database/migrations/2026.12.10T00.00.00.client-city-keys';

const app = useStrapi();
let admin: AdminClient;
let token: string;
/** Durand's only link, not primary: made primary by one test. */
let durandLink: string;

const createClient = async (body: Record<string, unknown>) => {
  const response = await admin.post('/clients', body);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const createContact = async (lastName: string) => {
  const response = await admin.post('/contacts', { lastName });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const attach = async (contact: string, body: Record<string, unknown>) => {
  const response = await admin.post(`/contacts/${contact}/client-links`, body);
  expect(response.status).toBe(201);
  const links = (response.body.data as ContactDetail).clientLinks;
  return links.find((link) => link.client?.documentId === body.client)?.documentId as string;
};

beforeAll(async () => {
  token = await superAdminToken(app);
  admin = adminClient(app, token);
  const amicale = await createClient({
    name: 'Amicale des cheminots',
    type: 'association',
    city: 'Lyon',
    country: 'FR',
  });
  const durand = await createClient({ name: 'Société Durand', type: 'company', city: 'Villeurbanne' });
  await createClient({ name: 'École Saint-Exupéry', type: 'school', city: 'LYON 3e', country: 'FR' });
  const comite = await createClient({
    name: 'Comité Atomium',
    type: 'works_council',
    city: 'Bruxelles',
    country: 'BE',
  });
  const anne = await createContact('Martin');
  await attach(anne, { client: amicale, role: 'president', isPrimary: true });
  // a contact on the client, but not the one its documents are addressed to
  durandLink = await attach(anne, { client: durand, role: 'payeur' });
  await attach(await createContact('Peeters'), { client: comite, role: 'payeur', isPrimary: true });
});

/** The names a list query shows, in the list's order, and the total it announces. */
const listed = async (query: string) => {
  const response = await admin.get(`/clients?${query}`);
  expect(response.status).toBe(200);
  const body = response.body as ListResponse<Client>;
  return { names: body.results.map((client) => client.name), total: body.pagination.total };
};
const names = async (query: string) => (await listed(query)).names;

describe('the client list’s filters', () => {
  it('keep the clients of one type', async () => {
    expect(await listed('type=association')).toEqual({ names: ['Amicale des cheminots'], total: 1 });
    expect(await names('type=public_body')).toEqual([]);
  });

  it('find a town whatever its case, and its districts', async () => {
    expect(await names('city=lyon')).toEqual(['Amicale des cheminots', 'École Saint-Exupéry']);
    expect(await names('city=%20Bruxelles%20')).toEqual(['Comité Atomium']);
  });

  it('keep the clients of one country', async () => {
    expect(await names('country=BE')).toEqual(['Comité Atomium']);
  });

  it('tell the clients with a primary contact from those without, a non-primary contact not counting', async () => {
    expect(await listed('hasPrimary=true')).toEqual({
      names: ['Amicale des cheminots', 'Comité Atomium'],
      total: 2,
    });
    expect(await names('hasPrimary=false')).toEqual(['École Saint-Exupéry', 'Société Durand']);
  });

  it('combine with each other and with the search', async () => {
    expect(await names('city=lyon&hasPrimary=false')).toEqual(['École Saint-Exupéry']);
    expect(await names('country=FR&type=association&hasPrimary=true')).toEqual(['Amicale des cheminots']);
    expect(await names('q=ecole&city=lyon')).toEqual(['École Saint-Exupéry']);
    expect(await names('q=ecole&hasPrimary=true')).toEqual([]);
  });

  it('follow the client’s primary contact as it changes', async () => {
    expect((await admin.put(`/client-links/${durandLink}`, { isPrimary: true })).status).toBe(200);
    expect(await names('hasPrimary=false')).toEqual(['École Saint-Exupéry']);
    expect((await admin.put(`/client-links/${durandLink}`, { isPrimary: false })).status).toBe(200);
    expect(await names('hasPrimary=false')).toEqual(['École Saint-Exupéry', 'Société Durand']);
  });

  it('page through the filtered list with its cursor', async () => {
    const first = await admin.get('/clients?hasPrimary=false&pageSize=1');
    expect(first.body.results.map((client: Client) => client.name)).toEqual(['École Saint-Exupéry']);
    const cursor = first.body.pagination.nextCursor as string;
    expect(await names(`hasPrimary=false&pageSize=1&cursor=${encodeURIComponent(cursor)}`)).toEqual([
      'Société Durand',
    ]);
  });
});

describe('the client export', () => {
  it('writes the filtered list, every row of it, headed in French or English', async () => {
    expect(
      await adminCsvRows(app, '/clients/export?hasPrimary=true&columns=name,type,country&headers=fr', token)
    ).toEqual([
      ['Nom', 'Type', 'Pays'],
      ['Amicale des cheminots', 'association', 'FR'],
      ['Comité Atomium', 'works_council', 'BE'],
    ]);
    expect(
      await adminCsvRows(app, '/clients/export?city=lyon&type=school&columns=name,city&headers=en', token)
    ).toEqual([
      ['Name', 'City'],
      ['École Saint-Exupéry', 'LYON 3e'],
    ]);
  });

  it('ignores the page the list was on', async () => {
    const rows = await adminCsvRows(app, '/clients/export?hasPrimary=false&pageSize=1&columns=name', token);
    expect(rows.slice(1)).toEqual([['École Saint-Exupéry'], ['Société Durand']]);
  });
});

describe('bad filters', () => {
  it.each([
    ['type=hotel', `type: choice.invalid`],
    ['city=' + 'x'.repeat(101), 'city: text.tooLong'],
    ['city=Lyon%07', 'city: text.controlCharacters'],
    ['city=Lyon&city=Paris', 'city: text.notString'],
    ['country=Belgique', 'country: country.notAlpha2'],
    ['hasPrimary=oui', 'hasPrimary: boolean.invalid'],
    ['kind=company', 'kind: field.notAllowed'],
  ])('?%s is a 400 naming the parameter, on the list and on the export', async (query, expected) => {
    for (const path of ['/clients', '/clients/export']) {
      const response = await admin.get(`${path}?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(errorCodes(response.body)).toEqual([expected]);
    }
  });

  it('lists the types allowed', async () => {
    const response = await admin.get('/clients?type=hotel');
    expect(response.body.error.details.errors[0].values).toEqual({ allowed: CLIENT_TYPES.join(', ') });
  });
});

describe('who may filter and export clients', () => {
  const allBut = (action: string) =>
    ACTIONS.map(({ uid }) => `plugin::caladeo-contacts.${uid}`).filter((held) => held !== action);

  it('refuses an anonymous caller with a 401', async () => {
    expect((await adminClient(app).get('/clients?type=company')).status).toBe(401);
    expect((await adminDownload(app, '/clients/export?hasPrimary=true', null)).status).toBe(401);
  });

  it('needs clients.read for the filtered list, and clients.export for its file', async () => {
    const withoutRead = adminClient(app, await adminTokenWithActions(app, allBut(ACTION['clients.read'])));
    expect((await withoutRead.get('/clients?hasPrimary=true')).status).toBe(403);

    const readOnly = await adminTokenWithActions(app, [ACTION['clients.read']]);
    expect((await adminClient(app, readOnly).get('/clients?country=BE')).status).toBe(200);
    expect((await adminDownload(app, '/clients/export?country=BE', readOnly)).status).toBe(403);

    const exporter = await adminTokenWithActions(app, [ACTION['clients.export']]);
    const rows = await adminCsvRows(app, '/clients/export?country=BE&columns=name', exporter);
    expect(rows.slice(1)).toEqual([['Comité Atomium']]);
  });
});

describe('the town filter, folded like the search', () => {
  it('ignores accents, case, hyphens and "St" for "Saint", and follows a change of town', async () => {
    const cercle = await createClient({ name: 'Cercle nautique', type: 'association', city: 'Sète' });
    await createClient({ name: 'Club forézien', type: 'association', city: 'Saint-Étienne' });
    expect(await names('city=sete')).toEqual(['Cercle nautique']);
    expect(await names('city=S%C3%88TE')).toEqual(['Cercle nautique']);
    expect(await names('city=st%20etienne')).toEqual(['Club forézien']);
    expect(await names('city=saint-eti')).toEqual(['Club forézien']);
    expect(await names('city=--')).toEqual([]);

    expect((await admin.put(`/clients/${cercle}`, { city: 'Agde' })).status).toBe(200);
    expect(await names('city=sete')).toEqual([]);
    expect(await names('city=agde')).toEqual(['Cercle nautique']);
  });

  it('finds the clients stored before the folded town existed, once the migration has run', async () => {
    await createClient({ name: 'Amis de Nîmes', type: 'friends_group', city: 'Nîmes' });
    const knex = app.strapi.db.connection;
    await knex('caladeo_clients').update({ city_key: null });
    expect(await names('city=nimes')).toEqual([]);

    await upClientCityKeys(knex as never);
    await upClientCityKeys(knex as never);

    expect(await names('city=nimes')).toEqual(['Amis de Nîmes']);
    expect(await names('city=lyon')).toEqual(['Amicale des cheminots', 'École Saint-Exupéry']);
  });
});
