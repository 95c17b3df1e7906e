import { beforeAll, describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import {
  CLIENT_CONTACTS,
  CLIENTS,
  CONTACTS,
  errorPaths,
  OFFER_CONTACTS,
  OFFERS,
  restClient,
  type RestClient,
} from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let api: RestClient;
let sequence = 0;

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

const create = async (path: string, data: Record<string, unknown>) => {
  const response = await api.post(path, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const newContact = (lastName: string) =>
  create(CONTACTS, { lastName, email: `${lastName.toLowerCase()}${++sequence}@example.fr` });
const newClient = (name: string) => create(CLIENTS, { name, type: 'association' });
const newOffer = (title: string) => create(OFFERS, { title, reference: `OFF-${++sequence}` });
const linkToClient = (contact: string, client: string, role: string, isPrimary = false) =>
  api.post(CLIENT_CONTACTS, { contact, client, role, isPrimary });
const linkToOffer = (contact: string, offer: string, role: string, isPrimary = false) =>
  api.post(OFFER_CONTACTS, { contact, offer, role, isPrimary });

describe('roles on clients and offers are readable both ways in one request', () => {
  it('returns a contact with its clients, its offers and its roles', async () => {
    const contact = await newContact('Bernard');
    const club = await newClient('Club de randonnée');
    const offer = await newOffer('Séjour en Crète');
    expect((await linkToClient(contact, club, 'president', true)).status).toBe(201);
    expect((await linkToOffer(contact, offer, 'payeur')).status).toBe(201);

    const response = await api.get(
      `${CONTACTS}/${contact}?populate[clientLinks][populate]=client&populate[offerLinks][populate]=offer`
    );
    expect(response.status).toBe(200);
    expect(response.body.data.clientLinks).toEqual([
      expect.objectContaining({
        role: 'president',
        isPrimary: true,
        client: expect.objectContaining({ name: 'Club de randonnée' }),
      }),
    ]);
    expect(response.body.data.offerLinks).toEqual([
      expect.objectContaining({
        role: 'payeur',
        isPrimary: false,
        offer: expect.objectContaining({ title: 'Séjour en Crète' }),
      }),
    ]);
    expect(response.body.data.clientLinks[0]).not.toHaveProperty('primaryOf');
  });

  it('returns a client and an offer with their contacts and roles', async () => {
    const first = await newContact('Petit');
    const second = await newContact('Robert');
    const company = await newClient('Société Alpha');
    const offer = await newOffer('Week-end à Lisbonne');
    await linkToClient(first, company, 'responsable_voyage', true);
    await linkToClient(second, company, 'contact_facturation');
    await linkToOffer(second, offer, 'voyageur');

    const client = await api.get(`${CLIENTS}/${company}?populate[contactLinks][populate]=contact`);
    expect(client.status).toBe(200);
    const roles = client.body.data.contactLinks.map(
      (link: { role: string; contact: { lastName: string } }) => [link.contact.lastName, link.role]
    );
    expect(roles).toEqual(
      expect.arrayContaining([
        ['Petit', 'responsable_voyage'],
        ['Robert', 'contact_facturation'],
      ])
    );

    const offerResponse = await api.get(`${OFFERS}/${offer}?populate[contactLinks][populate]=contact`);
    expect(offerResponse.body.data.contactLinks).toEqual([
      expect.objectContaining({ role: 'voyageur', contact: expect.objectContaining({ lastName: 'Robert' }) }),
    ]);
  });
});

describe('each client and offer has at most one primary contact', () => {
  it('moves the primary flag when another contact is made primary on create and on update', async () => {
    const client = await newClient('Comité des fêtes');
    const first = await newContact('Lambert');
    const second = await newContact('Fontaine');
    const third = await newContact('Chevalier');
    const firstLink = (await linkToClient(first, client, 'president', true)).body.data.documentId;
    await linkToClient(second, client, 'payeur', true);
    const thirdLink = (await linkToClient(third, client, 'voyageur')).body.data.documentId;

    const primaries = async () =>
      (
        await app.strapi.db.query(UID.clientContact).findMany({
          where: { client: { documentId: client }, isPrimary: true },
          populate: { contact: true },
        })
      ).map((link: { contact: { lastName: string } }) => link.contact.lastName);

    expect(await primaries()).toEqual(['Fontaine']);
    expect((await api.put(`${CLIENT_CONTACTS}/${thirdLink}`, { isPrimary: true })).status).toBe(200);
    expect(await primaries()).toEqual(['Chevalier']);
    const firstAfter = await api.get(`${CLIENT_CONTACTS}/${firstLink}`);
    expect(firstAfter.body.data.isPrimary).toBe(false);
  });

  it('keeps the primary of one offer apart from another offer', async () => {
    const contact = await newContact('Girard');
    const other = await newContact('Bonnet');
    const offerA = await newOffer('Offre A');
    const offerB = await newOffer('Offre B');
    await linkToOffer(contact, offerA, 'responsable_voyage', true);
    await linkToOffer(other, offerB, 'responsable_voyage', true);
    const count = await app.strapi.db
      .query(UID.offerContact)
      .count({ where: { isPrimary: true, offer: { documentId: { $in: [offerA, offerB] } } } });
    expect(count).toBe(2);
  });

  it('settles concurrent "make primary" requests on one client with a single primary', async () => {
    const client = await newClient('Amicale des anciens');
    const contacts = await Promise.all(['Henry', 'Perrin', 'Morin', 'Mathieu', 'Clement'].map(newContact));
    const links = await Promise.all(
      contacts.map(
        async (contact) => (await linkToClient(contact, client, 'voyageur')).body.data.documentId as string
      )
    );
    const responses = await Promise.all(
      links.map((link) => api.put(`${CLIENT_CONTACTS}/${link}`, { isPrimary: true }))
    );
    for (const response of responses) expect([200, 400]).toContain(response.status);
    const primaries = await app.strapi.db
      .query(UID.clientContact)
      .count({ where: { client: { documentId: client }, isPrimary: true } });
    expect(primaries).toBe(1);
  });
});

describe('links are checked like any other input', () => {
  it('refuses a link without a role, to a missing contact, or to nothing', async () => {
    const client = await newClient('Mairie de Talence');
    const contact = await newContact('Vincent');
    const before = await app.strapi.db.query(UID.clientContact).count();

    const noRole = await api.post(CLIENT_CONTACTS, { contact, client });
    expect(noRole.status).toBe(400);
    expect(errorPaths(noRole.body)).toContainEqual(['role']);

    const badRole = await linkToClient(contact, client, 'chauffeur');
    expect(errorPaths(badRole.body)).toContainEqual(['role']);

    const ghost = await linkToClient('ghostcontact0000000000000', client, 'payeur');
    expect(ghost.status).toBe(400);
    expect(errorPaths(ghost.body)).toContainEqual(['contact']);

    const noClient = await api.post(CLIENT_CONTACTS, { contact, role: 'payeur' });
    expect(noClient.status).toBe(400);
    expect(errorPaths(noClient.body)).toContainEqual(['client']);

    expect(await app.strapi.db.query(UID.clientContact).count()).toBe(before);
  });

  it('refuses the same role twice for one contact on one client, but allows a second role', async () => {
    const client = await newClient('Lycée Montaigne');
    const contact = await newContact('Rousseau');
    expect((await linkToClient(contact, client, 'accompagnateur')).status).toBe(201);
    const again = await linkToClient(contact, client, 'accompagnateur');
    expect(again.status).toBe(400);
    expect(errorPaths(again.body)).toEqual([['role']]);
    expect((await linkToClient(contact, client, 'payeur')).status).toBe(201);
  });

  it('does not let a link be moved to another contact or client', async () => {
    const client = await newClient('CSE Beta');
    const contact = await newContact('Leroy');
    const other = await newContact('Gauthier');
    const link = (await linkToClient(contact, client, 'autre')).body.data.documentId;
    const response = await api.put(`${CLIENT_CONTACTS}/${link}`, { contact: other });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual([['contact']]);
  });

  it('ignores a caller-supplied primaryOf', async () => {
    const client = await newClient('Groupe Gamma');
    const contact = await newContact('Lopez');
    const response = await api.post(CLIENT_CONTACTS, { contact, client, role: 'autre', primaryOf: client });
    expect([201, 400]).toContain(response.status);
    const primaries = await app.strapi.db.query(UID.clientContact).count({ where: { primaryOf: client } });
    expect(primaries).toBe(0);
  });
});

describe('deleting a contact, client or offer leaves no dangling link', () => {
  it('removes the links of a deleted contact, client and offer', async () => {
    const contact = await newContact('Muller');
    const stays = await newContact('Faure');
    const client = await newClient('Association Delta');
    const offer = await newOffer('Circuit en Andalousie');
    await linkToClient(contact, client, 'president', true);
    await linkToClient(stays, client, 'payeur');
    await linkToOffer(contact, offer, 'voyageur');
    await linkToOffer(stays, offer, 'voyageur');

    const linksOf = (
      uid: typeof UID.clientContact | typeof UID.offerContact,
      where: Record<string, unknown>
    ) => app.strapi.db.query(uid).count({ where });

    expect((await api.delete(`${CONTACTS}/${contact}`)).status).toBe(204);
    expect(await linksOf(UID.clientContact, { contact: { documentId: contact } })).toBe(0);
    expect(await linksOf(UID.offerContact, { contact: { documentId: contact } })).toBe(0);
    expect(await linksOf(UID.clientContact, { client: { documentId: client } })).toBe(1);

    expect((await api.delete(`${CLIENTS}/${client}`)).status).toBe(204);
    expect(await linksOf(UID.clientContact, { contact: { documentId: stays } })).toBe(0);

    expect((await api.delete(`${OFFERS}/${offer}`)).status).toBe(204);
    expect(await linksOf(UID.offerContact, { contact: { documentId: stays } })).toBe(0);

    // no link row is left without both of its ends
    for (const uid of [UID.clientContact, UID.offerContact] as const) {
      const orphans = await app.strapi.db.query(uid).count({ where: { contact: { id: { $null: true } } } });
      expect(orphans).toBe(0);
    }
  });
});
