import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';

import { DOCUMENT_CONTENT_API_ACTIONS, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { CONTACTS, OFFER_CONTACTS, OFFERS, errorPaths, restClient, type RestClient } from '../helpers/http';
import {
  createClient,
  createContact,
  createOffer,
  createOfferWithTravellers,
  linkToClient,
  linkToOffer,
} from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';
import { pdfPageCount, pdfText as readPdfText } from '../helpers/poppler';

const app = useStrapi();
const contextPath = (offer: string) => `/api/caladeo-contacts/documents/offers/${offer}`;
const quotePath = (offer: string) => `${contextPath(offer)}/quote.pdf`;

let readOnly: RestClient;
let fixture: Awaited<ReturnType<typeof createOfferWithTravellers>>;

beforeAll(async () => {
  readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
  fixture = await createOfferWithTravellers(app.strapi, 3);
});

const pdfText = (pdf: Buffer) => readPdfText(pdf, { layout: true });

describe('offer document context over REST', () => {
  it('gives a read-only token everything a French quote needs in one call', async () => {
    const response = await readOnly.get(contextPath(fixture.offer));
    expect(response.status).toBe(200);
    const context = response.body.data;
    expect(context).toMatchObject({
      version: 1,
      language: 'fr',
      offer: { documentId: fixture.offer, destination: 'Lisbonne', travellerCount: 3, nights: 7 },
      pricing: { currency: 'EUR', perPerson: 1250.5, travellerCount: 3, total: 3751.5 },
      client: {
        name: 'Association Les Amis du Patrimoine',
        type: 'association',
        addressBlock: ['Association Les Amis du Patrimoine', '4 PLACE DE LA BOURSE', '33000 BORDEAUX'],
      },
      addressee: {
        documentId: fixture.primary,
        fullName: 'Claire Dupont',
        salutation: 'Madame',
        letterOpening: 'Chère Madame,',
        addressBlock: ['Madame Claire Dupont', '12 RUE SAINTE CATHERINE', '33000 BORDEAUX'],
        roles: ['responsable_voyage'],
        source: 'offer',
      },
      payer: { documentId: fixture.payer, fullName: 'Jean Martin', salutation: 'Monsieur' },
      agency: { name: 'Caladeo Voyages', country: 'FR' },
      letter: {
        recipientLines: [
          'Association Les Amis du Patrimoine',
          'À l’attention de Madame Claire Dupont',
          '4 PLACE DE LA BOURSE',
          '33000 BORDEAUX',
        ],
        opening: 'Chère Madame,',
      },
    });
    expect(context.travellers.map((traveller: { fullName: string }) => traveller.fullName)).toEqual([
      'Voyageur0 Nom000',
      'Voyageur1 Nom001',
      'Voyageur2 Nom002',
    ]);
    expect(context.otherContacts.map((contact: { documentId: string }) => contact.documentId).sort()).toEqual(
      [fixture.primary, fixture.payer].sort()
    );
    expect(JSON.stringify(context)).not.toMatch(/searchText|primaryOf/);
  });

  it('falls back to the client’s primary contact, and says so', async () => {
    const client = await createClient(app.strapi, { name: 'Société Alpha' });
    const manager = await createContact(app.strapi, {
      firstName: 'Paul',
      lastName: 'Bernard',
      gender: 'male',
    });
    await linkToClient(app.strapi, manager, client, 'responsable_voyage', true);
    const offer = await createOffer(app.strapi, { client });
    const traveller = await createContact(app.strapi, { lastName: 'Roux' });
    await linkToOffer(app.strapi, traveller, offer, 'voyageur');

    const { body } = await readOnly.get(contextPath(offer));
    expect(body.data.addressee).toMatchObject({ documentId: manager, source: 'client', roles: [] });
    expect(body.data.letter.opening).toBe('Cher Monsieur,');
    expect(body.data.payer).toBeNull();
    // the client has no postal address and neither has Paul: the window shows the names only
    expect(body.data.letter.recipientLines).toEqual(['Société Alpha', 'Monsieur Paul Bernard']);
  });

  it('writes to "Madame, Monsieur" when nobody is primary, and has no payer when nobody pays', async () => {
    const offer = await createOffer(app.strapi);
    const response = await readOnly.get(contextPath(offer));
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      client: null,
      addressee: null,
      payer: null,
      travellers: [],
      otherContacts: [],
      language: 'fr',
      letter: {
        recipientLines: [],
        opening: 'Madame, Monsieur,',
        closing: 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
      },
    });
  });

  it('writes in English to an addressee who prefers English or another language', async () => {
    const offer = await createOffer(app.strapi);
    const addressee = await createContact(app.strapi, {
      firstName: 'Erika',
      lastName: 'Mustermann',
      gender: 'female',
      preferredLanguage: 'de',
      addressLine1: 'Kurfürstendamm 12',
      postalCode: '10719',
      city: 'Berlin',
      country: 'DE',
    });
    await linkToOffer(app.strapi, addressee, offer, 'president', true);
    const { body } = await readOnly.get(contextPath(offer));
    expect(body.data.language).toBe('en');
    expect(body.data.addressee).toMatchObject({
      salutation: 'Ms',
      letterOpening: 'Dear Ms Mustermann,',
      addressBlock: ['Ms Erika Mustermann', 'Kurfürstendamm 12', '10719 Berlin', 'ALLEMAGNE'],
    });
    expect(body.data.letter.closing).toBe('Yours sincerely,');
  });

  it('answers 404 in Strapi’s envelope for an unknown offer and 400 for a malformed id or parameter', async () => {
    const unknown = await readOnly.get(contextPath('abcdefghijklmnopqrstuvwx'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });

    const malformed = await readOnly.get(contextPath('not%20an%20id!'));
    expect(malformed.status).toBe(400);
    expect(errorPaths(malformed.body)).toEqual([['documentId']]);

    const withQuery = await readOnly.get(`${contextPath(fixture.offer)}?populate=*`);
    expect(withQuery.status).toBe(400);
    expect(errorPaths(withQuery.body)).toEqual([['populate']]);

    const quoteOfUnknown = await readOnly.get(quotePath('abcdefghijklmnopqrstuvwx'));
    expect(quoteOfUnknown.status).toBe(404);
  });
});

describe('PDF quote', () => {
  it('is a one-page PDF addressed to the primary contact, naming the offer reference', async () => {
    const response = await readOnly
      .get(quotePath(fixture.offer))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="devis-OFF-\d+\.pdf"$/);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);

    const { body } = await readOnly.get(contextPath(fixture.offer));
    const text = pdfText(pdf);
    expect(text).toContain('Madame Claire Dupont');
    expect(text).toContain(body.data.offer.reference);
    expect(text).toContain('Chère Madame,');
    expect(text).toContain('Voyageur2 Nom002');
    expect(text).toContain('33000 BORDEAUX');
    expect(text).toMatch(/Total \(3 voyageurs\)\s+3\s751,50\s€/u);
  });
});

describe('who may read documents', () => {
  it.each([contextPath, quotePath])('refuses anonymous callers (%#) and bad tokens', async (route) => {
    const anonymous = await restClient(app).get(route(fixture.offer));
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
    expect((await restClient(app, 'not-a-real-token').get(route(fixture.offer))).status).toBe(401);
  });

  it('gives each route its own action, for roles and custom tokens alike', async () => {
    const contextOnlyUser = restClient(
      app,
      await createUserWithActions(app.strapi, [DOCUMENT_CONTENT_API_ACTIONS.offerContext])
    );
    expect((await contextOnlyUser.get(contextPath(fixture.offer))).status).toBe(200);
    expect((await contextOnlyUser.get(quotePath(fixture.offer))).status).toBe(403);

    const quoteOnlyToken = restClient(
      app,
      await createApiToken(app.strapi, 'custom', [DOCUMENT_CONTENT_API_ACTIONS.offerQuote])
    );
    expect((await quoteOnlyToken.get(quotePath(fixture.offer))).status).toBe(200);
    expect((await quoteOnlyToken.get(contextPath(fixture.offer))).status).toBe(403);

    const contactReader = restClient(
      app,
      await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.find'])
    );
    expect((await contactReader.get(contextPath(fixture.offer))).status).toBe(403);
    expect((await contactReader.get(quotePath(fixture.offer))).status).toBe(403);
  });

  it('lets a full-access token read both', async () => {
    const full = restClient(app, await createApiToken(app.strapi, 'full-access'));
    expect((await full.get(contextPath(fixture.offer))).status).toBe(200);
    expect((await full.get(quotePath(fixture.offer))).status).toBe(200);
  });
});

describe('derived contact fields in REST output', () => {
  it('adds fullName, salutation, letterOpening and addressBlock to contacts, never stored', async () => {
    const { body } = await readOnly.get(`${CONTACTS}/${fixture.primary}`);
    expect(body.data).toMatchObject({
      fullName: 'Claire Dupont',
      salutation: 'Madame',
      letterOpening: 'Chère Madame,',
      addressBlock: ['Madame Claire Dupont', '12 RUE SAINTE CATHERINE', '33000 BORDEAUX'],
    });
    const stored = await app.strapi.db.query(UID.contact).findOne({ where: { documentId: fixture.primary } });
    expect(stored).not.toHaveProperty('fullName');

    const list = await readOnly.get(`${CONTACTS}?filters[lastName][$eq]=Martin`);
    expect(list.body.data[0]).toMatchObject({ fullName: 'Jean Martin', salutation: 'Monsieur' });
  });

  it('adds them to contacts populated through links and offers', async () => {
    const links = await readOnly.get(
      `${OFFER_CONTACTS}?filters[contact][documentId][$eq]=${fixture.primary}&populate=contact`
    );
    expect(links.body.data[0].contact).toMatchObject({ fullName: 'Claire Dupont', salutation: 'Madame' });

    const offer = await readOnly.get(`${OFFERS}/${fixture.offer}?populate[contactLinks][populate]=contact`);
    const contacts = offer.body.data.contactLinks.map(
      (link: { contact: { fullName: string } }) => link.contact
    );
    expect(contacts.map((contact: { fullName: string }) => contact.fullName)).toContain('Claire Dupont');
  });

  it('adds them to the contact a create or an update returns, as a read of it would', async () => {
    const writer = restClient(app, await createApiToken(app.strapi, 'full-access'));
    const created = await writer.post(CONTACTS, {
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      gender: 'female',
      addressLine1: '3 allées de Tourny',
      postalCode: '33000',
      city: 'Bordeaux',
      country: 'FR',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      fullName: 'Hélène Lefèvre',
      salutation: 'Madame',
      letterOpening: 'Chère Madame,',
      addressBlock: ['Madame Hélène Lefèvre', '3 ALLEES DE TOURNY', '33000 BORDEAUX'],
    });

    const { documentId } = created.body.data;
    const updated = await writer.put(`${CONTACTS}/${documentId}`, { gender: 'unspecified', city: 'Talence' });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      salutation: 'Madame, Monsieur',
      addressBlock: ['Hélène Lefèvre', '3 ALLEES DE TOURNY', '33000 TALENCE'],
    });
    const read = await readOnly.get(`${CONTACTS}/${documentId}`);
    expect(updated.body.data).toEqual(read.body.data);
  });

  it('adds them to contacts populated in the reply of a write to a link or an offer', async () => {
    const writer = restClient(app, await createApiToken(app.strapi, 'full-access'));
    const offer = await createOffer(app.strapi);
    const link = await writer.post(`${OFFER_CONTACTS}?populate=contact`, {
      contact: fixture.primary,
      offer,
      role: 'voyageur',
    });
    expect(link.status).toBe(201);
    expect(link.body.data.contact).toMatchObject({ fullName: 'Claire Dupont', salutation: 'Madame' });

    const relinked = await writer.put(`${OFFER_CONTACTS}/${link.body.data.documentId}?populate=contact`, {
      role: 'payeur',
    });
    expect(relinked.body.data.contact).toMatchObject({ letterOpening: 'Chère Madame,' });

    const renamed = await writer.put(`${OFFERS}/${offer}?populate[contactLinks][populate]=contact`, {
      title: 'Séjour à Porto',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.contactLinks[0].contact).toMatchObject({ fullName: 'Claire Dupont' });
  });

  it('keeps find and findOne separate permissions on the routes that add them', async () => {
    const listOnly = restClient(app, await createUserWithActions(app.strapi, ['api::offer.offer.find']));
    expect((await listOnly.get(OFFERS)).status).toBe(200);
    expect((await listOnly.get(`${OFFERS}/${fixture.offer}`)).status).toBe(403);
  });

  it('derives only what the selected fields allow', async () => {
    const { body } = await readOnly.get(
      `${CONTACTS}/${fixture.primary}?fields[0]=firstName&fields[1]=lastName`
    );
    expect(body.data.fullName).toBe('Claire Dupont');
    expect(body.data).not.toHaveProperty('salutation');
    expect(body.data).not.toHaveProperty('addressBlock');
  });
});

describe('admin download of the quote', () => {
  const adminLogin = async (email: string, password: string) => {
    const response = await request(app.baseUrl).post('/admin/login').send({ email, password });
    expect(response.status).toBe(200);
    return response.body.data.token as string;
  };

  const createAdmin = async (roleCode: 'strapi-super-admin' | 'strapi-author') => {
    const role = await app.strapi.service('admin::role').getSuperAdmin();
    const roles =
      roleCode === 'strapi-super-admin'
        ? [role.id]
        : [(await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } })).id];
    const email = `${roleCode}-${process.pid}@example.test`;
    const password = 'Admin-passw0rd';
    await app.strapi.service('admin::user').create({
      email,
      firstname: 'Test',
      lastname: roleCode,
      password,
      isActive: true,
      registrationToken: null,
      roles,
    });
    return adminLogin(email, password);
  };

  it('lets an admin with "Generate quotes" download it, and refuses others', async () => {
    const adminPath = `/caladeo-contacts/documents/offers/${fixture.offer}/quote.pdf`;
    expect((await request(app.baseUrl).get(adminPath)).status).toBe(401);

    const author = await createAdmin('strapi-author');
    const refused = await request(app.baseUrl).get(adminPath).set('Authorization', `Bearer ${author}`);
    expect(refused.status).toBe(403);

    const superAdmin = await createAdmin('strapi-super-admin');
    const allowed = await request(app.baseUrl).get(adminPath).set('Authorization', `Bearer ${superAdmin}`);
    expect(allowed.status).toBe(200);
    expect(allowed.headers['content-type']).toBe('application/pdf');
  });

  it('checks a registered action on every admin route of the plugin', () => {
    const routers = app.strapi.plugin('caladeo-contacts').routes as unknown as Record<
      string,
      { routes: { path: string; config?: { policies?: unknown[] } }[] }
    >;
    const { routes } = routers.admin;
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const permissionPolicy = (route.config?.policies ?? []).find(
        (policy): policy is { name: string; config: { actions: string[] } } =>
          typeof policy === 'object' &&
          policy !== null &&
          (policy as { name?: string }).name === 'admin::hasPermissions'
      );
      expect(permissionPolicy?.config.actions).toHaveLength(1);
      for (const action of permissionPolicy?.config.actions ?? []) {
        expect(app.strapi.service('admin::permission').actionProvider.get(action)).toBeDefined();
      }
    }
  });
});
