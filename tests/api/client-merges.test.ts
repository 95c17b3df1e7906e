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
  errorCodes,
  restClient,
  type ErrorEnvelope,
  type RestClient,
} from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
const MERGE = `${CLIENTS}/merge`;
const CHECK = `${CLIENTS}/duplicates/check`;
const undoPath = (mergeId: string) => `${CLIENTS}/merges/${mergeId}/undo`;

/**
 * Client links whose private pair key no longer names their contact, client and role: the unique
 * index that refuses a role twice would then guard the wrong pair.
 */
const staleLinkKeys = async () => {
  const result = (await app.strapi.db.connection.raw(
    `SELECT l.id FROM caladeo_client_contacts l
       JOIN caladeo_client_contacts_contact_lnk cj ON cj.client_contact_id = l.id
       JOIN caladeo_contacts c ON c.id = cj.contact_id
       JOIN caladeo_client_contacts_client_lnk tj ON tj.client_contact_id = l.id
       JOIN caladeo_clients t ON t.id = tj.client_id
      WHERE l.pair_key IS NULL OR l.pair_key <> c.document_id || ':' || t.document_id || ':' || l.role`
  )) as { rows: unknown[] } | unknown[];
  // PostgreSQL answers { rows }, SQLite the rows themselves
  return Array.isArray(result) ? result : result.rows;
};

let api: RestClient;
let sequence = 0;

const createClient = async (data: Record<string, unknown>) => {
  const response = await api.post(CLIENTS, { type: 'company', ...data });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const createContact = async (lastName: string) => {
  const response = await api.post(CONTACTS, {
    lastName,
    email: `${lastName.toLowerCase()}-${process.pid}-${++sequence}@example.fr`,
  });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const createOffer = async (client: string) => {
  const response = await api.post(OFFERS, {
    title: `Séjour ${++sequence}`,
    reference: `CM-${process.pid}-${sequence}`,
    client,
  });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const link = async (client: string, contact: string, role: string, isPrimary = false) => {
  const response = await api.post(CLIENT_CONTACTS, { client, contact, role, isPrimary });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
/** Makes a client the most recently updated one (the merge proposes its values). */
const touch = async (client: string, data: Record<string, unknown>) => {
  await new Promise((resolve) => setTimeout(resolve, 15));
  expect((await api.put(`${CLIENTS}/${client}`, data)).status).toBe(200);
};

/** Everything a client is, as stored: its row, its contact links and its offers, and its contacts' search text. */
const snapshotOf = async (documentId: string) => {
  const { strapi } = app;
  const client = await strapi.db.query(UID.client).findOne({ where: { documentId } });
  const links = (
    (await strapi.db.query(UID.clientContact).findMany({
      where: { client: { documentId } },
      populate: { contact: { select: ['documentId', 'searchText'] } },
      orderBy: { id: 'asc' },
    })) as Record<string, unknown>[]
  ).map((row) => ({
    id: row.id,
    documentId: row.documentId,
    role: row.role,
    isPrimary: row.isPrimary,
    primaryOf: row.primaryOf,
    contact: row.contact,
  }));
  const offers = (
    (await strapi.db.query(UID.offer).findMany({
      select: ['documentId'],
      where: { client: { documentId } },
      orderBy: { id: 'asc' },
    })) as { documentId: string }[]
  ).map((offer) => offer.documentId);
  return { client, links, offers };
};

const merge = (data: Record<string, unknown>, client: RestClient = api) => client.post(MERGE, data);
const mergeOk = async (data: Record<string, unknown>) => {
  const response = await merge(data);
  expect(response.status).toBe(200);
  return response.body as { data: Record<string, unknown>; meta: { mergeId: string } };
};
const clientCount = () => app.strapi.db.query(UID.client).count();
const linkCount = () => app.strapi.db.query(UID.clientContact).count();

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

describe('likely duplicate clients', () => {
  type Found = { client: { documentId: string; name: string }; score: number; reasons: string[] };
  const reasonsBy = (body: { data: Found[] }) =>
    Object.fromEntries(body.data.map((found) => [found.client.documentId, found.reasons]));
  let dupont: string;
  let dupontLyon: string;
  let amis: string;

  beforeAll(async () => {
    dupont = await createClient({
      name: 'SARL Voyages Dupont',
      siret: '44332211000018',
      city: 'Saint-Étienne',
      country: 'FR',
    });
    dupontLyon = await createClient({ name: 'Voyages Dupont', city: 'Lyon' });
    amis = await createClient({ name: 'Association Les Amis du Rail', city: 'Nantes', type: 'association' });
  });

  it('finds the same SIRET however it is typed, and the same name in the same town, legal forms aside', async () => {
    const response = await api.post(CHECK, {
      name: 'Voyages Dupont SAS',
      siret: '443 322 110 00018',
      city: 'St Etienne',
    });
    expect(response.status).toBe(200);
    expect(reasonsBy(response.body)).toEqual({ [dupont]: ['siret', 'nameAndCity'] });
    expect(response.body.data[0]).toMatchObject({
      client: { documentId: dupont, name: 'SARL Voyages Dupont', city: 'Saint-Étienne' },
      score: 0.99,
    });

    const bySiret = await api.post(CHECK, { name: 'Autre nom', siret: '44332211000018' });
    expect(reasonsBy(bySiret.body)).toEqual({ [dupont]: ['siret'] });
    const byName = await api.post(CHECK, { name: 'LES AMIS DU RAIL', city: 'nantes' });
    expect(reasonsBy(byName.body)).toEqual({ [amis]: ['nameAndCity'] });
  });

  it('says nothing of a namesake in another town, and leaves out the client being edited', async () => {
    const response = await api.post(CHECK, { name: 'Voyages Dupont', city: 'Marseille' });
    expect(response.body.data).toEqual([]);
    const edited = await api.post(CHECK, { documentId: dupontLyon, name: 'Voyages Dupont' });
    expect(edited.body.data).toEqual([]);
    // a SIRET still being typed is left out of the comparison, not refused
    const typing = await api.post(CHECK, { name: 'Voyages Dupont', city: 'Lyon', siret: '4433' });
    expect(typing.status).toBe(200);
    expect(reasonsBy(typing.body)).toEqual({ [dupontLyon]: ['nameAndCity'] });
  });

  it("lists a stored client's own likely duplicates", async () => {
    const copy = await createClient({ name: 'Les amis du rail', city: 'Nantes' });
    const response = await api.get(`${CLIENTS}/${copy}/duplicates`);
    expect(response.status).toBe(200);
    expect(reasonsBy(response.body)).toEqual({ [amis]: ['nameAndCity'] });
  });

  it('refuses keys that are not client fields and malformed ids, and answers 404 for an unknown client', async () => {
    const before = await clientCount();
    const unknown = await api.post(CHECK, { name: 'X', firstName: 'Y' });
    expect(unknown.status).toBe(400);
    expect(errorCodes(unknown.body as ErrorEnvelope)).toEqual(['firstName: field.notAllowed']);
    const badId = await api.post(CHECK, { documentId: 'Not An Id' });
    expect(badId.status).toBe(400);
    expect(errorCodes(badId.body as ErrorEnvelope)).toEqual(['documentId: documentId.invalid']);
    expect((await api.post(CHECK, { documentId: 'nosuchclient' })).status).toBe(404);
    expect((await api.get(`${CLIENTS}/nosuchclient/duplicates`)).status).toBe(404);
    expect((await api.get(`${CLIENTS}/Not%20An%20Id/duplicates`)).status).toBe(400);
    expect(await clientCount()).toBe(before);
  });

  it('is open to read-only tokens and admins who may read clients, closed to others', async () => {
    expect((await restClient(app).post(CHECK, { name: 'X' })).status).toBe(403);
    expect((await restClient(app, 'not-a-token').post(CHECK, { name: 'X' })).status).toBe(401);
    const contactsOnly = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact-duplicates.find'])
    );
    expect((await contactsOnly.post(CHECK, { name: 'X' })).status).toBe(403);
    const readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
    expect((await readOnly.post(CHECK, { name: 'Voyages Dupont', city: 'Lyon' })).status).toBe(200);
    expect((await readOnly.get(`${CLIENTS}/${dupont}/duplicates`)).status).toBe(200);

    const reader = adminClient(app, await adminTokenWithActions(app, [ACTION['clients.read']]));
    const answered = await reader.post('/clients/duplicates/check', {
      data: { name: 'Voyages Dupont', city: 'Lyon' },
    });
    expect(answered.status).toBe(200);
    expect(reasonsBy(answered.body)).toEqual({ [dupontLyon]: ['nameAndCity'] });
    expect((await reader.get(`/clients/${dupont}/duplicates`)).status).toBe(200);
    const contactReader = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.read']]));
    expect((await contactReader.post('/clients/duplicates/check', { data: {} })).status).toBe(403);
    expect((await contactReader.get(`/clients/${dupont}/duplicates`)).status).toBe(403);
    expect((await adminClient(app).post('/clients/duplicates/check', { data: {} })).status).toBe(401);
  });
});

describe('merging clients', () => {
  it('previews without writing, then moves links and offers, collapses roles, keeps one primary, and undo restores all of it', async () => {
    const survivor = await createClient({ name: 'Voyages Alpha', city: 'Lyon', siret: '55443322110004' });
    const other = await createClient({ name: 'Voyages Alpha SARL', city: 'Lyon', country: 'FR' });
    const third = await createClient({ name: 'VOYAGES ALPHA', city: 'Lyon' });
    const [marie, paul, jeanne] = [
      await createContact('Marie'),
      await createContact('Paul'),
      await createContact('Jeanne'),
    ];
    await link(survivor, marie, 'president', true);
    await link(other, marie, 'president'); // collapses into the survivor's
    await link(other, marie, 'payeur');
    await link(other, paul, 'payeur', true); // a second primary: the survivor's wins
    await link(third, jeanne, 'voyageur', true);
    await link(third, paul, 'payeur'); // collapses with other's, the oldest kept
    const offerOfOther = await createOffer(other);
    const offerOfThird = await createOffer(third);
    const offerOfSurvivor = await createOffer(survivor);
    await touch(other, { phone: '04 78 00 00 00', email: 'alpha@example.fr' });

    const before = {
      survivor: await snapshotOf(survivor),
      other: await snapshotOf(other),
      third: await snapshotOf(third),
    };
    const [clients, links] = [await clientCount(), await linkCount()];

    const preview = await api.post(`${MERGE}?preview=true`, { survivor, merged: [other, third] });
    expect(preview.status).toBe(200);
    expect(preview.body.meta).toEqual({ preview: true });
    const fields = Object.fromEntries(
      (
        preview.body.data.fields as { field: string; proposed: string; value: unknown; values: unknown[] }[]
      ).map((entry) => [entry.field, entry])
    );
    // other was updated last: its non-empty values are proposed; the survivor keeps the rest
    expect(fields.phone).toMatchObject({ proposed: other, value: '+33478000000' });
    expect(fields.siret).toMatchObject({ proposed: survivor, value: '55443322110004' });
    expect(fields.name).toMatchObject({ proposed: other, value: 'Voyages Alpha SARL' });
    expect(fields.name.values).toEqual([
      { documentId: survivor, value: 'Voyages Alpha' },
      { documentId: other, value: 'Voyages Alpha SARL' },
      { documentId: third, value: 'VOYAGES ALPHA' },
    ]);
    const previewLinks = (
      preview.body.data.links as { contact: { documentId: string }; role: string; isPrimary: boolean }[]
    )
      .map((entry) => `${entry.contact.documentId} ${entry.role} ${entry.isPrimary}`)
      .sort();
    const expectedLinks = [
      `${marie} president true`,
      `${marie} payeur false`,
      `${paul} payeur false`,
      `${jeanne} voyageur false`,
    ].sort();
    expect(previewLinks).toEqual(expectedLinks);
    expect(preview.body.data.removedLinks).toHaveLength(2);
    expect(
      (preview.body.data.offers as { documentId: string }[]).map((offer) => offer.documentId).sort()
    ).toEqual([offerOfOther, offerOfThird].sort());
    // nothing written
    expect(await snapshotOf(survivor)).toEqual(before.survivor);
    expect(await snapshotOf(other)).toEqual(before.other);
    expect(await snapshotOf(third)).toEqual(before.third);
    expect([await clientCount(), await linkCount()]).toEqual([clients, links]);

    const merged = await mergeOk({ survivor, merged: [other, third], values: { name: survivor } });
    expect(merged.data).toMatchObject({
      documentId: survivor,
      name: 'Voyages Alpha',
      phone: '+33478000000',
      email: 'alpha@example.fr',
      siret: '55443322110004',
    });
    expect(merged.data).not.toHaveProperty('searchText');
    expect(merged.data).not.toHaveProperty('nameKey');
    expect(await clientCount()).toBe(clients - 2);
    expect(await linkCount()).toBe(links - 2);
    expect((await api.get(`${CLIENTS}/${other}`)).status).toBe(404);
    expect((await api.get(`${CLIENTS}/${third}`)).status).toBe(404);

    const after = await snapshotOf(survivor);
    expect(
      after.links
        .map(
          (entry) =>
            `${(entry.contact as { documentId: string }).documentId} ${entry.role} ${entry.isPrimary}`
        )
        .sort()
    ).toEqual(expectedLinks);
    expect(after.links.filter((entry) => entry.isPrimary)).toEqual([
      expect.objectContaining({ primaryOf: survivor }),
    ]);
    expect(after.links.filter((entry) => entry.primaryOf !== null)).toHaveLength(1);
    expect([...after.offers].sort()).toEqual([offerOfSurvivor, offerOfOther, offerOfThird].sort());
    const offer = await api.get(`${OFFERS}/${offerOfThird}?populate=client`);
    expect(offer.body.data.client).toMatchObject({ documentId: survivor });
    expect(await staleLinkKeys()).toEqual([]);

    const undo = await api.post(undoPath(merged.meta.mergeId), {});
    expect(undo.status).toBe(200);
    expect(undo.body.data).toMatchObject({ documentId: survivor, name: 'Voyages Alpha', phone: null });
    expect(undo.body.meta).toMatchObject({
      mergeId: merged.meta.mergeId,
      restored: [other, third],
      keptChanges: [],
    });
    expect(await snapshotOf(survivor)).toEqual(before.survivor);
    expect(await snapshotOf(other)).toEqual(before.other);
    expect(await snapshotOf(third)).toEqual(before.third);
    expect([await clientCount(), await linkCount()]).toEqual([clients, links]);
    expect(await staleLinkKeys()).toEqual([]);

    const twice = await api.post(undoPath(merged.meta.mergeId), {});
    expect(twice.status).toBe(409);
    expect(errorCodes(twice.body as ErrorEnvelope)).toEqual(['mergeId: merge.alreadyUndone']);
  });

  it('gives a survivor without a primary contact the one of the most recently updated merged client', async () => {
    const survivor = await createClient({ name: 'Club Beta', city: 'Tours' });
    const older = await createClient({ name: 'Club Beta', city: 'Tours' });
    const newer = await createClient({ name: 'Club Beta', city: 'Tours' });
    const [a, b, c] = [
      await createContact('Aline'),
      await createContact('Bruno'),
      await createContact('Chloe'),
    ];
    await link(survivor, a, 'voyageur');
    await link(older, b, 'president', true);
    await link(newer, c, 'president', true);
    await touch(newer, { notes: 'mis à jour' });
    const preview = await api.post(`${MERGE}?preview=true`, { survivor, merged: [older, newer] });
    expect(
      (preview.body.data.links as { contact: { documentId: string }; isPrimary: boolean }[])
        .filter((entry) => entry.isPrimary)
        .map((entry) => entry.contact.documentId)
    ).toEqual([c]);
    await mergeOk({ survivor, merged: [older, newer] });
    const after = await snapshotOf(survivor);
    expect(
      after.links
        .filter((entry) => entry.isPrimary)
        .map((entry) => (entry.contact as { documentId: string }).documentId)
    ).toEqual([c]);
    expect(after.links).toHaveLength(3);
  });

  it('records the merge and its undo in the history of the survivor and of the merged client', async () => {
    const survivor = await createClient({ name: 'Gamma', city: 'Albi' });
    const other = await createClient({ name: 'Gamma', city: 'Albi', phone: '05 63 00 00 00' });
    const { meta } = await mergeOk({ survivor, merged: [other] });
    type Entry = { action: string; actor: { type: string }; changes: Record<string, unknown> };
    const historyOf = async (documentId: string) => {
      const response = await api.get(`${CLIENTS}/${documentId}/history`);
      expect(response.status).toBe(200);
      return response.body.data as Entry[];
    };
    expect((await historyOf(survivor))[0]).toMatchObject({
      action: 'merge',
      actor: { type: 'api_token' },
      changes: {
        phone: { before: null, after: '+33563000000' },
        mergedClients: { before: null, after: [other] },
      },
    });
    expect((await historyOf(other))[0]).toMatchObject({
      action: 'merge',
      changes: { mergedInto: { before: null, after: survivor } },
    });
    expect((await api.post(undoPath(meta.mergeId), {})).status).toBe(200);
    expect((await historyOf(survivor))[0]).toMatchObject({
      action: 'unmerge',
      changes: {
        phone: { before: '+33563000000', after: null },
        mergedClients: { before: [other], after: null },
      },
    });
    expect((await historyOf(other))[0]).toMatchObject({ action: 'unmerge' });
  });

  it('keeps on undo a survivor field changed since the merge, and reports it', async () => {
    const survivor = await createClient({ name: 'Delta', city: 'Pau' });
    const other = await createClient({ name: 'Delta', city: 'Pau', phone: '05 59 00 00 00' });
    const { meta } = await mergeOk({ survivor, merged: [other] });
    expect((await api.put(`${CLIENTS}/${survivor}`, { city: 'Bayonne' })).status).toBe(200);
    const undo = await api.post(undoPath(meta.mergeId), {});
    expect(undo.status).toBe(200);
    expect(undo.body.meta.keptChanges).toEqual([{ field: 'city', value: 'Bayonne' }]);
    expect(undo.body.data).toMatchObject({ city: 'Bayonne', phone: null });
    expect((await api.get(`${CLIENTS}/${other}`)).body.data).toMatchObject({
      city: 'Pau',
      phone: '+33559000000',
    });
  });

  it('refuses an undo after the undo period with 410, and a contact merge’s id with 404', async () => {
    const survivor = await createClient({ name: 'Epsilon' });
    const other = await createClient({ name: 'Epsilon' });
    const { meta } = await mergeOk({ survivor, merged: [other] });
    await app.strapi.db.query(UID.clientMerge).update({
      where: { documentId: meta.mergeId },
      data: { mergedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) },
    });
    const late = await api.post(undoPath(meta.mergeId), {});
    expect(late.status).toBe(410);
    expect(errorCodes(late.body as ErrorEnvelope)).toEqual(['mergeId: merge.expired']);
    expect((await api.get(`${CLIENTS}/${other}`)).status).toBe(404);
    // the contacts' undo route knows nothing of client merges
    expect((await api.post(`/api/caladeo-contacts/merges/${meta.mergeId}/undo`, {})).status).toBe(404);
  });

  it('lets exactly one of two overlapping merges run', async () => {
    const a = await createClient({ name: 'Course' });
    const b = await createClient({ name: 'Course' });
    const c = await createClient({ name: 'Course' });
    await link(b, await createContact('Coureur'), 'payeur', true);
    await createOffer(b);
    const answers = await Promise.all([
      merge({ survivor: a, merged: [b] }),
      merge({ survivor: c, merged: [b] }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409) as request.Response;
    expect(errorCodes(refused.body as ErrorEnvelope)).toEqual(['merged.0: merge.alreadyMerged']);
    const winner = answers.find((answer) => answer.status === 200)?.body.data.documentId as string;
    const loser = winner === a ? c : a;
    expect((await api.get(`${CLIENTS}/${b}`)).status).toBe(404);
    expect((await snapshotOf(winner)).links).toHaveLength(1);
    expect((await snapshotOf(winner)).offers).toHaveLength(1);
    expect(await snapshotOf(loser)).toMatchObject({ links: [], offers: [] });
  });
});

describe('refusals write nothing', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await createClient({ name: 'Refus' });
    b = await createClient({ name: 'Refus' });
  });

  it.each([
    ['a client merged with itself', () => ({ survivor: a, merged: [a] }), ['merged.0: merge.self']],
    ['the same client twice', () => ({ survivor: a, merged: [b, b] }), ['merged.1: merge.repeated']],
    ['fewer than 2 clients', () => ({ survivor: a, merged: [] }), ['merged: merge.tooFew']],
    [
      'more than 5 clients',
      () => ({ survivor: a, merged: ['x1', 'x2', 'x3', 'x4', 'x5'] }),
      ['merged: merge.tooMany'],
    ],
    [
      'a field not in the client catalogue',
      () => ({ survivor: a, merged: [b], values: { firstName: a } }),
      ['values.firstName: merge.unknownField'],
    ],
    [
      'a documentId outside the merge',
      () => ({ survivor: a, merged: [b], values: { city: 'zzz' } }),
      ['values.city: merge.notInSet'],
    ],
    ['an unknown key', () => ({ survivor: a, merged: [b], extra: 1 }), ['extra: field.notAllowed']],
    [
      'a malformed documentId',
      () => ({ survivor: 'Not An Id', merged: [b] }),
      ['survivor: documentId.invalid'],
    ],
  ])('refuses %s with 400', async (_name, body, codes) => {
    const before = [await clientCount(), await snapshotOf(a), await snapshotOf(b)];
    const response = await merge(body());
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(errorCodes(response.body as ErrorEnvelope)).toEqual(codes);
    expect([await clientCount(), await snapshotOf(a), await snapshotOf(b)]).toEqual(before);
  });

  it('refuses an unknown query parameter', async () => {
    const response = await api.post(`${MERGE}?dryRun=true`, { survivor: a, merged: [b] });
    expect(response.status).toBe(400);
    expect(await snapshotOf(b)).toMatchObject({ client: expect.objectContaining({ documentId: b }) });
  });

  it('answers 404 naming an unknown client, and 409 for one already merged', async () => {
    const count = await clientCount();
    const unknown = await merge({ survivor: a, merged: ['nosuchclient000000000000'] });
    expect(unknown.status).toBe(404);
    expect(errorCodes(unknown.body as ErrorEnvelope)).toEqual(['merged.0: merge.clientNotFound']);
    const contact = await createContact('Pasunclient');
    const notAClient = await merge({ survivor: contact, merged: [a] });
    expect(notAClient.status).toBe(404);
    expect(errorCodes(notAClient.body as ErrorEnvelope)).toEqual(['survivor: merge.clientNotFound']);
    expect(await clientCount()).toBe(count);

    const survivor = await createClient({ name: 'Amicale Déjà' });
    const gone = await createClient({ name: 'Amicale Déjà' });
    await mergeOk({ survivor, merged: [gone] });
    const again = await merge({ survivor: a, merged: [gone] });
    expect(again.status).toBe(409);
    const refusal = again.body.error.details.errors[0];
    expect(refusal).toMatchObject({
      path: ['merged', '0'],
      code: 'merge.alreadyMerged',
      values: { survivor: 'Amicale Déjà', documentId: survivor },
    });
    expect(inAdmin(refusal, 'fr')).toBe(
      'Cette fiche a déjà été fusionnée : la fiche conservée est Amicale Déjà'
    );
    expect(inAdmin(refusal, 'en')).toBe('This record was already merged: the record kept is Amicale Déjà');
    const noMerge = await api.post(undoPath('nosuchmerge000000000000'), {});
    expect(noMerge.status).toBe(404);
    expect(errorCodes(noMerge.body as ErrorEnvelope)).toEqual(['mergeId: merge.notFound']);
    expect((await api.post(undoPath('Not-An-Id'), {})).status).toBe(400);
  });
});

describe('who may merge clients', () => {
  it('needs the content-API scopes: anonymous and read-only tokens are refused', async () => {
    const a = await createClient({ name: 'Droits' });
    const b = await createClient({ name: 'Droits' });
    const body = { survivor: a, merged: [b] };
    expect((await request(app.baseUrl).post(MERGE).send({ data: body })).status).toBe(403);
    expect((await merge(body, restClient(app, 'not-a-token'))).status).toBe(401);
    const readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
    expect((await merge(body, readOnly)).status).toBe(403);
    expect((await readOnly.post(`${MERGE}?preview=true`, body)).status).toBe(403);
    const contactMerger = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact-merges.create'])
    );
    expect((await merge(body, contactMerger)).status).toBe(403);
    expect(await clientCount()).toBeGreaterThan(0);
    expect((await api.get(`${CLIENTS}/${b}`)).status).toBe(200);

    const merger = restClient(
      app,
      await createApiToken(app.strapi, 'custom', [
        'plugin::caladeo-contacts.client-merges.create',
        'plugin::caladeo-contacts.client.findOne',
      ])
    );
    const merged = await merge(body, merger);
    expect(merged.status).toBe(200);
    const { mergeId } = merged.body.meta as { mergeId: string };
    expect((await readOnly.post(undoPath(mergeId), {})).status).toBe(403);
    expect((await merger.post(undoPath(mergeId), {})).status).toBe(403);
    const undoer = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.client-merges.undo'])
    );
    expect((await undoer.post(undoPath(mergeId), {})).status).toBe(200);
  });

  it('guards the admin routes with clients.merge', async () => {
    const a = await createClient({ name: 'Admin' });
    const b = await createClient({ name: 'Admin' });
    const body = { data: { survivor: a, merged: [b] } };
    const editor = adminClient(
      app,
      await adminTokenWithActions(app, [
        ACTION['clients.read'],
        ACTION['clients.update'],
        ACTION['contacts.merge'],
      ])
    );
    expect((await editor.post('/clients/merge', body)).status).toBe(403);
    expect((await editor.post('/clients/merge?preview=true', body)).status).toBe(403);
    expect((await adminClient(app).post('/clients/merge', body)).status).toBe(401);
    const merger = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['clients.read'], ACTION['clients.merge']])
    );
    const preview = await merger.post('/clients/merge?preview=true', body);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toMatchObject({ survivor: a });
    const merged = await merger.post('/clients/merge', body);
    expect(merged.status).toBe(200);
    expect(merged.body.data).toMatchObject({ documentId: a });
    const stored = (await app.strapi.db
      .query(UID.clientMerge)
      .findOne({ where: { documentId: merged.body.meta.mergeId } })) as {
      mergedByKind: string;
      mergedById: string;
    };
    expect(stored).toMatchObject({ mergedByKind: 'admin_user', mergedById: expect.any(String) });
    const undo = `/clients/merges/${merged.body.meta.mergeId}/undo`;
    expect((await editor.post(undo, {})).status).toBe(403);
    expect((await adminClient(app).post(undo, {})).status).toBe(401);
    expect((await merger.post(undo, {})).status).toBe(200);
  });
});
