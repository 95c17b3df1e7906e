import { beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { adminClient, adminTokenWithActions, superAdminToken, type AdminClient } from '../helpers/admin';
import { errorCodes } from '../helpers/http';
import {
  contactsNamed as createContactsNamed,
  createClient,
  createOffer,
  linkToOffer,
} from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let admin: AdminClient;

beforeAll(async () => {
  admin = adminClient(app, await superAdminToken(app));
});

const contactsNamed = (lastName: string, count: number) => createContactsNamed(app.strapi, lastName, count);

const rolesOn = async (
  linkUid: typeof UID.offerContact | typeof UID.clientContact,
  field: string,
  target: string
) =>
  (await app.strapi.db.query(linkUid).findMany({
    select: ['role'],
    where: { [field]: { documentId: target } },
    populate: { contact: { select: ['documentId'] } },
  })) as Array<{ role: string; contact: { documentId: string } }>;

const MISSING_CONTACT = 'zzzzzzzzzzzzzzzzzzzzzzzz';

describe('POST /contacts/bulk/links', () => {
  it('gives every contact selected the role on the offer, skipping who already has it', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Voyageurbulk', 4);
    await linkToOffer(app.strapi, contacts[0] as string, offer, 'voyageur');

    const response = await admin.post('/contacts/bulk/links', {
      contacts: [...contacts, MISSING_CONTACT],
      target: 'offer',
      documentId: offer,
      role: 'voyageur',
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ attached: 3, already: 1, refused: 1 });
    expect(response.body.data.results).toEqual(
      expect.arrayContaining([
        { contact: contacts[0], status: 'already' },
        { contact: contacts[1], status: 'attached' },
        { contact: MISSING_CONTACT, status: 'refused', code: 'link.endNotFound' },
      ])
    );
    const links = await rolesOn(UID.offerContact, 'offer', offer);
    expect(links.map((link) => link.contact.documentId).sort()).toEqual([...contacts].sort());
    expect(links.every((link) => link.role === 'voyageur')).toBe(true);
  });

  it('attaches every result of a search to a client, and the client filter then finds them', async () => {
    const client = await createClient(app.strapi, { name: 'Comité d’entreprise Bulkon' });
    const contacts = await contactsNamed('Rechercheenmasse', 3);
    await contactsNamed('Autrenomdutout', 1);

    const response = await admin.post('/contacts/bulk/links', {
      search: { q: 'rechercheenmasse' },
      target: 'client',
      documentId: client,
      role: 'payeur',
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ attached: 3, already: 0, refused: 0 });

    const list = await admin.get(`/contacts?client=${client}&role=payeur`);
    expect(list.body.results.map((contact: { documentId: string }) => contact.documentId).sort()).toEqual(
      [...contacts].sort()
    );
  });

  it('answers 404 naming documentId for a target that does not exist, and writes nothing', async () => {
    const contacts = await contactsNamed('Sanscible', 1);
    const response = await admin.post('/contacts/bulk/links', {
      contacts,
      target: 'offer',
      documentId: MISSING_CONTACT,
      role: 'voyageur',
    });
    expect(response.status).toBe(404);
    expect(errorCodes(response.body)).toEqual(['documentId: link.endNotFound']);
  });

  it.each([
    ['an empty list', { contacts: [] }, ['contacts: bulk.empty']],
    ['no selection', {}, ['contacts: bulk.empty']],
    [
      'a contact that is not a documentId',
      { contacts: ['ok1', 'NOT AN ID'] },
      ['contacts.1: documentId.invalid'],
    ],
    [
      'both a list and a search',
      { contacts: ['abc'], search: { q: 'x' } },
      ['contacts: bulk.contactsOrSearch'],
    ],
    ['a bad filter in the search', { search: { country: 'France' } }, ['search.country: country.notAlpha2']],
    ['an unknown target', { contacts: ['abc'], target: 'invoice' }, ['target: choice.invalid']],
    ['a bad role', { contacts: ['abc'], role: 'chef' }, ['role: choice.invalid']],
    [
      'isPrimary, which a bulk attach cannot set',
      { contacts: ['abc'], isPrimary: true },
      ['isPrimary: field.notAllowed'],
    ],
  ])('refuses %s with a 400 naming the field', async (_case, override, codes) => {
    const offer = await createOffer(app.strapi);
    const before = await app.strapi.db.query(UID.offerContact).count();
    const response = await admin.post('/contacts/bulk/links', {
      target: 'offer',
      documentId: offer,
      role: 'voyageur',
      ...override,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(errorCodes(response.body)).toEqual(codes);
    expect(await app.strapi.db.query(UID.offerContact).count()).toBe(before);
  });
});

describe('POST /contacts/bulk/delete', () => {
  it('deletes nothing unless the count confirmed is the count selected', async () => {
    const contacts = await contactsNamed('Confirmezlenombre', 3);
    const response = await admin.post('/contacts/bulk/delete', { contacts, confirm: 2 });
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['confirm: bulk.countMismatch']);
    expect(response.body.error.details.errors[0].values).toEqual({ given: 2, count: 3 });
    expect(await app.strapi.db.query(UID.contact).count({ where: { documentId: { $in: contacts } } })).toBe(
      3
    );
  });

  it('deletes the contacts selected with their roles, and counts those already gone', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Supprimezmoi', 3);
    await linkToOffer(app.strapi, contacts[0] as string, offer, 'voyageur');
    const kept = await contactsNamed('Gardezmoi', 1);

    const response = await admin.post('/contacts/bulk/delete', {
      contacts: [...contacts, MISSING_CONTACT],
      confirm: 4,
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ deleted: 3, missing: 1 });
    expect(await app.strapi.db.query(UID.contact).count({ where: { documentId: { $in: contacts } } })).toBe(
      0
    );
    expect(await rolesOn(UID.offerContact, 'offer', offer)).toEqual([]);
    expect((await admin.get(`/contacts/${kept[0]}`)).status).toBe(200);
  });

  it('deletes every result of a search, the count confirmed being the number of results', async () => {
    await contactsNamed('Effacementgroupe', 2);
    const refused = await admin.post('/contacts/bulk/delete', {
      search: { q: 'effacementgroupe' },
      confirm: 5,
    });
    expect(errorCodes(refused.body)).toEqual(['confirm: bulk.countMismatch']);

    const response = await admin.post('/contacts/bulk/delete', {
      search: { q: 'effacementgroupe' },
      confirm: 2,
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ deleted: 2, missing: 0 });
    expect((await admin.get('/contacts?q=effacementgroupe')).body.results).toEqual([]);
  });

  it('refuses a confirmation that is not a count', async () => {
    const response = await admin.post('/contacts/bulk/delete', { contacts: ['abc'], confirm: 'oui' });
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['confirm: field.invalid']);
  });
});

describe('the export of a selection', () => {
  it('writes only the contacts named, in the list’s order', async () => {
    const contacts = await contactsNamed('Exportselection', 3);
    const response = await admin.get(
      `/contacts/export?format=csv&delimiter=,&columns=documentId,lastName&documentIds=${contacts[2]},${contacts[0]}`
    );
    expect(response.status).toBe(200);
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('documentId,lastName');
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort()
    ).toEqual([contacts[0], contacts[2]].sort());
  });

  it('refuses an id that is not a documentId with a 400 naming documentIds', async () => {
    const response = await admin.get('/contacts/export?documentIds=abc,NOT%20AN%20ID');
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['documentIds: documentId.invalid']);
  });
});

describe('who may run bulk actions', () => {
  it('lets a role holding contacts.update attach but not delete, and one holding contacts.delete delete but not attach', async () => {
    const offer = await createOffer(app.strapi);
    const [first, second] = await contactsNamed('Droitsdemasse', 2);
    const updater = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.update']]));
    const deleter = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.delete']]));
    const reader = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.read']]));
    const attach = { contacts: [first], target: 'offer', documentId: offer, role: 'voyageur' };
    const remove = { contacts: [second], confirm: 1 };

    expect((await adminClient(app).post('/contacts/bulk/links', attach)).status).toBe(401);
    expect((await adminClient(app).post('/contacts/bulk/delete', remove)).status).toBe(401);
    expect((await reader.post('/contacts/bulk/links', attach)).status).toBe(403);
    expect((await reader.post('/contacts/bulk/delete', remove)).status).toBe(403);
    expect((await deleter.post('/contacts/bulk/links', attach)).status).toBe(403);
    expect((await updater.post('/contacts/bulk/delete', remove)).status).toBe(403);
    expect(await app.strapi.db.query(UID.contact).count({ where: { documentId: second } })).toBe(1);

    expect((await updater.post('/contacts/bulk/links', attach)).body.data).toMatchObject({ attached: 1 });
    expect((await deleter.post('/contacts/bulk/delete', remove)).body.data).toEqual({
      deleted: 1,
      missing: 0,
    });
  });
});
