import { beforeAll, describe, expect, it } from '@jest/globals';

import { waitForIdleDatabase } from '../../scripts/lib/idle-database';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type { ClientDetail, ContactDetail } from '../../src/plugins/caladeo-contacts/shared/contracts/admin';
import { getService } from '../../src/plugins/caladeo-contacts/server/src/utils/get-service';
import { adminClient, superAdminToken, type AdminClient } from '../helpers/admin';
import { errorCodes } from '../helpers/http';
import { jobRunner } from '../helpers/newsletter';
import { rawInput } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let admin: AdminClient;
let sequence = 0;

beforeAll(async () => {
  admin = adminClient(app, await superAdminToken(app));
});

const createContact = async (lastName: string, firstName?: string) => {
  const response = await admin.post('/contacts', { lastName, firstName });
  expect(response.status).toBe(201);
  return (response.body.data as ContactDetail).documentId;
};
const createClient = async (name: string) => {
  const response = await admin.post('/clients', { name, type: 'association' });
  expect(response.status).toBe(201);
  return (response.body.data as ClientDetail).documentId;
};
const createOffer = async (title: string) =>
  (
    await app.strapi
      .documents(UID.offer)
      .create({ data: rawInput(UID.offer, { title, reference: `LNK-${++sequence}` }) })
  ).documentId as string;

const attachClient = (contact: string, body: Record<string, unknown>) =>
  admin.post(`/contacts/${contact}/client-links`, body);
const contactDetail = async (contact: string) =>
  (await admin.get(`/contacts/${contact}`)).body.data as ContactDetail;
const clientPrimaries = async (client: string) =>
  ((await admin.get(`/clients/${client}`)).body.data as ClientDetail).contactLinks
    .filter((link) => link.isPrimary)
    .map((link) => [link.contact?.lastName, link.role]);

describe('a contact’s page knows who is primary on each of its clients and offers', () => {
  it('names the primary contact of each target: this contact, another one, or none', async () => {
    const anne = await createContact('Martin', 'Anne');
    const paul = await createContact('Durand', 'Paul');
    const led = await createClient('Chorale de Vannes');
    const other = await createClient('Club de voile');
    const none = await createClient('Amicale laïque');
    const offer = await createOffer('Séjour à Séville');
    expect((await attachClient(anne, { client: led, role: 'president', isPrimary: true })).status).toBe(201);
    expect((await attachClient(anne, { client: led, role: 'payeur' })).status).toBe(201);
    expect((await attachClient(paul, { client: other, role: 'payeur', isPrimary: true })).status).toBe(201);
    expect((await attachClient(anne, { client: other, role: 'voyageur' })).status).toBe(201);
    expect((await attachClient(anne, { client: none, role: 'autre' })).status).toBe(201);
    const offered = await admin.post(`/contacts/${paul}/offer-links`, {
      offer,
      role: 'payeur',
      isPrimary: true,
    });
    expect(offered.status).toBe(201);
    expect((await admin.post(`/contacts/${anne}/offer-links`, { offer, role: 'voyageur' })).status).toBe(201);

    const detail = await contactDetail(anne);
    const primaryByClient = Object.fromEntries(
      detail.clientLinks.map((link) => [
        `${link.client?.name} ${link.role}`,
        link.primaryContact && [link.primaryContact.firstName, link.primaryContact.lastName].join(' '),
      ])
    );
    expect(primaryByClient).toEqual({
      'Chorale de Vannes president': 'Anne Martin',
      'Chorale de Vannes payeur': 'Anne Martin',
      'Club de voile voyageur': 'Paul Durand',
      'Amicale laïque autre': null,
    });
    expect(detail.offerLinks).toEqual([
      expect.objectContaining({
        role: 'voyageur',
        offer: expect.objectContaining({ title: 'Séjour à Séville' }),
        primaryContact: { documentId: paul, firstName: 'Paul', lastName: 'Durand', email: null },
      }),
    ]);
    // the target keeps its summary shape: its own links are not sent
    expect(detail.clientLinks[0]?.client).not.toHaveProperty('contactLinks');
    expect(detail.offerLinks[0]?.offer).not.toHaveProperty('contactLinks');
    expect(JSON.stringify(detail)).not.toMatch(/primaryOf|"id"/);
  });

  it('reads the page with as many statements for six targets as for one', async () => {
    const contactWith = async (targets: number) => {
      const contact = await createContact(`Compté ${targets}`);
      for (let index = 0; index < targets; index++) {
        const primary = await createContact(`Principal ${targets}-${index}`);
        const client = await createClient(`Client ${targets}-${index}`);
        const offer = await createOffer(`Offre ${targets}-${index}`);
        await attachClient(primary, { client, role: 'president', isPrimary: true });
        await attachClient(contact, { client, role: 'payeur' });
        await admin.post(`/contacts/${primary}/offer-links`, { offer, role: 'payeur', isPrimary: true });
        await admin.post(`/contacts/${contact}/offer-links`, { offer, role: 'voyageur' });
      }
      return contact;
    };
    const small = await contactWith(1);
    const large = await contactWith(6);
    await waitForIdleDatabase(app.strapi);
    await jobRunner(app).stop();
    const statementsOf = async (contact: string) => {
      const statements: string[] = [];
      const record = (query: { sql: string }) => statements.push(query.sql);
      app.strapi.db.connection.on('query', record);
      try {
        const detail = await getService(app.strapi, 'admin-records').contactDetail(contact);
        expect(
          detail.clientLinks.every((link) => link.primaryContact?.lastName?.startsWith('Principal'))
        ).toBe(true);
      } finally {
        app.strapi.db.connection.removeListener('query', record);
      }
      return statements;
    };
    try {
      await statementsOf(small);
      const smallStatements = await statementsOf(small);
      const largeStatements = await statementsOf(large);
      expect(largeStatements.length).toBe(smallStatements.length);
    } finally {
      jobRunner(app).start();
    }
  });
});

describe('undoing a detach', () => {
  it('gives the role and the primary back when nobody took the primary meanwhile', async () => {
    const client = await createClient('Comité d’entreprise Bréguet');
    const lucie = await createContact('Lucie');
    const attached = await attachClient(lucie, { client, role: 'responsable_voyage', isPrimary: true });
    const link = (attached.body.data as ContactDetail).clientLinks[0];
    expect((await admin.delete(`/client-links/${link?.documentId}`)).status).toBe(200);
    expect(await clientPrimaries(client)).toEqual([]);

    const undone = await attachClient(lucie, {
      client,
      role: 'responsable_voyage',
      isPrimary: true,
      primaryIfFree: true,
    });
    expect(undone.status).toBe(201);
    expect(await clientPrimaries(client)).toEqual([['Lucie', 'responsable_voyage']]);
  });

  it('refuses to take the primary back from a contact made primary meanwhile, and writes nothing', async () => {
    const client = await createClient('Association des parents d’élèves');
    const first = await createContact('Premier');
    const second = await createContact('Suivant');
    const attached = await attachClient(first, { client, role: 'payeur', isPrimary: true });
    const link = (attached.body.data as ContactDetail).clientLinks[0];
    await attachClient(second, { client, role: 'president' });
    await admin.delete(`/client-links/${link?.documentId}`);
    const secondLink = (await contactDetail(second)).clientLinks[0];
    expect((await admin.put(`/client-links/${secondLink?.documentId}`, { isPrimary: true })).status).toBe(
      200
    );

    const refused = await attachClient(first, {
      client,
      role: 'payeur',
      isPrimary: true,
      primaryIfFree: true,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.name).toBe('ConflictError');
    expect(refused.body.error.details.errors).toMatchObject([
      { path: ['isPrimary'], code: 'link.primaryTaken', values: { target: 'client' } },
    ]);
    expect((await contactDetail(first)).clientLinks).toEqual([]);
    expect(await clientPrimaries(client)).toEqual([['Suivant', 'president']]);

    // without the primary the role comes back
    const restored = await attachClient(first, { client, role: 'payeur', isPrimary: false });
    expect(restored.status).toBe(201);
    expect(await clientPrimaries(client)).toEqual([['Suivant', 'president']]);
  });

  it('refuses the same on an offer', async () => {
    const offer = await createOffer('Croisière sur le Douro');
    const first = await createContact('Ancien');
    const second = await createContact('Nouveau');
    await admin.post(`/contacts/${second}/offer-links`, { offer, role: 'payeur', isPrimary: true });
    const refused = await admin.post(`/contacts/${first}/offer-links`, {
      offer,
      role: 'voyageur',
      isPrimary: true,
      primaryIfFree: true,
    });
    expect(refused.status).toBe(409);
    expect(errorCodes(refused.body)).toEqual(['isPrimary: link.primaryTaken']);
    expect((await contactDetail(first)).offerLinks).toEqual([]);
  });

  it('without primaryIfFree, a new primary still takes the place of the old one', async () => {
    const client = await createClient('Mairie de Quimper');
    const first = await createContact('Sortant');
    const second = await createContact('Entrant');
    await attachClient(first, { client, role: 'payeur', isPrimary: true });
    expect((await attachClient(second, { client, role: 'president', isPrimary: true })).status).toBe(201);
    expect(await clientPrimaries(client)).toEqual([['Entrant', 'president']]);
  });

  it('refuses a primaryIfFree that is not true or false, naming it', async () => {
    const client = await createClient('Lycée Brizeux');
    const contact = await createContact('Hésitant');
    const response = await attachClient(contact, {
      client,
      role: 'payeur',
      isPrimary: true,
      primaryIfFree: 'yes',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toMatchObject([{ path: ['primaryIfFree'] }]);
    expect((await contactDetail(contact)).clientLinks).toEqual([]);
  });
});
