import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  ACCESS_CONTENT_API_ACTIONS,
  ACTION,
  PERSON_EXPORT_FORMAT,
  UID,
} from '../../src/plugins/caladeo-contacts/shared/constants';
import type { PersonExport } from '../../src/plugins/caladeo-contacts/server/src/modules/access';
import { adminClient, adminTokenWithActions } from '../helpers/admin';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { CONTACTS, errorCodes, restClient, type ErrorEnvelope, type RestClient } from '../helpers/http';
import {
  GENEROUS_LIMITS,
  confirmationPathIn,
  jobRunner,
  signUp,
  signUpAndProcess,
} from '../helpers/newsletter';
import { createClient, createOffer, linkToClient, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi({ env: GENEROUS_LIMITS });
const LOOKUP = `${CONTACTS}/lookup`;
const exportPath = (documentId: string, query = '') => `${CONTACTS}/${documentId}/export${query}`;

type Row = Record<string, unknown>;

let api: RestClient;
let person: string;
let duplicate: string;
let other: string;
let client: string;
let offer: string;
const EMAIL = 'helene.lefevre@example.fr';
const ALIAS = 'h.lefevre@ancienne-adresse.fr';
const SCRIPT = '<script>alert("x")</script>';
/** What belongs to the other people of the person's client and offer, and to the staff. */
const OTHERS = [
  'Gaston',
  'Autrui',
  'gaston.autrui@example.org',
  'Odile',
  'Voisine',
  'odile.voisine@example.org',
];

const db = (uid: string) => app.strapi.db.query(uid as typeof UID.contact);
const iso = (value: unknown) => (value ? new Date(String(value)).toISOString() : null);

const created = async (data: Record<string, unknown>) => {
  const response = await api.post(CONTACTS, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

const exported = async (documentId: string) => {
  const response = await api.get(exportPath(documentId));
  expect(response.status).toBe(200);
  return { body: response.body as PersonExport, text: response.text, headers: response.headers };
};

beforeAll(async () => {
  const token = await createApiToken(app.strapi, 'full-access');
  api = restClient(app, token);

  // the person signs up on the website and confirms: a contact with its consent evidence
  expect(
    (await signUpAndProcess(app, { email: 'Helene.Lefevre@Example.fr', source: 'site-web' })).status
  ).toBe(202);
  const confirmation = confirmationPathIn(app, EMAIL);
  expect((await request(app.baseUrl).post(confirmation).set('User-Agent', 'jest-browser/1.0')).status).toBe(
    200
  );
  person = String((await db(UID.contact).findOne({ where: { email: EMAIL } }))?.documentId);

  // the agency completes the record, then corrects it: the history holds before and after
  const completed = await api.put(`${CONTACTS}/${person}`, {
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    phone: '06 12 34 56 78',
    addressLine1: '12 rue Sainte-Catherine',
    addressLine2: SCRIPT,
    postalCode: '33000',
    city: 'Lyon',
  });
  expect(completed.status).toBe(200);
  expect((await api.put(`${CONTACTS}/${person}`, { city: 'Bordeaux' })).status).toBe(200);

  // two other people share the person's client and offer
  other = await created({ firstName: 'Gaston', lastName: 'Autrui', email: 'gaston.autrui@example.org' });
  const neighbour = await created({
    firstName: 'Odile',
    lastName: 'Voisine',
    email: 'odile.voisine@example.org',
  });
  client = await createClient(app.strapi, { name: 'Amicale des Cheminots' });
  offer = await createOffer(app.strapi, { title: 'Classe de neige', destination: 'Les Arcs' });
  await linkToClient(app.strapi, person, client, 'president', true);
  await linkToClient(app.strapi, person, client, 'payeur');
  await linkToClient(app.strapi, other, client, 'voyageur');
  await linkToOffer(app.strapi, person, offer, 'voyageur');
  await linkToOffer(app.strapi, neighbour, offer, 'payeur', true);

  // an old record of the same person, merged into it: its address stays as an alias
  duplicate = await created({ firstName: 'Hélène', lastName: 'Lefèvre', email: ALIAS });
  const merge = { survivor: person, merged: [duplicate], values: { email: person } };
  expect((await api.post(`${CONTACTS}/merge`, merge)).status).toBe(200);

  // a sign-up with the old address, still waiting in the queue
  await jobRunner(app).stop();
  expect(
    (await signUp(app, { email: ALIAS.toUpperCase(), firstName: 'Hélène', source: 'salon' })).status
  ).toBe(202);
});

describe('the export of a person', () => {
  it('holds every stored field of the contact, its clients and offers with its roles', async () => {
    const { body } = await exported(person);
    const row = (await db(UID.contact).findOne({ where: { documentId: person } })) as Row;
    expect(body).toMatchObject({ format: PERSON_EXPORT_FORMAT, version: 1 });
    expect(Date.parse(body.exportedAt)).not.toBeNaN();
    for (const [field, value] of Object.entries(body.person)) {
      expect([field, value]).toEqual([
        field,
        field === 'createdAt' || field === 'updatedAt' ? iso(row[field]) : row[field],
      ]);
    }
    expect(body.person).toMatchObject({
      documentId: person,
      email: EMAIL,
      phone: '+33612345678',
      city: 'Bordeaux',
      region: 'Gironde',
      newsletter: true,
      gender: 'unspecified',
      preferredLanguage: 'fr',
    });
    for (const field of ['searchText', 'nameKey', 'emailLocalPart', 'id'])
      expect(body.person).not.toHaveProperty(field);

    expect(body.clients).toEqual([
      {
        documentId: client,
        name: 'Amicale des Cheminots',
        type: 'association',
        roles: ['president', 'payeur'],
        isPrimary: true,
      },
    ]);
    const stored = (await db(UID.offer).findOne({ where: { documentId: offer } })) as Row;
    expect(body.offers).toEqual([
      {
        documentId: offer,
        reference: stored.reference,
        title: 'Classe de neige',
        offerStatus: 'draft',
        destination: 'Les Arcs',
        startDate: null,
        endDate: null,
        roles: ['voyageur'],
        isPrimary: false,
      },
    ]);
  });

  it('holds the consent log, the history, the aliases and the waiting sign-ups as the database holds them', async () => {
    const { body } = await exported(person);

    const events = (await db(UID.consentEvent).findMany({
      where: { contact: { documentId: person } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    })) as Row[];
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(
      body.consentLog.map((event) => [event.action, event.occurredAt, event.ipAddress, event.userAgent])
    ).toEqual(events.map((event) => [event.action, iso(event.occurredAt), event.ipAddress, event.userAgent]));
    expect(body.consentLog.map((event) => event.action)).toEqual(
      expect.arrayContaining(['requested', 'confirmed'])
    );
    expect(body.consentLog[0]).toMatchObject({ source: 'site-web', userAgent: 'jest-browser/1.0' });

    // the record merged into this one is the same person's: its history is in the export too
    expect(body.mergedRecords).toEqual([{ documentId: duplicate, mergedAt: expect.any(String) }]);
    const entries = (await db(UID.historyEntry).findMany({
      where: { targetType: 'contact', targetDocumentId: { $in: [person, duplicate] } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    })) as Row[];
    expect(body.history).toHaveLength(entries.length);
    expect(body.history.map((entry) => [entry.documentId, entry.action])).toEqual(
      entries.map((entry) => [entry.targetDocumentId, entry.action])
    );
    expect(body.history).toContainEqual(
      expect.objectContaining({
        documentId: duplicate,
        action: 'create',
        changes: expect.objectContaining({ email: { before: null, after: ALIAS } }),
      })
    );
    expect(body.history.map((entry) => entry.changes)).toEqual(entries.map((entry) => entry.changes));
    expect(body.history.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['update', 'link', 'merge'])
    );
    expect(body.history).toContainEqual(
      expect.objectContaining({
        action: 'update',
        entryPoint: 'rest',
        actor: { type: 'api_token' },
        changes: { city: { before: 'Lyon', after: 'Bordeaux' } },
      })
    );

    const aliases = (await db(UID.contactEmailAlias).findMany({
      where: { contactDocumentId: person },
    })) as Row[];
    expect(aliases.map((alias) => alias.email)).toEqual([ALIAS]);
    expect(body.emailAliases).toEqual([{ email: ALIAS, since: iso(aliases[0]?.createdAt) }]);

    const waiting = (await db(UID.newsletterSignUp).findMany({ where: { email: ALIAS } })) as Row[];
    expect(waiting).toHaveLength(1);
    expect(body.signUpRequests).toEqual([
      expect.objectContaining({
        email: ALIAS,
        firstName: 'Hélène',
        source: 'salon',
        requestedAt: iso(waiting[0]?.requestedAt),
        userAgent: 'jest-browser/1.0',
      }),
    ]);
    const confirmations = (await db(UID.newsletterConfirmation).findMany({
      where: { contact: { documentId: person } },
    })) as Row[];
    expect(body.newsletterConfirmations).toHaveLength(confirmations.length);
    expect(body.newsletterConfirmations[0]?.consumedAt).toEqual(iso(confirmations[0]?.consumedAt));
  });

  it('says nothing of the other people of its client and offer, of the staff, nor of internal keys', async () => {
    const { text } = await exported(person);
    const html = (await api.get(exportPath(person, '?format=html'))).text;
    const tokenNames = ((await db('admin::api-token').findMany({ select: ['name'] })) as Row[]).map((row) =>
      String(row.name)
    );
    const confirmation = (await db(UID.newsletterConfirmation).findOne({
      where: { contact: { documentId: person } },
    })) as Row;
    const event = (await db(UID.consentEvent).findOne({ where: { contact: { documentId: person } } })) as Row;
    for (const document of [text, html]) {
      for (const secret of [
        ...OTHERS,
        other,
        ...tokenNames,
        String(confirmation.tokenHash),
        String(event.emailDigest),
      ])
        expect(document).not.toContain(secret);
      for (const key of ['searchText', 'emailDigest', 'tokenHash', 'actorName', 'actorId'])
        expect(document).not.toContain(key);
    }
  });

  it('is an attachment named after the person and the day; a readable page in French or English, every value escaped', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { headers } = await exported(person);
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(headers['content-disposition']).toBe(
      `attachment; filename="donnees-lefevre-helene-${today}.json"`
    );
    expect(headers['cache-control']).toBe('private, no-store');

    const french = await api.get(exportPath(person, '?format=html'));
    expect(french.status).toBe(200);
    expect(french.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(french.headers['content-disposition']).toBe(
      `attachment; filename="donnees-lefevre-helene-${today}.html"`
    );
    expect(french.text).toContain('<html lang="fr">');
    expect(french.text).toContain('Données personnelles — Hélène Lefèvre');
    expect(french.text).toContain('Amicale des Cheminots');
    expect(french.text).toContain('Président(e), Payeur, contact principal');
    expect(french.text).toContain('Inscription confirmée');
    expect(french.text).toContain(ALIAS);
    expect(french.text).toContain('Lyon → Bordeaux');
    expect(french.text).not.toContain(SCRIPT);
    expect(french.text).not.toMatch(/<script/i);
    expect(french.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');

    const english = await api.get(exportPath(person, '?format=html&locale=en'));
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Personal data — Hélène Lefèvre');
    expect(english.text).toContain('President, Payer, primary contact');
    expect(english.headers['content-disposition']).toBe(
      `attachment; filename="personal-data-lefevre-helene-${today}.html"`
    );
  });

  it('says in its readable page which way each direct change set the newsletter', async () => {
    const switched = await created({ lastName: 'Bascule', email: 'bascule@example.fr', newsletter: true });
    expect((await api.put(`${CONTACTS}/${switched}`, { newsletter: false })).status).toBe(200);

    const french = (await api.get(exportPath(switched, '?format=html'))).text;
    expect(french).toContain('Inscription activée par une application');
    expect(french).toContain('Inscription désactivée par une application');
    const english = (await api.get(exportPath(switched, '?format=html&locale=en'))).text;
    expect(english).toContain('Subscription turned on by an application');
    expect(english).toContain('Subscription turned off by an application');
  });

  it('refuses an unknown contact with a 404 and a bad query with a 400 naming it', async () => {
    expect((await api.get(exportPath('abcdefghijklmnopqrstuvwx'))).status).toBe(404);
    // the merged contact is gone: its data is in the survivor's export
    expect((await api.get(exportPath(duplicate))).status).toBe(404);
    const bad = await api.get(exportPath(person, '?format=pdf&locale=de&colour=blue'));
    expect(bad.status).toBe(400);
    expect(errorCodes(bad.body as ErrorEnvelope).sort()).toEqual([
      'colour: field.notAllowed',
      'format: choice.invalid',
      'locale: choice.invalid',
    ]);
    expect((await api.get(`${CONTACTS}/not%20an%20id/export`)).status).toBe(400);
  });
});

describe('the look-up of a person', () => {
  const found = async (query: string) => {
    const response = await api.get(`${LOOKUP}?${query}`);
    expect(response.status).toBe(200);
    return response.body.data as { documentId: string; matchedBy: string }[];
  };

  it('finds the contact by its e-mail in any case, by its phone as people write it, and by a merged address', async () => {
    expect(await found(`email=${encodeURIComponent('  HELENE.Lefevre@EXAMPLE.fr ')}`)).toEqual([
      { documentId: person, firstName: 'Hélène', lastName: 'Lefèvre', matchedBy: 'email' },
    ]);
    expect(await found(`phone=${encodeURIComponent('06 12 34 56 78')}`)).toEqual([
      expect.objectContaining({ documentId: person, matchedBy: 'phone' }),
    ]);
    expect(await found(`phone=${encodeURIComponent('+33 6 12 34 56 78')}`)).toHaveLength(1);
    expect(await found(`email=${encodeURIComponent(ALIAS.toUpperCase())}`)).toEqual([
      expect.objectContaining({ documentId: person, matchedBy: 'emailAlias' }),
    ]);
    expect(await found('email=personne@example.fr')).toEqual([]);
  });

  it('refuses neither, both, a malformed value or another key with a 400 naming the field', async () => {
    const codes = async (query: string) => {
      const response = await api.get(`${LOOKUP}${query}`);
      expect(response.status).toBe(400);
      return errorCodes(response.body as ErrorEnvelope);
    };
    expect(await codes('')).toEqual(['email: lookup.emailOrPhoneRequired']);
    expect(await codes('?email=')).toEqual(['email: lookup.emailOrPhoneRequired']);
    expect(await codes(`?email=${EMAIL}&phone=0612345678`)).toEqual(['phone: lookup.emailAndPhone']);
    expect(await codes('?email=pas-une-adresse')).toEqual(['email: email.invalid']);
    expect(await codes('?phone=12')).toEqual(['phone: phone.invalidForCountry']);
    expect(await codes('?email=a@b.fr&email=c@d.fr')).toEqual(['email: text.notString']);
    expect(await codes(`?email=${EMAIL}&name=Lefevre`)).toEqual(['name: field.notAllowed']);
  });
});

describe('who may ask', () => {
  it('lets in on the content API only callers given the scopes, never a read-only token', async () => {
    const paths = { export: exportPath(person), lookup: `${LOOKUP}?email=${EMAIL}` };
    for (const path of Object.values(paths)) {
      expect((await request(app.baseUrl).get(path)).status).toBe(403);
      expect((await request(app.baseUrl).get(path).set('Authorization', 'Bearer nonsense')).status).toBe(401);
      const readOnly = await createApiToken(app.strapi, 'read-only');
      expect((await restClient(app, readOnly).get(path)).status).toBe(403);
      const reader = await createUserWithActions(app.strapi, [
        'plugin::caladeo-contacts.contact.find',
        'plugin::caladeo-contacts.contact.findOne',
      ]);
      expect((await restClient(app, reader).get(path)).status).toBe(403);
    }
    const exporter = await createApiToken(app.strapi, 'custom', [ACCESS_CONTENT_API_ACTIONS.export]);
    expect((await restClient(app, exporter).get(paths.export)).status).toBe(200);
    expect((await restClient(app, exporter).get(paths.lookup)).status).toBe(403);
    const both = await createApiToken(app.strapi, 'custom', Object.values(ACCESS_CONTENT_API_ACTIONS));
    expect((await restClient(app, both).get(paths.lookup)).status).toBe(200);
    expect((await restClient(app, both).get(paths.export)).status).toBe(200);
    const user = await createUserWithActions(app.strapi, [ACCESS_CONTENT_API_ACTIONS.lookup]);
    expect((await restClient(app, user).get(paths.lookup)).status).toBe(200);
  });

  it('lets in on the admin routes only admins holding privacy.export', async () => {
    const reader = adminClient(
      app,
      await adminTokenWithActions(app, [
        ACTION['contacts.read'],
        ACTION['contacts.export'],
        ACTION['history.read'],
      ])
    );
    const privacy = adminClient(app, await adminTokenWithActions(app, [ACTION['privacy.export']]));
    for (const path of [`/contacts/${person}/export`, `/contacts/lookup?phone=0612345678`]) {
      expect((await adminClient(app).get(path)).status).toBe(401);
      expect((await reader.get(path)).status).toBe(403);
      expect((await privacy.get(path)).status).toBe(200);
    }
    const summary = await privacy.get(`/contacts/${person}/export?format=html&locale=en`);
    expect(summary.text).toContain('Personal data — Hélène Lefèvre');
    expect((await privacy.get('/contacts/lookup?phone=0612345678')).body.data).toEqual([
      expect.objectContaining({ documentId: person }),
    ]);
    // the contact page's own route still answers under /contacts/:documentId
    expect((await reader.get(`/contacts/${person}`)).status).toBe(200);
  });
});
