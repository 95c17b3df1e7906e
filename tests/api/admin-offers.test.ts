import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type {
  ListResponse,
  OfferDetail,
  OfferListItem,
} from '../../src/plugins/caladeo-contacts/shared/contracts/admin';
import { adminClient, adminTokenWithActions, superAdminToken, type AdminClient } from '../helpers/admin';
import { errorCodes } from '../helpers/http';
import { createClient, createContact, createOffer, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let admin: AdminClient;
let superToken: string;

// one agency's offers: a client whose name carries an accent, dated and undated trips
let lyceeClient: string;
let seville: string;
let lisbonne: string;
let rome: string;
let undated: string;
let traveller: string;
let payer: string;

beforeAll(async () => {
  superToken = await superAdminToken(app);
  admin = adminClient(app, superToken);
  const { strapi } = app;
  lyceeClient = await createClient(strapi, { name: 'Lycée Hélène Boucher' });
  const otherClient = await createClient(strapi, { name: 'Comité des fêtes' });
  seville = await createOffer(strapi, {
    title: 'Voyage scolaire à Séville',
    reference: 'OFF-2027-001',
    offerStatus: 'sent',
    startDate: '2027-04-10',
    endDate: '2027-04-17',
    pricePerPerson: 640,
    client: lyceeClient,
  });
  lisbonne = await createOffer(strapi, {
    title: 'Week-end à Lisbonne',
    reference: 'OFF-2027-002',
    offerStatus: 'accepted',
    startDate: '2027-06-01',
    client: otherClient,
  });
  rome = await createOffer(strapi, {
    title: 'Rome antique',
    reference: 'OFF-2026-050',
    offerStatus: 'accepted',
    startDate: '2026-10-05',
    client: lyceeClient,
  });
  undated = await createOffer(strapi, { title: 'Projet sans date', reference: 'OFF-2027-900' });
  traveller = await createContact(strapi, { firstName: 'Inès', lastName: 'Martin' });
  payer = await createContact(strapi, { firstName: 'Paul', lastName: 'Durand' });
  await linkToOffer(strapi, traveller, seville, 'voyageur');
  await linkToOffer(strapi, payer, seville, 'payeur', true);
});

const list = async (query: string) => {
  const response = await admin.get(`/offer-list${query}`);
  expect(response.status).toBe(200);
  return response.body as ListResponse<OfferListItem>;
};
const references = (page: ListResponse<OfferListItem>) => page.results.map((offer) => offer.reference);

describe('the offer list', () => {
  it('lists offers by start date, latest trips first, undated offers last', async () => {
    const page = await list('');
    expect(references(page)).toEqual(['OFF-2027-002', 'OFF-2027-001', 'OFF-2026-050', 'OFF-2027-900']);
    expect(page.pagination).toMatchObject({ total: 4, totalIsExact: true, nextCursor: null });
    const first = page.results[1];
    expect(first).toMatchObject({
      documentId: seville,
      title: 'Voyage scolaire à Séville',
      offerStatus: 'sent',
      startDate: '2027-04-10',
      endDate: '2027-04-17',
      client: { documentId: lyceeClient, name: 'Lycée Hélène Boucher' },
    });
    expect(first).not.toHaveProperty('id');
    expect(first?.client).not.toHaveProperty('id');
  });

  it('orders by soonest trip or by reference', async () => {
    expect(references(await list('?order=startDateAsc'))).toEqual([
      'OFF-2026-050',
      'OFF-2027-001',
      'OFF-2027-002',
      'OFF-2027-900',
    ]);
    expect(references(await list('?order=reference'))).toEqual([
      'OFF-2026-050',
      'OFF-2027-001',
      'OFF-2027-002',
      'OFF-2027-900',
    ]);
  });

  it('searches titles, references and client names, the client without its accents', async () => {
    expect(references(await list('?q=lisbonne'))).toEqual(['OFF-2027-002']);
    expect(references(await list('?q=2026-05'))).toEqual(['OFF-2026-050']);
    // "lycee helene" finds the client "Lycée Hélène Boucher", hence both of its offers
    expect(references(await list(`?q=${encodeURIComponent('lycee helene')}`))).toEqual([
      'OFF-2027-001',
      'OFF-2026-050',
    ]);
    // a LIKE wildcard is a character like any other
    expect((await list('?q=%25')).results).toEqual([]);
  });

  it('filters by status and by start-date range', async () => {
    expect(references(await list('?status=accepted'))).toEqual(['OFF-2027-002', 'OFF-2026-050']);
    expect(references(await list('?startFrom=2027-01-01&startTo=2027-04-30'))).toEqual(['OFF-2027-001']);
    expect(references(await list('?startFrom=2027-01-01'))).toEqual(['OFF-2027-002', 'OFF-2027-001']);
    expect(references(await list('?status=accepted&startTo=2026-12-31'))).toEqual(['OFF-2026-050']);
  });

  it('pages through the list with the cursor it gives', async () => {
    const first = await list('?pageSize=3');
    expect(references(first)).toEqual(['OFF-2027-002', 'OFF-2027-001', 'OFF-2026-050']);
    expect(first.pagination).toMatchObject({ pageSize: 3, total: 4 });
    expect(first.pagination.nextCursor).toEqual(expect.any(String));
    const second = await list(`?pageSize=3&cursor=${first.pagination.nextCursor}`);
    expect(references(second)).toEqual(['OFF-2027-900']);
    expect(second.pagination.nextCursor).toBeNull();
  });

  it.each([
    ['?status=signed', 'status: choice.invalid'],
    ['?startFrom=2027-02-30', 'startFrom: date.invalid'],
    ['?startTo=demain', 'startTo: date.invalid'],
    ['?startFrom=2027-05-01&startTo=2027-04-01', 'startTo: date.beforeStart'],
    ['?order=price', 'order: choice.invalid'],
    ['?cursor=-25', 'cursor: search.cursorInvalid'],
    ['?cursor=page2', 'cursor: search.cursorInvalid'],
    ['?pageSize=0', 'pageSize: number.outOfRange'],
    ['?pageSize=1000', 'pageSize: number.outOfRange'],
    ['?status=sent&status=draft', 'status: invalid_type'],
    ['?client=abc', 'client: field.notAllowed'],
  ])('refuses %s with a 400 naming the parameter', async (query, expected) => {
    const response = await admin.get(`/offer-list${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(errorCodes(response.body)[0]?.split(':')[0]).toBe(expected.split(':')[0]);
    if (!expected.endsWith('invalid_type')) expect(errorCodes(response.body)).toContain(expected);
  });
});

describe("an offer's page", () => {
  it('shows the offer, its client and its people with their roles', async () => {
    const response = await admin.get(`/offers/${seville}`);
    expect(response.status).toBe(200);
    const offer = response.body.data as OfferDetail;
    expect(offer).toMatchObject({
      reference: 'OFF-2027-001',
      destination: null,
      pricePerPerson: 640,
      client: { documentId: lyceeClient, name: 'Lycée Hélène Boucher' },
    });
    const people = offer.contactLinks.map((link) => [link.contact?.lastName, link.role, link.isPrimary]);
    expect(people.sort()).toEqual([
      ['Durand', 'payeur', true],
      ['Martin', 'voyageur', false],
    ]);
    expect(JSON.stringify(offer)).not.toMatch(/"id":/);
  });

  it('answers 404 for an offer that does not exist', async () => {
    const response = await admin.get('/offers/nosuchoffer');
    expect(response.status).toBe(404);
    expect(response.body.error.name).toBe('NotFoundError');
  });
});

describe('people attached from the offer side', () => {
  it('gives a contact a role on the offer and answers the offer page', async () => {
    const newcomer = await createContact(app.strapi, { firstName: 'Zoé', lastName: 'Lefèvre' });
    const response = await admin.post(`/offers/${rome}/contact-links`, {
      contact: newcomer,
      role: 'voyageur',
      isPrimary: true,
    });
    expect(response.status).toBe(201);
    const offer = response.body.data as OfferDetail;
    expect(offer.contactLinks).toEqual([
      expect.objectContaining({
        role: 'voyageur',
        isPrimary: true,
        contact: expect.objectContaining({ documentId: newcomer, lastName: 'Lefèvre' }),
      }),
    ]);
    // the contact's page sees the same role
    const contact = await admin.get(`/contacts/${newcomer}`);
    expect(contact.body.data.offerLinks).toEqual([
      expect.objectContaining({ role: 'voyageur', offer: expect.objectContaining({ documentId: rome }) }),
    ]);
  });

  it('refuses the same role twice, a missing contact and unknown keys, writing nothing', async () => {
    const before = await app.strapi.db.query(UID.offerContact).count();
    const twice = await admin.post(`/offers/${seville}/contact-links`, {
      contact: traveller,
      role: 'voyageur',
    });
    expect(twice.status).toBe(400);
    const missing = await admin.post(`/offers/${seville}/contact-links`, { role: 'voyageur' });
    expect(missing.status).toBe(400);
    expect(errorCodes(missing.body)).toContain('contact: required');
    const badRole = await admin.post(`/offers/${seville}/contact-links`, { contact: payer, role: 'pilote' });
    expect(badRole.status).toBe(400);
    expect(errorCodes(badRole.body)[0]).toMatch(/^role: /);
    const sneaky = await admin.post(`/offers/${seville}/contact-links`, {
      contact: payer,
      role: 'voyageur',
      offer: lisbonne,
    });
    expect(sneaky.status).toBe(400);
    expect(errorCodes(sneaky.body)[0]).toMatch(/^offer: /);
    expect(await app.strapi.db.query(UID.offerContact).count()).toBe(before);
  });

  it('answers 404 on an offer that does not exist', async () => {
    const response = await admin.post('/offers/nosuchoffer/contact-links', {
      contact: payer,
      role: 'payeur',
    });
    expect(response.status).toBe(404);
  });
});

describe('who sees offers', () => {
  it('lets a role holding offers.read read the list and pages, not attach', async () => {
    const reader = adminClient(app, await adminTokenWithActions(app, [ACTION['offers.read']]));
    expect((await reader.get('/offer-list')).status).toBe(200);
    expect((await reader.get(`/offers/${undated}`)).status).toBe(200);
    const attach = await reader.post(`/offers/${undated}/contact-links`, { contact: payer, role: 'payeur' });
    expect(attach.status).toBe(403);
  });

  it('refuses the list and pages to a role reading contacts and clients only', async () => {
    const other = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['clients.read']])
    );
    expect((await other.get('/offer-list')).status).toBe(403);
    expect((await other.get(`/offers/${seville}`)).status).toBe(403);
  });
});

describe("the content manager's offer view", () => {
  const configuration = async () => {
    const response = await request(app.baseUrl)
      .get('/content-manager/content-types/api::offer.offer/configuration')
      .set('Authorization', `Bearer ${superToken}`);
    expect(response.status).toBe(200);
    return response.body.data.contentType as {
      metadatas: Record<string, { edit: { label: string; visible?: boolean }; list: { label: string } }>;
      layouts: { list: string[]; edit: Array<Array<{ name: string }>> };
    };
  };

  it('labels the fields in French and leaves the contact links to the Contacts tab', async () => {
    const view = await configuration();
    const editLabels = Object.fromEntries(
      ['title', 'reference', 'offerStatus', 'startDate', 'pricePerPerson', 'client'].map((name) => [
        name,
        view.metadatas[name]?.edit.label,
      ])
    );
    expect(editLabels).toEqual({
      title: 'Titre',
      reference: 'Référence',
      offerStatus: 'Statut',
      startDate: 'Date de départ',
      pricePerPerson: 'Prix par personne',
      client: 'Client',
    });
    expect(view.metadatas.offerStatus?.list.label).toBe('Statut');
    expect(view.layouts.list).not.toContain('contactLinks');
    expect(view.layouts.edit.flat().map((field) => field.name)).not.toContain('contactLinks');
    expect(view.layouts.edit.flat().map((field) => field.name)).toContain('pricePerPerson');
  });

  it("keeps an admin's own labels on the next start", async () => {
    const { configureOfferContentManagerView } = await import('../../src/offer-content-manager');
    const contentTypes = app.strapi.plugin('content-manager').service('content-types');
    const contentType = contentTypes.findContentType(UID.offer);
    const current = await contentTypes.findConfiguration(contentType);
    const { uid: _uid, ...rest } = current;
    rest.metadatas.title.edit.label = 'Intitulé du voyage';
    await contentTypes.updateConfiguration(contentType, rest);
    await configureOfferContentManagerView(app.strapi);
    expect((await configuration()).metadatas.title?.edit.label).toBe('Intitulé du voyage');
  });
});
