import { beforeAll, describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import { CLIENTS, errorPaths, OFFERS, restClient, type RestClient } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let api: RestClient;

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

describe('clients', () => {
  it('normalises a client like a contact and checks a French SIRET', async () => {
    const response = await api.post(CLIENTS, {
      name: '  Amicale   des Cheminots ',
      type: 'association',
      email: ' Contact@Amicale.FR',
      phone: '05 56 00 00 00',
      country: 'france',
      postalCode: '33800',
      siret: '732 829 320 00074',
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      name: 'Amicale des Cheminots',
      email: 'contact@amicale.fr',
      phone: '+33556000000',
      country: 'FR',
      region: 'Gironde',
      siret: '73282932000074',
    });
  });

  it.each([
    ['no name', { type: 'company' }, 'name'],
    ['an unknown type', { name: 'X', type: 'cult' }, 'type'],
    ['a SIRET with a wrong checksum', { name: 'X', country: 'FR', siret: '73282932000075' }, 'siret'],
    ['a malformed e-mail', { name: 'X', email: '@nowhere' }, 'email'],
  ])('refuses a client with %s', async (_label, data, field) => {
    const before = await app.strapi.db.query(UID.client).count();
    const response = await api.post(CLIENTS, data);
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toContainEqual([field]);
    expect(await app.strapi.db.query(UID.client).count()).toBe(before);
  });
});

describe('offers', () => {
  it('stores an offer for a client and lists the client with its offers', async () => {
    const client = await api.post(CLIENTS, { name: 'École Jules Ferry', type: 'school' });
    const offer = await api.post(OFFERS, {
      title: 'Classe de neige',
      reference: ' dev-2027-001 ',
      destination: 'Les Arcs',
      startDate: '2027-02-01',
      endDate: '2027-02-06',
      pricePerPerson: '1 490,00',
      client: client.body.data.documentId,
    });
    expect(offer.status).toBe(201);
    expect(offer.body.data).toMatchObject({
      reference: 'DEV-2027-001',
      offerStatus: 'draft',
      pricePerPerson: 1490,
    });

    const withOffers = await api.get(`${CLIENTS}/${client.body.data.documentId}?populate=offers`);
    expect(withOffers.body.data.offers).toEqual([expect.objectContaining({ reference: 'DEV-2027-001' })]);
  });

  it.each([
    [
      'an end before the start',
      { title: 'X', reference: 'R-1', startDate: '2027-05-10', endDate: '2027-05-01' },
      'endDate',
    ],
    ['an impossible date', { title: 'X', reference: 'R-2', startDate: '2027-02-30' }, 'startDate'],
    ['no reference', { title: 'X' }, 'reference'],
    ['an unknown status', { title: 'X', reference: 'R-3', offerStatus: 'won' }, 'offerStatus'],
    ['a price finer than a cent', { title: 'X', reference: 'R-4', pricePerPerson: 12.345 }, 'pricePerPerson'],
    ['a negative price', { title: 'X', reference: 'R-5', pricePerPerson: '-90' }, 'pricePerPerson'],
  ])('refuses an offer with %s', async (_label, data, field) => {
    const before = await app.strapi.db.query(UID.offer).count();
    const response = await api.post(OFFERS, data);
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toContainEqual([field]);
    expect(await app.strapi.db.query(UID.offer).count()).toBe(before);
  });

  it('refuses a reference already used, whatever its case', async () => {
    expect((await api.post(OFFERS, { title: 'Premier', reference: 'UNIQ-1' })).status).toBe(201);
    const response = await api.post(OFFERS, { title: 'Second', reference: 'uniq-1' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual([['reference']]);
  });
});
