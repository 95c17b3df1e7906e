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

/** What an erased contact holds in the fields a person would recognise. */
const ERASED_VALUES = {
  firstName: null,
  lastName: ERASED_CONTACT_LAST_NAME,
  email: null,
  phone: null,
  city: null,
  newsletter: false,
};

let api: RestClient;
let importToken: string;
let readOnly: RestClient;
let sequence = 0;

const created = async (path: string, data: Record<string, unknown>) => {
  const response = await api.post(path, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const createContact = (data: Record<string, unknown>) => created(CONTACTS, data);

/** Imports a CSV file through the content API, lets its job run, and answers the import as it ended. */
const importCsv = async (lines: string[]) => {
  const upload = await request(app.baseUrl)
    .post(IMPORTS)
    .set('Authorization', `Bearer ${importToken}`)
    .attach('file', Buffer.from(lines.join('\n'), 'utf8'), 'contacts.csv');
  expect(upload.status).toBe(202);
  await jobRunner(app).drain();
  const done = await api.get(`${IMPORTS}/${upload.body.data.documentId}`);
  expect(done.status).toBe(200);
  return done.body.data as { documentId: string; counts: Record<string, number> };
};

/** The fields an import's error file refuses as an erased person's, once each, in order. */
const fieldsRefusedAsErased = async (importId: string) => {
  const errors = (await api.get(`${IMPORTS}/${importId}/errors`)).text;
  // the error file's code column (`field:code ; …`), the same in every language
  const found = errors.matchAll(/(\w+):import\.erasedPerson\b/g);
  return [...new Set([...found].map((match) => match[1]))].sort();
};

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
  importToken = await createApiToken(app.strapi, 'full-access');
  api = restClient(app, importToken);
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
    const { phone, ...withoutPhone } = PERSON;
    person = await createContact({ ...withoutPhone, gender: 'female', newsletter: true });
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
    // an import gives the person a phone (its chunk keeps the row, the values before and after)
    const imported = await importCsv([
      'Prénom;Nom;Email;Téléphone',
      `${PERSON.firstName};${PERSON.lastName};${PERSON.email};${phone}`,
      `${PERSON.firstName};${PERSON.lastName};${PERSON.email};`,
    ]);
    expect(imported.counts).toMatchObject({ updated: 1, failed: 1 });
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
        'caladeo_import_chunks',
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
    expect(response.body.data).toMatchObject({ documentId: person, ...ERASED_VALUES });
    expect(response.body.meta.erasure).toMatchObject({
      contactDocumentId: person,
      reason: 'request',
      mergeSnapshotsRemoved: 1,
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
    const done = await importCsv([
      'Prénom;Nom;Email;Téléphone',
      `${PERSON.firstName};${PERSON.lastName};${PERSON.email.toUpperCase()};`,
      `${PERSON.firstName};${PERSON.lastName};;06 12 34 56 79`,
      'Gwenola;Le Bihan;gwenola@exemple.fr;',
    ]);
    expect(done.counts).toMatchObject({ created: 1, failed: 2 });
    expect(await fieldsRefusedAsErased(done.documentId)).toEqual(['email', 'phone']);
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

describe('an erased contact stays erased', () => {
  const YANN = { firstName: 'Yann', lastName: 'Kerbrat' };
  const MERGED_EMAIL = 'y.kerbrat@exemple.fr';
  const MERGED_PHONE = '06 55 66 77 88';
  let erased: string;
  let mergeId: string;
  let offerLink: string;
  let editor: ReturnType<typeof adminClient>;

  const stored = async () =>
    (await app.strapi.db.query(UID.contact).findOne({ where: { documentId: erased } })) as Record<
      string,
      unknown
    >;

  beforeAll(async () => {
    const offer = await created(OFFERS, { title: 'Tour de Bretagne', reference: `E-${process.pid}-2` });
    erased = await createContact({ ...YANN, email: 'yann.kerbrat@exemple.fr', phone: '06 11 22 33 44' });
    const duplicate = await createContact({ ...YANN, email: MERGED_EMAIL, phone: MERGED_PHONE });
    const merged = await api.post(`${CONTACTS}/merge`, {
      survivor: erased,
      merged: [duplicate],
      values: { email: erased, phone: erased },
    });
    expect(merged.status).toBe(200);
    mergeId = merged.body.meta.mergeId as string;
    offerLink = await created(OFFER_CONTACTS, { contact: erased, offer, role: 'voyageur' });
    const erasure = await api.post(erasePath(erased), CONFIRM);
    expect(erasure.status).toBe(200);
    // its e-mail and phone, and those of the contact merged into it
    expect(erasure.body.meta.erasure).toMatchObject({ mergeSnapshotsRemoved: 1, suppressionHashes: 4 });
    editor = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['contacts.update']])
    );
  });

  it('refuses to give a personal field a value again through REST, the admin and GraphQL, naming each field', async () => {
    const rest = await api.put(`${CONTACTS}/${erased}`, { firstName: 'Yann', city: 'Brest' });
    expect(rest.status).toBe(409);
    expect(rest.body.error.name).toBe('ConflictError');
    expect(errorCodes(rest.body)).toEqual([
      'firstName: erasure.erasedContact',
      'city: erasure.erasedContact',
    ]);
    const admin = await editor.put(`/contacts/${erased}`, { email: 'yann@exemple.fr', newsletter: true });
    expect(admin.status).toBe(409);
    expect(errorCodes(admin.body)).toEqual([
      'email: erasure.erasedContact',
      'newsletter: erasure.erasedContact',
    ]);
    const graphql = await request(app.baseUrl)
      .post('/graphql')
      .set('Authorization', `Bearer ${importToken}`)
      .send({
        query: `mutation Update($documentId: ID!, $data: CaladeoContactsContactInput!) {
          updateCaladeoContactsContact(documentId: $documentId, data: $data) { documentId }
        }`,
        variables: { documentId: erased, data: { phone: '06 11 22 33 44' } },
      });
    expect(graphql.body.errors?.[0]?.extensions).toMatchObject({
      code: 'STRAPI_CONFLICT_ERROR',
      error: {
        details: { errors: [expect.objectContaining({ path: ['phone'], code: 'erasure.erasedContact' })] },
      },
    });
    expect(await stored()).toMatchObject(ERASED_VALUES);
  });

  it('accepts the values it already holds and lets its roles on offers change', async () => {
    const same = await api.put(`${CONTACTS}/${erased}`, {
      lastName: ERASED_CONTACT_LAST_NAME,
      firstName: '',
      email: null,
      newsletter: false,
    });
    expect(same.status).toBe(200);
    const role = await api.put(`${OFFER_CONTACTS}/${offerLink}`, { role: 'accompagnateur' });
    expect(role.status).toBe(200);
    expect(role.body.data.role).toBe('accompagnateur');
  });

  it('refuses the merged contact’s old phone and e-mail in an import, as an erased person’s', async () => {
    const done = await importCsv([
      'Prénom;Nom;Email;Téléphone',
      `${YANN.firstName};${YANN.lastName};;${MERGED_PHONE}`,
      `${YANN.firstName};${YANN.lastName};${MERGED_EMAIL};`,
    ]);
    expect(done.counts).toMatchObject({ created: 0, failed: 2 });
    expect(await fieldsRefusedAsErased(done.documentId)).toEqual(['email', 'phone']);
    expect(await app.strapi.db.query(UID.contact).count({ where: { lastName: YANN.lastName } })).toBe(0);
  });

  it('answers 409 merge.survivorErased to an undo of its merge, which stays without its snapshot', async () => {
    const undo = await api.post(`/api/caladeo-contacts/merges/${mergeId}/undo`, {});
    expect(undo.status).toBe(409);
    expect(errorCodes(undo.body)).toEqual(['mergeId: merge.survivorErased']);
    const merge = (await app.strapi.db
      .query(UID.contactMerge)
      .findOne({ where: { documentId: mergeId } })) as Record<string, unknown>;
    expect(merge).toMatchObject({ survivorDocumentId: erased, snapshot: null, undoneAt: null });
    expect(merge.erasedAt).not.toBeNull();
    expect(await app.strapi.db.query(UID.contact).count({ where: { lastName: YANN.lastName } })).toBe(0);
  });

  it('cannot be merged, as the survivor or as a merged contact, nor previewed', async () => {
    const other = await createContact({ lastName: 'Le Gall', email: `legall-${++sequence}@exemple.fr` });
    const asSurvivor = await api.post(`${CONTACTS}/merge`, { survivor: erased, merged: [other] });
    expect(asSurvivor.status).toBe(409);
    expect(errorCodes(asSurvivor.body)).toEqual(['survivor: merge.erasedContact']);
    const asMerged = await api.post(`${CONTACTS}/merge?preview=true`, { survivor: other, merged: [erased] });
    expect(asMerged.status).toBe(409);
    expect(errorCodes(asMerged.body)).toEqual(['merged.0: merge.erasedContact']);
    expect(await app.strapi.db.query(UID.contact).count({ where: { documentId: other } })).toBe(1);
  });

  it('is never updated by an import row that leads to it', async () => {
    // a contact erased before erased contacts were protected, given an address again since
    await app.strapi.db
      .query(UID.contact)
      .update({ where: { documentId: erased }, data: { email: 'revenu@exemple.fr' } });
    const done = await importCsv(['Prénom;Nom;Email;Ville', 'Yann;Kerbrat;revenu@exemple.fr;Brest']);
    expect(done.counts).toMatchObject({ updated: 0, failed: 1 });
    expect(await fieldsRefusedAsErased(done.documentId)).toEqual(['email']);
    expect(await stored()).toMatchObject({ firstName: null, lastName: ERASED_CONTACT_LAST_NAME, city: null });
  });

  it('can still be deleted', async () => {
    expect((await api.delete(`${CONTACTS}/${erased}`)).status).toBe(204);
    expect(await app.strapi.db.query(UID.contact).count({ where: { documentId: erased } })).toBe(0);
  });
});

describe('the merges of a survivor', () => {
  const INDEX = 'caladeo_contact_merges_survivor_idx';
  const LOOKUP =
    'SELECT merged_document_ids FROM caladeo_contact_merges WHERE survivor_document_id IN (?) AND undone_at IS NULL';

  it('are read through an index on the survivor, on SQLite and PostgreSQL', async () => {
    const knex = app.strapi.db.connection;
    if (app.strapi.db.dialect.client === 'postgres') {
      const indexes = await knex.raw(
        `SELECT indexname FROM pg_indexes
         WHERE tablename = 'caladeo_contact_merges' AND schemaname = coalesce(?, current_schema())`,
        [process.env.DATABASE_SCHEMA ?? null]
      );
      expect((indexes.rows as { indexname: string }[]).map((row) => row.indexname)).toContain(INDEX);
      // a table this small is read whole anyway; without sequential scans the planner shows its index
      const plan = await knex.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        return (await trx.raw(`EXPLAIN (FORMAT JSON) ${LOOKUP}`, ['someone'])) as {
          rows: Record<string, unknown>[];
        };
      });
      expect(JSON.stringify(plan.rows[0]?.['QUERY PLAN'])).toContain(`"Index Name":"${INDEX}"`);
    } else {
      const indexes = (await knex.raw(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'caladeo_contact_merges'"
      )) as { name: string }[];
      expect(indexes.map((row) => row.name)).toContain(INDEX);
      const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${LOOKUP}`, ['someone'])) as { detail: string }[];
      expect(plan.map((row) => row.detail).join('\n')).toContain(`USING INDEX ${INDEX}`);
    }
  });
});
