import request from 'supertest';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { adminClient, adminTokenWithActions } from '../helpers/admin';
import { inAdmin } from '../helpers/admin-messages';
import { createApiToken } from '../helpers/auth';
import {
  CLIENTS,
  CLIENT_CONTACTS,
  CONTACTS,
  OFFERS,
  OFFER_CONTACTS,
  errorCodes,
  restClient,
  type ErrorEnvelope,
  type RestClient,
} from '../helpers/http';
import { GENEROUS_LIMITS, jobRunner, signUpAndProcess } from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi({ env: GENEROUS_LIMITS });
const MERGE = `${CONTACTS}/merge`;
const undoPath = (mergeId: string) => `/api/caladeo-contacts/merges/${mergeId}/undo`;

let api: RestClient;
let sequence = 0;

const createContact = async (data: Record<string, unknown>) => {
  const response = await api.post(CONTACTS, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const createClient = async (name: string) =>
  (await api.post(CLIENTS, { name, type: 'company' })).body.data.documentId as string;
const createOffer = async (title: string) => {
  const response = await api.post(OFFERS, { title, reference: `M-${process.pid}-${++sequence}` });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const link = async (path: string, data: Record<string, unknown>) => {
  const response = await api.post(path, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

/** Everything a contact is, as stored: its row, its links (with ends) and its consent events. */
const snapshotOf = async (documentId: string) => {
  const { strapi } = app;
  const contact = await strapi.db.query(UID.contact).findOne({ where: { documentId } });
  const links = async (uid: typeof UID.clientContact | typeof UID.offerContact, target: string) =>
    (
      (await strapi.db.query(uid).findMany({
        where: { contact: { documentId } },
        populate: { [target]: { select: ['documentId'] } },
        orderBy: { id: 'asc' },
      })) as Record<string, unknown>[]
    ).map((row) => ({
      documentId: row.documentId,
      role: row.role,
      isPrimary: row.isPrimary,
      primaryOf: row.primaryOf,
      target: (row[target] as { documentId: string } | null)?.documentId,
    }));
  const events = (
    (await strapi.db.query(UID.consentEvent).findMany({
      where: { contact: { documentId } },
      orderBy: { id: 'asc' },
    })) as Record<string, unknown>[]
  ).map(({ documentId: eventId, action, newsletter, occurredAt }) => ({
    eventId,
    action,
    newsletter,
    occurredAt,
  }));
  return {
    contact,
    clients: await links(UID.clientContact, 'client'),
    offers: await links(UID.offerContact, 'offer'),
    events,
  };
};

const merge = (data: Record<string, unknown>, client: RestClient = api) => client.post(MERGE, data);

const mergeOk = async (data: Record<string, unknown>) => {
  const response = await merge(data);
  expect(response.status).toBe(200);
  return response.body as { data: Record<string, unknown>; meta: { mergeId: string } };
};

const contactCount = () => app.strapi.db.query(UID.contact).count();

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

describe('merging contacts', () => {
  it('moves links and roles to the survivor, never doubling a role or a primary, and undo restores all of it', async () => {
    const clientA = await createClient('Voyages Alpha');
    const clientB = await createClient('Voyages Beta');
    const offer = await createOffer('Séjour à Lisbonne');
    const survivor = await createContact({
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      email: 'helene@alpha.fr',
    });
    const other = await createContact({
      firstName: 'Helene',
      lastName: 'Lefevre',
      email: 'h.lefevre@gmail.com',
      phone: '+33612345678',
      city: 'Bordeaux',
    });
    // the same role on client A twice; other is primary of client B and of the offer
    await link(CLIENT_CONTACTS, { contact: survivor, client: clientA, role: 'president', isPrimary: true });
    await link(CLIENT_CONTACTS, { contact: other, client: clientA, role: 'president' });
    await link(CLIENT_CONTACTS, { contact: other, client: clientA, role: 'payeur' });
    await link(CLIENT_CONTACTS, { contact: other, client: clientB, role: 'payeur', isPrimary: true });
    await link(OFFER_CONTACTS, { contact: other, offer, role: 'voyageur', isPrimary: true });

    const before = { survivor: await snapshotOf(survivor), other: await snapshotOf(other) };
    const count = await contactCount();

    const preview = await api.post(`${MERGE}?preview=true`, { survivor, merged: [other] });
    expect(preview.status).toBe(200);
    const fields = Object.fromEntries(
      (preview.body.data.fields as { field: string; proposed: string; value: unknown }[]).map((entry) => [
        entry.field,
        entry,
      ])
    );
    // other was updated last (its links touched it too): its non-empty values are proposed
    expect(fields.phone).toMatchObject({ proposed: other, value: '+33612345678' });
    expect(preview.body.data.addresseeChanges).toEqual([
      expect.objectContaining({
        offer: expect.objectContaining({ documentId: offer }),
        from: other,
        to: survivor,
      }),
    ]);
    expect(await snapshotOf(survivor)).toEqual(before.survivor);
    expect(await contactCount()).toBe(count);

    const merged = await mergeOk({
      survivor,
      merged: [other],
      values: { email: survivor, firstName: survivor },
    });
    expect(merged.data).toMatchObject({
      documentId: survivor,
      email: 'helene@alpha.fr',
      phone: '+33612345678',
    });
    expect(merged.data).not.toHaveProperty('searchText');
    expect(merged.meta.mergeId).toEqual(expect.any(String));
    expect(await contactCount()).toBe(count - 1);
    expect((await api.get(`${CONTACTS}/${other}`)).status).toBe(404);

    const after = await snapshotOf(survivor);
    const roles = after.clients.map((entry) => `${entry.target} ${entry.role} ${entry.isPrimary}`).sort();
    expect(roles).toEqual(
      [`${clientA} president true`, `${clientA} payeur false`, `${clientB} payeur true`].sort()
    );
    expect(after.offers).toEqual([
      expect.objectContaining({ target: offer, role: 'voyageur', isPrimary: true }),
    ]);

    const undo = await api.post(undoPath(merged.meta.mergeId), {});
    expect(undo.status).toBe(200);
    expect(undo.body.meta).toMatchObject({ restored: [other], keptChanges: [] });
    expect(await snapshotOf(survivor)).toEqual(before.survivor);
    expect(await snapshotOf(other)).toEqual(before.other);
    expect(await contactCount()).toBe(count);

    const twice = await api.post(undoPath(merged.meta.mergeId), {});
    expect(twice.status).toBe(409);
    expect(errorCodes(twice.body as ErrorEnvelope)).toEqual(['mergeId: merge.alreadyUndone']);
  });

  it('merges the consent logs; newsletter follows the latest explicit event and is never true without one', async () => {
    const subscribed = await createContact({
      lastName: 'Abonnée',
      email: 'abonnee@example.fr',
      newsletter: true,
    });
    const silent = await createContact({ lastName: 'Silencieuse', email: 'silence@example.fr' });
    const merged = await mergeOk({ survivor: silent, merged: [subscribed] });
    expect(merged.data.newsletter).toBe(true);
    const events = (await snapshotOf(silent)).events;
    expect(events.map((event) => event.action)).toEqual(['set_by_api']);

    // later withdrawn, then merged with a never-subscribed contact: stays false
    expect((await api.put(`${CONTACTS}/${silent}`, { newsletter: false })).status).toBe(200);
    const third = await createContact({ lastName: 'Tierce', email: 'tierce@example.fr' });
    const again = await mergeOk({ survivor: third, merged: [silent] });
    expect(again.data.newsletter).toBe(false);
    expect((await snapshotOf(third)).events.map((event) => event.newsletter)).toEqual([true, false]);

    // two contacts with no consent event: false
    const a = await createContact({ lastName: 'Sans', email: 'sans1@example.fr' });
    const b = await createContact({ lastName: 'Sans', email: 'sans2@example.fr' });
    expect((await mergeOk({ survivor: a, merged: [b] })).data.newsletter).toBe(false);
  });

  it('keeps the e-mails not kept as aliases: found by search, matched by sign-ups and imports, refused to new contacts', async () => {
    const survivor = await createContact({ firstName: 'Paul', lastName: 'Martin', email: 'paul@martin.fr' });
    const other = await createContact({ firstName: 'Paul', lastName: 'Martin', email: 'Paul.Old@Orange.fr' });
    const { meta } = await mergeOk({ survivor, merged: [other], values: { email: survivor } });

    const found = await api.get(`${CONTACTS}?q=${encodeURIComponent('paul.old@orange')}`);
    expect(found.status).toBe(200);
    expect(found.body.data.map((contact: { documentId: string }) => contact.documentId)).toEqual([survivor]);

    const refused = await api.post(CONTACTS, { lastName: 'Autre', email: 'PAUL.OLD@orange.fr' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0]).toMatchObject({
      path: ['email'],
      code: 'email.taken',
      values: { documentId: survivor },
    });

    const count = await contactCount();
    const signUp = await signUpAndProcess(app, {
      email: 'paul.old@orange.fr',
      consentTextVersion: 'v1',
      source: 'site',
      locale: 'fr',
    });
    expect(signUp.status).toBeLessThan(300);
    expect(await contactCount()).toBe(count);
    expect((await snapshotOf(survivor)).events.map((event) => event.action)).toContain('requested');

    const file = Buffer.from('email;ville\npaul.old@orange.fr;Nantes\n');
    const upload = await request(app.baseUrl)
      .post('/api/caladeo-contacts/imports')
      .set('Authorization', `Bearer ${await createApiToken(app.strapi, 'full-access')}`)
      .field('mode', 'upsert')
      .attach('file', file, 'contacts.csv');
    expect(upload.status).toBe(202);
    await jobRunner(app).drain();
    expect(await contactCount()).toBe(count);
    const updated = await api.get(`${CONTACTS}/${survivor}`);
    expect(updated.body.data).toMatchObject({ city: 'Nantes', email: 'paul@martin.fr' });

    // undone, the address is the merged contact's own again
    expect((await api.post(undoPath(meta.mergeId), {})).status).toBe(200);
    expect((await api.get(`${CONTACTS}/${other}`)).body.data.email).toBe('paul.old@orange.fr');
    const afterUndo = await api.get(`${CONTACTS}?q=${encodeURIComponent('paul.old@orange')}`);
    expect(afterUndo.body.data.map((contact: { documentId: string }) => contact.documentId)).toEqual([other]);
  });

  it('keeps on undo a survivor field changed since the merge, and reports it', async () => {
    const survivor = await createContact({ lastName: 'Durand', email: 'durand@example.fr' });
    const other = await createContact({
      lastName: 'Durand',
      email: 'durand2@example.fr',
      city: 'Lyon',
      phone: '+33611111111',
    });
    const { meta } = await mergeOk({ survivor, merged: [other] });
    expect((await api.put(`${CONTACTS}/${survivor}`, { city: 'Nice' })).status).toBe(200);
    const undo = await api.post(undoPath(meta.mergeId), {});
    expect(undo.status).toBe(200);
    expect(undo.body.meta.keptChanges).toEqual([{ field: 'city', value: 'Nice' }]);
    expect(undo.body.data).toMatchObject({ city: 'Nice', phone: null });
    expect((await api.get(`${CONTACTS}/${other}`)).body.data).toMatchObject({
      city: 'Lyon',
      phone: '+33611111111',
    });
  });

  it('shows the merge, and its undo, in the history of the survivor and of the merged contact', async () => {
    const survivor = await createContact({ lastName: 'Fabre', email: 'fabre@example.fr' });
    const other = await createContact({ lastName: 'Fabre', email: 'fabre2@example.fr', city: 'Albi' });
    const { meta } = await mergeOk({ survivor, merged: [other] });
    type Entry = { action: string; actor: { type: string }; changes: Record<string, unknown> };
    const historyOf = async (documentId: string) => {
      const response = await api.get(`${CONTACTS}/${documentId}/history`);
      expect(response.status).toBe(200);
      return response.body.data as Entry[];
    };
    const [merged] = await historyOf(survivor);
    expect(merged).toMatchObject({
      action: 'merge',
      actor: { type: 'api_token' },
      changes: {
        city: { before: null, after: 'Albi' },
        mergedContacts: { before: null, after: [other] },
      },
    });
    expect((await historyOf(other))[0]).toMatchObject({
      action: 'merge',
      changes: { mergedInto: { before: null, after: survivor } },
    });

    expect((await api.post(undoPath(meta.mergeId), {})).status).toBe(200);
    expect((await historyOf(survivor))[0]).toMatchObject({
      action: 'unmerge',
      changes: { city: { before: 'Albi', after: null }, mergedContacts: { before: [other], after: null } },
    });
    expect((await historyOf(other))[0]).toMatchObject({ action: 'unmerge' });
  });

  it('refuses an undo after the undo period with 410', async () => {
    const survivor = await createContact({ lastName: 'Ancien', email: 'ancien1@example.fr' });
    const other = await createContact({ lastName: 'Ancien', email: 'ancien2@example.fr' });
    const { meta } = await mergeOk({ survivor, merged: [other] });
    await app.strapi.db.query(UID.contactMerge).update({
      where: { documentId: meta.mergeId },
      data: { mergedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) },
    });
    const late = await api.post(undoPath(meta.mergeId), {});
    expect(late.status).toBe(410);
    expect(errorCodes(late.body as ErrorEnvelope)).toEqual(['mergeId: merge.expired']);
    expect((await api.get(`${CONTACTS}/${other}`)).status).toBe(404);
  });

  it('lets exactly one of two overlapping merges run', async () => {
    const a = await createContact({ lastName: 'Course', email: 'course-a@example.fr' });
    const b = await createContact({ lastName: 'Course', email: 'course-b@example.fr' });
    const c = await createContact({ lastName: 'Course', email: 'course-c@example.fr' });
    const answers = await Promise.all([
      merge({ survivor: a, merged: [b] }),
      merge({ survivor: c, merged: [b] }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409) as request.Response;
    expect(errorCodes(refused.body as ErrorEnvelope)).toEqual(['merged.0: merge.alreadyMerged']);
    expect((await api.get(`${CONTACTS}/${b}`)).status).toBe(404);
    expect((await api.get(`${CONTACTS}/${a}`)).status).toBe(200);
    expect((await api.get(`${CONTACTS}/${c}`)).status).toBe(200);
  });
});

describe('refusals write nothing', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await createContact({ lastName: 'Refus', email: 'refus-a@example.fr' });
    b = await createContact({ lastName: 'Refus', email: 'refus-b@example.fr' });
  });

  it.each([
    ['a contact merged with itself', () => ({ survivor: a, merged: [a] }), ['merged.0: merge.self']],
    ['fewer than 2 contacts', () => ({ survivor: a, merged: [] }), ['merged: merge.tooFew']],
    [
      'more than 5 contacts',
      () => ({ survivor: a, merged: ['x1', 'x2', 'x3', 'x4', 'x5'] }),
      ['merged: merge.tooMany'],
    ],
    [
      'a field not in the catalogue',
      () => ({ survivor: a, merged: [b], values: { shoeSize: a } }),
      ['values.shoeSize: merge.unknownField'],
    ],
    [
      'a documentId outside the merge',
      () => ({ survivor: a, merged: [b], values: { city: 'zzz' } }),
      ['values.city: merge.notInSet'],
    ],
    [
      'newsletter chosen by hand',
      () => ({ survivor: a, merged: [b], values: { newsletter: b } }),
      ['values.newsletter: merge.newsletterFollowsConsent'],
    ],
    ['an unknown key', () => ({ survivor: a, merged: [b], extra: 1 }), ['extra: field.notAllowed']],
    [
      'a malformed documentId',
      () => ({ survivor: 'Not An Id', merged: [b] }),
      ['survivor: documentId.invalid'],
    ],
  ])('refuses %s with 400', async (_name, body, codes) => {
    const count = await contactCount();
    const response = await merge(body());
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(errorCodes(response.body as ErrorEnvelope)).toEqual(codes);
    expect(await contactCount()).toBe(count);
  });

  it('answers 404 naming an unknown contact, and 409 for one already merged', async () => {
    const unknown = await merge({ survivor: a, merged: ['nosuchcontact0000000000'] });
    expect(unknown.status).toBe(404);
    expect(errorCodes(unknown.body as ErrorEnvelope)).toEqual(['merged.0: merge.contactNotFound']);
    const survivor = await createContact({
      firstName: 'Hélène',
      lastName: 'Déjà',
      email: 'deja-a@example.fr',
    });
    const gone = await createContact({ lastName: 'Déjà', email: 'deja-b@example.fr' });
    await mergeOk({ survivor, merged: [gone], values: { email: survivor } });
    const again = await merge({ survivor: a, merged: [gone] });
    expect(again.status).toBe(409);
    const refusal = again.body.error.details.errors[0];
    // the person kept, as the user knows her; the documentId stays for the link to her record
    expect(refusal).toMatchObject({
      path: ['merged', '0'],
      code: 'merge.alreadyMerged',
      values: { survivor: 'Hélène Déjà (deja-a@example.fr)', documentId: survivor },
      message: `merged.0 was already merged into Hélène Déjà (deja-a@example.fr), whose documentId is ${survivor}`,
    });
    expect(inAdmin(refusal, 'fr')).toBe(
      'Cette fiche a déjà été fusionnée : la fiche conservée est Hélène Déjà (deja-a@example.fr)'
    );
    expect(inAdmin(refusal, 'en')).toBe(
      'This record was already merged: the record kept is Hélène Déjà (deja-a@example.fr)'
    );
    expect((await api.post(undoPath('nosuchmerge000000000000'), {})).status).toBe(404);
  });
});

describe('who may merge', () => {
  it('needs the content-API scopes: anonymous and read-only tokens are refused', async () => {
    const a = await createContact({ lastName: 'Droits', email: 'droits-a@example.fr' });
    const b = await createContact({ lastName: 'Droits', email: 'droits-b@example.fr' });
    const anonymous = await request(app.baseUrl)
      .post(MERGE)
      .send({ data: { survivor: a, merged: [b] } });
    expect(anonymous.status).toBe(403);
    const invalid = await merge({ survivor: a, merged: [b] }, restClient(app, 'not-a-token'));
    expect(invalid.status).toBe(401);
    const readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
    expect((await merge({ survivor: a, merged: [b] }, readOnly)).status).toBe(403);
    expect((await readOnly.post(`${MERGE}?preview=true`, { survivor: a, merged: [b] })).status).toBe(403);
    const { meta } = await mergeOk({ survivor: a, merged: [b] });
    expect((await readOnly.post(undoPath(meta.mergeId), {})).status).toBe(403);
    const custom = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact-merges.undo'])
    );
    expect((await custom.post(undoPath(meta.mergeId), {})).status).toBe(200);
  });

  it('guards the admin routes with contacts.merge', async () => {
    const a = await createContact({ lastName: 'Admin', email: 'admin-a@example.fr' });
    const b = await createContact({ lastName: 'Admin', email: 'admin-b@example.fr' });
    const reader = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['contacts.update']])
    );
    expect((await reader.post('/contacts/merge', { data: { survivor: a, merged: [b] } })).status).toBe(403);
    expect(
      (await adminClient(app).post('/contacts/merge', { data: { survivor: a, merged: [b] } })).status
    ).toBe(401);
    const merger = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['contacts.merge']])
    );
    const preview = await merger.post('/contacts/merge?preview=true', { data: { survivor: a, merged: [b] } });
    expect(preview.status).toBe(200);
    const merged = await merger.post('/contacts/merge', { data: { survivor: a, merged: [b] } });
    expect(merged.status).toBe(200);
    expect(merged.body.data).toMatchObject({ documentId: a });
    const stored = (await app.strapi.db
      .query(UID.contactMerge)
      .findOne({ where: { documentId: merged.body.meta.mergeId } })) as {
      mergedByKind: string;
      mergedById: string;
    };
    expect(stored).toMatchObject({ mergedByKind: 'admin_user', mergedById: expect.any(String) });
    expect((await reader.post(`/merges/${merged.body.meta.mergeId}/undo`, {})).status).toBe(403);
    expect((await merger.post(`/merges/${merged.body.meta.mergeId}/undo`, {})).status).toBe(200);
  });
});
