import { beforeAll, describe, expect, it } from '@jest/globals';

import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { CLIENT_CONTACTS, CLIENTS, CONTACTS, OFFERS, restClient, type RestClient } from '../helpers/http';
import { createClient, createContact, createOffer, linkToClient, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let contact: string;
let client: string;
let offer: string;

const actions = (uid: string, ...names: string[]) => names.map((name) => `${uid}.${name}`);
const tokenFor = async (permissions: string[]) =>
  restClient(app, await createApiToken(app.strapi, 'custom', permissions));

beforeAll(async () => {
  contact = await createContact(app.strapi, { firstName: 'Odile', lastName: 'Garnier', gender: 'female' });
  client = await createClient(app.strapi, { name: 'Comité des fêtes de Cenon' });
  offer = await createOffer(app.strapi, { client });
  await linkToClient(app.strapi, contact, client, 'president', true);
  await linkToOffer(app.strapi, contact, offer, 'voyageur');
});

describe('a populated relation the caller may not read comes back empty, never missing', () => {
  let contactReader: RestClient;

  beforeAll(async () => {
    contactReader = await tokenFor(actions(UID.contact, 'find', 'findOne'));
  });

  it('gives a token allowed on contacts alone clientLinks: [] and offerLinks: []', async () => {
    const response = await contactReader.get(
      `${CONTACTS}/${contact}?populate[clientLinks][populate]=client&populate[offerLinks][populate]=offer`
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ lastName: 'Garnier', clientLinks: [], offerLinks: [] });
  });

  it('does so in lists, in searches and for every spelling of populate', async () => {
    for (const query of [
      'populate=*',
      'populate=clientLinks,offerLinks',
      'populate[0]=clientLinks&populate[1]=offerLinks',
      'populate[clientLinks]=true&populate[offerLinks]=true',
      'q=garnier&populate=clientLinks,offerLinks',
    ]) {
      const response = await contactReader.get(`${CONTACTS}?${query}`);
      expect(response.status).toBe(200);
      const odile = (response.body.data as { documentId: string }[]).find(
        (entry) => entry.documentId === contact
      );
      expect(odile).toMatchObject({ clientLinks: [], offerLinks: [] });
    }
  });

  it('adds nothing that was not asked for, and never the consent log', async () => {
    const plain = await contactReader.get(`${CONTACTS}/${contact}`);
    expect(plain.body.data).not.toHaveProperty('clientLinks');
    expect(plain.body.data).not.toHaveProperty('offerLinks');
    const everything = await contactReader.get(`${CONTACTS}/${contact}?populate=*`);
    expect(everything.body.data).not.toHaveProperty('consentEvents');
  });

  it('gives a client reader contactLinks: [] and offers: []', async () => {
    const clientReader = await tokenFor(actions(UID.client, 'findOne'));
    const response = await clientReader.get(
      `${CLIENTS}/${client}?populate[contactLinks][populate]=contact&populate[offers]=true`
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ contactLinks: [], offers: [] });
  });

  it('gives an offer reader contactLinks: [] and client: null', async () => {
    const offerReader = await tokenFor(actions(UID.offer, 'findOne'));
    const response = await offerReader.get(`${OFFERS}/${offer}?populate=*`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ contactLinks: [], client: null });
  });

  it('empties only the level the caller may not read', async () => {
    const linkReader = await createUserWithActions(app.strapi, [
      ...actions(UID.contact, 'findOne'),
      ...actions(UID.clientContact, 'find'),
    ]);
    const response = await restClient(app, linkReader).get(
      `${CONTACTS}/${contact}?populate[clientLinks][populate]=client`
    );
    expect(response.status).toBe(200);
    expect(response.body.data.clientLinks).toEqual([
      expect.objectContaining({ role: 'president', isPrimary: true, client: null }),
    ]);
  });

  it('does the same in the reply of a write', async () => {
    const linkWriter = await tokenFor(actions(UID.clientContact, 'update'));
    const [link] = await app.strapi.documents(UID.clientContact).findMany({
      filters: { contact: { documentId: contact } },
    });
    const response = await linkWriter.put(`${CLIENT_CONTACTS}/${link.documentId}?populate=*`, {
      role: 'president',
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ role: 'president', contact: null, client: null });
  });

  it('still gives a caller who may read them the links and their ends', async () => {
    const full = restClient(app, await createApiToken(app.strapi, 'full-access'));
    const response = await full.get(
      `${CONTACTS}/${contact}?populate[clientLinks][populate]=client&populate[offerLinks][populate]=offer`
    );
    expect(response.body.data.clientLinks).toEqual([
      expect.objectContaining({
        role: 'president',
        client: expect.objectContaining({ name: 'Comité des fêtes de Cenon' }),
      }),
    ]);
    expect(response.body.data.offerLinks).toEqual([
      expect.objectContaining({ role: 'voyageur', offer: expect.objectContaining({ documentId: offer }) }),
    ]);
  });
});
