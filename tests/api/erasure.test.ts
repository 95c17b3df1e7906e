import request from 'supertest';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACTION,
  ERASED_CONTACT_LAST_NAME,
  ERASURE_CONTENT_API_ACTIONS,
  UID,
} from '../../src/plugins/caladeo-contacts/shared/constants';
import { adminClient, adminTokenWithActions } from '../helpers/admin';
import { createApiToken } from '../helpers/auth';
import {
  CLIENT_CONTACTS,
  CLIENTS,
  CONTACTS,
  OFFER_CONTACTS,
  OFFERS,
  errorCodes,
  restClient,
  type RestClient,
} from '../helpers/http';
import { GENEROUS_LIMITS, confirmationPathIn, jobRunner, signUpAndProcess } from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi({ env: GENEROUS_LIMITS });
const erasePath = (documentId: string) => `${CONTACTS}/${documentId}/erase`;
const contextPath = (offer: string) => `/api/caladeo-contacts/documents/offers/${offer}`;
const IMPORTS = '/api/caladeo-contacts/imports';
const CONFIRM = { confirm: true };

/** The person erased, with every form their values take in the database (folded, digits). */
const PERSON = {
  firstName: 'Maïwenn',
  lastName: 'Quéméneur',
  email: 'maiwenn.quemeneur@exemple.fr',
  phone: '+33 6 12 34 56 79',
  addressLine1: '7 rue des Goélands',
  postalCode: '29890',
  city: 'Kerlouan',
  country: 'FR',
};
const NEEDLES = [
  'maïwenn',
  'maiwenn',
  'quéméneur',
  'quemeneur',
  'maiwenn.quemeneur@exemple.fr',
  '+33612345679',
  '0612345679',
  '612345679',
  'goélands',
  'kerlouan',
];

let api: RestClient;
let readOnly: RestClient;
let sequence = 0;

const created = async (path: string, data: Record<string, unknown>) => {
  const response = await api.post(path, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const createContact = (data: Record<string, unknown>) => created(CONTACTS, data);

/** Every table of the test's database, from the database's own catalogue. */
const tableNames = async () => {
  const knex = app.strapi.db.connection;
  if (app.strapi.db.dialect.client === 'postgres') {
    const rows = (
      await knex.raw(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = coalesce(?, current_schema()) AND table_type = 'BASE TABLE'`,
        [process.env.DATABASE_SCHEMA ?? null]
      )
    ).rows as { table_name: string }[];
    return rows.map((row) => row.table_name);
  }
  const rows = (await knex.raw(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
  )) as { name: string }[];
  return rows.map((row) => row.name);
};

/** Where in the database any of the person's values is still found, as `table.column`. */
const personalValuesLeft = async () => {
  const found: string[] = [];
  const tables = await tableNames();
  expect(tables).toEqual(expect.arrayContaining(['caladeo_contacts', 'caladeo_history_entries']));
  for (const table of tables) {
    const rows = (await app.strapi.db.connection(table).select('*')) as Record<string, unknown>[];
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined || typeof value === 'number') continue;
        const text = (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase();
        for (const needle of NEEDLES) if (text.includes(needle)) found.push(`${table}.${column}: ${needle}`);
      }
    }
  }
  return [...new Set(found)];
};

/** Another person's row, links, history and consent log: what an erasure must not touch. */
const everythingAbout = async (documentId: string) => {
  const { strapi } = app;
  return {
    contact: await strapi.db.query(UID.contact).findOne({ where: { documentId } }),
    history: await strapi.db
      .query(UID.historyEntry)
      .findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } }),
    consent: await strapi.db
      .query(UID.consentEvent)
      .findMany({ where: { contact: { documentId } }, orderBy: { id: 'asc' } }),
    offers: await strapi.db.query(UID.offerContact).findMany({ where: { contact: { documentId } } }),
  };
};

const offerContext = async (offer: string) => {
  const response = await readOnly.get(contextPath(offer));
  expect(response.status).toBe(200);
  return response.body.data as { offer: { travellerCount: number }; travellers: unknown[] };
};

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
  readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
});

describe('erasing a person', () => {
  let person: string;
  let other: string;
  let offer: string;
  let otherBefore: Awaited<ReturnType<typeof everythingAbout>>;
  let contextBefore: Awaited<ReturnType<typeof offerContext>>;

  beforeAll(async () => {
    const client = await created(CLIENTS, { name: 'Cercle nautique de Brest', type: 'association' });
    offer = await created(OFFERS, { title: 'Croisière aux Glénan', reference: `E-${process.pid}-1`, client });
    person = await createContact({ ...PERSON, gender: 'female', newsletter: true });
    other = await createContact({ firstName: 'Bernard', lastName: 'Lemoine', email: 'bernard@exemple.fr' });
    // a history of changes, a public sign-up (IP, user agent), a merged duplicate (snapshot, alias)
    expect((await api.put(`${CONTACTS}/${person}`, { city: 'Plouescat' })).status).toBe(200);
    expect((await api.put(`${CONTACTS}/${person}`, { city: PERSON.city })).status).toBe(200);
    expect(
      (
        await signUpAndProcess(app, {
          email: PERSON.email,
          firstName: PERSON.firstName,
          lastName: PERSON.lastName,
        })
      ).status
    ).toBe(202);
    const duplicate = await createContact({
      firstName: PERSON.firstName,
      lastName: PERSON.lastName,
      email: 'm.quemeneur@gmail.com',
      city: PERSON.city,
    });
    const merged = await api.post(`${CONTACTS}/merge`, {
      survivor: person,
      merged: [duplicate],
      values: { email: person },
    });
    expect(merged.status).toBe(200);
    await created(CLIENT_CONTACTS, { contact: person, client, role: 'president', isPrimary: true });
    await created(OFFER_CONTACTS, { contact: person, offer, role: 'voyageur', isPrimary: true });
    await created(OFFER_CONTACTS, { contact: other, offer, role: 'voyageur' });
    // a likely-duplicate pair of the person with someone else
    const ids = (await app.strapi.db
      .query(UID.contact)
      .findMany({ select: ['id'], where: { documentId: { $in: [person, other] } } })) as { id: number }[];
    await app.strapi.db.query(UID.duplicatePair).create({
      data: { contactA: ids[0]?.id, contactB: ids[1]?.id, score: 0.5, reasons: ['nameAndClient'] },
    });
    // the fixture does hold the person's values where the erasure must find them
    const holding = new Set((await personalValuesLeft()).map((place) => place.split('.')[0]));
    expect([...holding]).toEqual(
      expect.arrayContaining([
        'caladeo_contacts',
        'caladeo_history_entries',
        'caladeo_contact_merges',
        'caladeo_contact_email_aliases',
      ])
    );
    otherBefore = await everythingAbout(other);
    contextBefore = await offerContext(offer);
  });

  it('refuses without an explicit confirmation, naming confirm, and erases nothing', async () => {
    for (const body of [{}, { confirm: false }, { confirm: 'yes' }]) {
      const response = await api.post(erasePath(person), body);
      expect(response.status).toBe(400);
      expect(errorCodes(response.body)).toEqual(['confirm: erasure.confirmRequired']);
    }
    const bare = await api.raw('post', erasePath(person)).send();
    expect(bare.status).toBe(400);
    const stored = (await app.strapi.db.query(UID.contact).findOne({ where: { documentId: person } })) as {
      lastName: string;
    };
    expect(stored.lastName).toBe(PERSON.lastName);
    expect(await app.strapi.db.query(UID.contactErasure).count()).toBe(0);
  });

  it('leaves none of the person’s values anywhere in the database, and the contact on its offer', async () => {
    const response = await api.post(erasePath(person), CONFIRM);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: person,
      firstName: null,
      lastName: ERASED_CONTACT_LAST_NAME,
      email: null,
      phone: null,
      city: null,
      newsletter: false,
    });
    expect(response.body.meta.erasure).toMatchObject({
      contactDocumentId: person,
      reason: 'request',
      mergeRecordsRemoved: 1,
    });
    expect(response.body.meta.erasure.clearedFields).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'email', 'phone', 'city', 'newsletter'])
    );

    expect(await personalValuesLeft()).toEqual([]);

    // the facts stay: an erasure record, an "erase" entry, the consent log's actions and dates
    const erasure = await app.strapi.db
      .query(UID.contactErasure)
      .findOne({ where: { contactDocumentId: person } });
    expect(erasure).toMatchObject({ reason: 'request', actorType: 'api_token' });
    const history = await api.get(`${CONTACTS}/${person}/history?pageSize=100`);
    expect(history.status).toBe(200);
    const actions = (history.body.data as { action: string }[]).map((entry) => entry.action);
    expect(actions[0]).toBe('erase');
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'merge', 'link']));
    const updates = (
      history.body.data as { action: string; changedFields: string[]; changes: unknown }[]
    ).filter((entry) => entry.action === 'update' && entry.changedFields.includes('city'));
    expect(updates.length).toBeGreaterThan(0);
    for (const entry of updates) expect(entry.changes).toBeNull();
    const events = (await app.strapi.db
      .query(UID.consentEvent)
      .findMany({ where: { contact: { documentId: person } } })) as Record<string, unknown>[];
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['set_by_api', 'requested']));
    for (const event of events)
      expect(event).toMatchObject({
        ipAddress: null,
        userAgent: null,
        emailDigest: null,
        occurredAt: expect.anything(),
      });
    expect(await app.strapi.db.query(UID.duplicatePair).count()).toBe(0);
    // two e-mails (its own and the merged one's) and a phone
    expect(await app.strapi.db.query(UID.privacySuppression).count()).toBe(3);
  });

  it('keeps the offer’s headcount, document context and quote', async () => {
    const context = await offerContext(offer);
    expect(context.offer.travellerCount).toBe(contextBefore.offer.travellerCount);
    expect(context.travellers).toHaveLength(contextBefore.travellers.length);
    expect(JSON.stringify(context).toLowerCase()).not.toContain('quemeneur');
    const quote = await readOnly.get(`${contextPath(offer)}/quote.pdf`);
    expect(quote.status).toBe(200);
    expect(quote.headers['content-type']).toContain('application/pdf');
  });

  it('changes nothing about another contact but its pair with the erased one', async () => {
    expect(await everythingAbout(other)).toEqual(otherBefore);
  });

  it('answers 409 to a second erasure and 404 to an unknown contact', async () => {
    const again = await api.post(erasePath(person), CONFIRM);
    expect(again.status).toBe(409);
    expect(errorCodes(again.body)).toEqual(['documentId: erasure.alreadyErased']);
    const unknown = await api.post(erasePath('nosuchcontact0000000000000'), CONFIRM);
    expect(unknown.status).toBe(404);
    expect(errorCodes(unknown.body)).toEqual(['documentId: erasure.contactNotFound']);
  });

  it('reports an import of the erased person as erased instead of creating them', async () => {
    const file = Buffer.from(
      [
        'Prénom;Nom;Email;Téléphone',
        `${PERSON.firstName};${PERSON.lastName};${PERSON.email.toUpperCase()};`,
        `${PERSON.firstName};${PERSON.lastName};;06 12 34 56 79`,
        'Gwenola;Le Bihan;gwenola@exemple.fr;',
      ].join('\n'),
      'utf8'
    );
    const upload = await request(app.baseUrl)
      .post(IMPORTS)
      .set('Authorization', `Bearer ${await createApiToken(app.strapi, 'full-access')}`)
      .attach('file', file, 'contacts.csv');
    expect(upload.status).toBe(202);
    await jobRunner(app).drain();
    const done = await api.get(`${IMPORTS}/${upload.body.data.documentId}`);
    expect(done.body.data.counts).toMatchObject({ created: 1, failed: 2 });
    const errors = (await api.get(`${IMPORTS}/${upload.body.data.documentId}/errors`)).text;
    expect(errors).toContain('email: belongs to a person whose personal data was erased');
    expect(errors).toContain('phone: belongs to a person whose personal data was erased');
    expect(await app.strapi.db.query(UID.contact).count({ where: { lastName: PERSON.lastName } })).toBe(0);
  });

  it('lets the person sign up again: the confirmation lifts the e-mail’s suppression', async () => {
    const suppressions = () =>
      app.strapi.db.query(UID.privacySuppression).count({
        where: {
          hash: app.strapi
            .plugin('caladeo-contacts')
            .service('privacy-suppressions')
            .hashOf({ kind: 'email', value: PERSON.email }),
        },
      });
    expect(await suppressions()).toBe(1);
    expect((await signUpAndProcess(app, { email: PERSON.email })).status).toBe(202);
    expect(await suppressions()).toBe(1);
    const confirmed = await request(app.baseUrl).post(confirmationPathIn(app, PERSON.email));
    expect(confirmed.status).toBe(200);
    expect(await suppressions()).toBe(0);
    const contact = (await app.strapi.db.query(UID.contact).findOne({ where: { email: PERSON.email } })) as {
      documentId: string;
      newsletter: boolean;
    };
    expect(contact.documentId).not.toBe(person);
    expect(contact.newsletter).toBe(true);
  });
});

describe('who may erase', () => {
  it('needs the content-API scope: read-only and other tokens are refused, a bad token is 401', async () => {
    const contact = await createContact({ lastName: 'Scope', email: `scope-${++sequence}@exemple.fr` });
    const anonymous = await request(app.baseUrl).post(erasePath(contact)).send({ data: CONFIRM });
    expect(anonymous.status).toBe(403);
    expect((await restClient(app, 'not-a-token').post(erasePath(contact), CONFIRM)).status).toBe(401);
    expect((await readOnly.post(erasePath(contact), CONFIRM)).status).toBe(403);
    const other = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact.update'])
    );
    expect((await other.post(erasePath(contact), CONFIRM)).status).toBe(403);
    expect(
      await app.strapi.db.query(UID.contactErasure).count({ where: { contactDocumentId: contact } })
    ).toBe(0);
    const eraser = restClient(
      app,
      await createApiToken(app.strapi, 'custom', [ERASURE_CONTENT_API_ACTIONS.erase])
    );
    expect((await eraser.post(erasePath(contact), CONFIRM)).status).toBe(200);
  });

  it('guards the admin route with privacy.erase, and the admin then sees when the contact was erased', async () => {
    const contact = await createContact({ lastName: 'Admin', email: `admin-${++sequence}@exemple.fr` });
    const path = `/contacts/${contact}/erase`;
    expect((await adminClient(app).post(path, { data: CONFIRM })).status).toBe(401);
    const editor = adminClient(
      app,
      await adminTokenWithActions(app, [
        ACTION['contacts.read'],
        ACTION['contacts.update'],
        ACTION['contacts.delete'],
        ACTION['contacts.merge'],
      ])
    );
    expect((await editor.post(path, { data: CONFIRM })).status).toBe(403);
    expect((await editor.get(`/contacts/${contact}/erasure`)).body).toEqual({ data: null });

    const eraser = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['privacy.erase']])
    );
    const missing = await eraser.post(path, { data: {} });
    expect(missing.status).toBe(400);
    expect(errorCodes(missing.body)).toEqual(['confirm: erasure.confirmRequired']);
    const erased = await eraser.post(path, { data: CONFIRM });
    expect(erased.status).toBe(200);
    expect(erased.body.data).toMatchObject({
      documentId: contact,
      lastName: ERASED_CONTACT_LAST_NAME,
      email: null,
    });
    const notice = await editor.get(`/contacts/${contact}/erasure`);
    expect(notice.status).toBe(200);
    expect(notice.body.data).toMatchObject({
      contactDocumentId: contact,
      reason: 'request',
      actorType: 'admin_user',
    });
    expect(new Date(notice.body.data.erasedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
