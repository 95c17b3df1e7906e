import { beforeAll, describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import {
  CONTACTS,
  errorCodes,
  errorPaths,
  restClient,
  type ErrorEnvelope,
  type RestClient,
} from '../helpers/http';
import { useStrapi } from '../helpers/strapi';
import { rawInput } from '../helpers/offers';

const app = useStrapi();
let api: RestClient;
const contactCount = () => app.strapi.db.query(UID.contact).count();

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

describe('creating a contact normalises every field', () => {
  it('stores trimmed names, a lower-cased e-mail, an E.164 phone, an ISO country and the département', async () => {
    const response = await api.post(CONTACTS, {
      firstName: '  Hélène ',
      lastName: 'Lefèvre   Martin',
      email: '  Helene.Lefevre@Example.FR ',
      phone: '06 12 34 56 78',
      country: 'France',
      postalCode: '33000',
      city: ' Bordeaux ',
    });

    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      firstName: 'Hélène',
      lastName: 'Lefèvre Martin',
      email: 'helene.lefevre@example.fr',
      phone: '+33612345678',
      country: 'FR',
      postalCode: '33000',
      region: 'Gironde',
      city: 'Bordeaux',
      gender: 'unspecified',
      newsletter: false,
      preferredLanguage: 'fr',
    });
    expect(response.body.data.documentId).toEqual(expect.any(String));
  });

  it.each([
    ['Belgique', 'BE'],
    ['germany', 'DE'],
    ['gb', 'GB'],
  ])('accepts the country %s as %s', async (country, code) => {
    const response = await api.post(CONTACTS, { lastName: `Pays ${code}`, country });
    expect(response.status).toBe(201);
    expect(response.body.data.country).toBe(code);
  });

  it('keeps a foreign number in its own country whatever the contact country', async () => {
    const response = await api.post(CONTACTS, {
      lastName: 'Peeters',
      country: 'FR',
      phone: '+32 470 12 34 56',
    });
    expect(response.status).toBe(201);
    expect(response.body.data.phone).toBe('+32470123456');
  });

  it('never returns the private search text', async () => {
    const response = await api.post(CONTACTS, { lastName: 'Privé', email: 'prive@example.fr' });
    expect(response.status).toBe(201);
    expect(response.body.data).not.toHaveProperty('searchText');
    const list = await api.get(`${CONTACTS}?filters[email][$eq]=prive@example.fr`);
    expect(list.body.data[0]).not.toHaveProperty('searchText');
  });

  it('refuses to filter on the private search text', async () => {
    const response = await api.get(`${CONTACTS}?filters[searchText][$contains]=prive`);
    expect(response.status).toBe(400);
  });
});

describe('a contact that breaks a rule is refused with 400 naming the field, and nothing is written', () => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['a malformed e-mail', { lastName: 'X', email: 'not-an-email' }, 'email', 'email.invalid'],
    ['an e-mail with spaces inside', { lastName: 'X', email: 'a b@example.fr' }, 'email', 'email.invalid'],
    ['an impossible phone', { lastName: 'X', phone: '06 12' }, 'phone', 'phone.invalidForCountry'],
    ['letters as a phone', { lastName: 'X', phone: 'call me' }, 'phone', 'phone.invalidForCountry'],
    ['an unknown country', { lastName: 'X', country: 'Atlantis' }, 'country', 'country.unknown'],
    [
      'a postal code invalid for France',
      { lastName: 'X', country: 'FR', postalCode: '3300' },
      'postalCode',
      'postalCode.invalidForCountry',
    ],
    [
      'a département contradicting the postal code',
      { lastName: 'X', country: 'FR', postalCode: '33000', region: 'Calvados' },
      'region',
      'postalCode.departementMismatch',
    ],
    ['an unknown gender', { lastName: 'X', gender: 'robot' }, 'gender', 'choice.invalid'],
    [
      'an unknown language',
      { lastName: 'X', preferredLanguage: 'klingon' },
      'preferredLanguage',
      'choice.invalid',
    ],
    ['a number as a name', { lastName: 42 }, 'lastName', 'text.notString'],
    ['an object as a name', { lastName: { $ne: null } }, 'lastName', 'text.notString'],
    ['an array as an e-mail', { lastName: 'X', email: ['a@example.fr'] }, 'email', 'text.notString'],
    ['a string as newsletter consent', { lastName: 'X', newsletter: 'yes' }, 'newsletter', 'boolean.invalid'],
    ['a 10,000-character last name', { lastName: 'a'.repeat(10_000) }, 'lastName', 'text.tooLong'],
    ['a NUL byte in a name', { lastName: 'Du\u0000pont' }, 'lastName', 'text.controlCharacters'],
    ['neither a last name nor an e-mail', { firstName: 'Solo' }, 'lastName', 'contact.nameOrEmailRequired'],
  ];

  it.each(cases)('%s', async (_label, data, field, code) => {
    const before = await contactCount();
    const response = await api.post(CONTACTS, data);
    const body = response.body as ErrorEnvelope;

    expect(response.status).toBe(400);
    expect(body.data).toBeNull();
    expect(body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(errorPaths(body)).toContainEqual([field]);
    expect(errorCodes(body)).toContainEqual(`${field}: ${code}`);
    expect(await contactCount()).toBe(before);
  });

  it('gives each field error a code and the values of its message, for clients that translate', async () => {
    const response = await api.post(CONTACTS, {
      lastName: 'X',
      email: 'helene@@exemple',
      city: 'c'.repeat(101),
      country: 'FR',
      postalCode: '01200',
      region: 'Gironde',
    });
    expect(response.status).toBe(400);
    expect((response.body as ErrorEnvelope).error.details?.errors).toEqual([
      {
        path: ['email'],
        code: 'email.invalid',
        values: {},
        message: 'email must be a valid e-mail address',
        name: 'ValidationError',
      },
      {
        path: ['city'],
        code: 'text.tooLong',
        values: { max: 100 },
        message: 'city must be at most 100 characters',
        name: 'ValidationError',
      },
      {
        path: ['region'],
        code: 'postalCode.departementMismatch',
        values: { postalCode: '01200', departements: ['Ain', 'Haute-Savoie'] },
        message: 'region does not match postal code 01200 (Ain or Haute-Savoie)',
        name: 'ValidationError',
      },
    ]);
  });

  it('gives a taken e-mail its own code', async () => {
    expect((await api.post(CONTACTS, { lastName: 'Premier', email: 'pris@example.fr' })).status).toBe(201);
    const response = await api.post(CONTACTS, { lastName: 'Second', email: 'PRIS@example.fr' });
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['email: email.taken']);
  });

  it('reports every failing field at once', async () => {
    const response = await api.post(CONTACTS, { lastName: 'X', email: 'nope', phone: '12', gender: 'robot' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual(expect.arrayContaining([['email'], ['phone'], ['gender']]));
  });

  it.each([
    ['data as an array', [{ lastName: 'X' }]],
    ['data as a string', 'lastName=X'],
    ['data as a number', 12],
  ])('refuses %s with a 4xx', async (_label, data) => {
    const before = await contactCount();
    const response = await api.post(CONTACTS, data);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await contactCount()).toBe(before);
  });

  it("refuses malformed JSON with a 400 naming the body, in Strapi's envelope", async () => {
    const before = await contactCount();
    const response = await api
      .raw('post', CONTACTS)
      .set('Content-Type', 'application/json')
      .send('{"data": {"lastName": "X"');
    expect(response.status).toBe(400);
    expect(errorPaths(response.body as ErrorEnvelope)).toEqual([['body']]);
    expect(errorCodes(response.body as ErrorEnvelope)).toEqual(['body: body.malformedJson']);
    expect(await contactCount()).toBe(before);
  });
});

describe('e-mail addresses are unique among contacts regardless of case', () => {
  it('refuses a second contact with the same address in other case', async () => {
    expect((await api.post(CONTACTS, { lastName: 'Durand', email: 'paul.durand@example.fr' })).status).toBe(
      201
    );
    const response = await api.post(CONTACTS, { lastName: 'Durand bis', email: 'Paul.DURAND@example.fr' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual([['email']]);
  });

  it('lets exactly one of 20 concurrent creates of one address win', async () => {
    const address = 'concurrent.jeanne@example.fr';
    const variants = Array.from({ length: 20 }, (_, index) =>
      [...address].map((char, position) => ((index >> position % 5) & 1 ? char.toUpperCase() : char)).join('')
    );
    const responses = await Promise.all(
      variants.map((email, index) => api.post(CONTACTS, { lastName: `Jeanne ${index}`, email }))
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(19);
    for (const refused of responses.filter((response) => response.status === 400)) {
      expect(errorPaths(refused.body)).toEqual([['email']]);
    }
    expect(await app.strapi.db.query(UID.contact).count({ where: { email: address } })).toBe(1);
  });

  it('lets a contact keep its own address on update', async () => {
    const created = await api.post(CONTACTS, { lastName: 'Garnier', email: 'garnier@example.fr' });
    const updated = await api.put(`${CONTACTS}/${created.body.data.documentId}`, {
      email: 'GARNIER@example.fr',
      firstName: 'Luc',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ email: 'garnier@example.fr', firstName: 'Luc' });
  });
});

describe('a contact without a country at a French postal code is French', () => {
  it('gets the département, as with country FR, and the French address block it is printed with', async () => {
    const created = await api.post(CONTACTS, {
      firstName: 'Paul',
      lastName: 'Lacoste',
      gender: 'male',
      addressLine1: '8 place Gambetta',
      postalCode: '33 000',
      city: 'Bordeaux',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      country: null,
      postalCode: '33000',
      region: 'Gironde',
      addressBlock: ['Monsieur Paul Lacoste', '8 PLACE GAMBETTA', '33000 BORDEAUX'],
    });

    const moved = await api.put(`${CONTACTS}/${created.body.data.documentId}`, {
      postalCode: '40000',
      city: 'Mont-de-Marsan',
    });
    expect(moved.body.data).toMatchObject({ country: null, region: 'Landes' });
  });

  it('has its region checked against the postal code, as with country FR', async () => {
    const response = await api.post(CONTACTS, {
      lastName: 'Lacoste',
      postalCode: '33000',
      region: 'Bretagne',
    });
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['region: postalCode.departementMismatch']);
  });

  it('keeps a postal code that is not only French, and its region, as typed', async () => {
    const response = await api.post(CONTACTS, {
      lastName: 'Smith',
      postalCode: 'SW1A 1AA',
      city: 'London',
      region: 'Greater London',
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      country: null,
      postalCode: 'SW1A 1AA',
      region: 'Greater London',
    });
  });
});

describe('updating a contact', () => {
  it('checks the merged record: a new country re-checks the stored postal code', async () => {
    const created = await api.post(CONTACTS, { lastName: 'Morel', country: 'FR', postalCode: '75011' });
    expect(created.body.data.region).toBe('Paris');
    const response = await api.put(`${CONTACTS}/${created.body.data.documentId}`, { country: 'GB' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toContainEqual(['postalCode']);
    const stored = await api.get(`${CONTACTS}/${created.body.data.documentId}`);
    expect(stored.body.data.country).toBe('FR');
  });

  it('re-derives the département when the postal code moves', async () => {
    const created = await api.post(CONTACTS, { lastName: 'Roux', country: 'FR', postalCode: '33000' });
    const moved = await api.put(`${CONTACTS}/${created.body.data.documentId}`, { postalCode: '69003' });
    expect(moved.status).toBe(200);
    expect(moved.body.data.region).toBe('Rhône');
  });

  it('cannot remove both the last name and the e-mail', async () => {
    const created = await api.post(CONTACTS, { lastName: 'Blanc' });
    const response = await api.put(`${CONTACTS}/${created.body.data.documentId}`, { lastName: '' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toContainEqual(['lastName']);
  });

  it('answers 404 for an unknown contact', async () => {
    const response = await api.put(`${CONTACTS}/doesnotexist000000000000`, { lastName: 'Nobody' });
    expect(response.status).toBe(404);
  });
});

describe('the same rules hold for writes that do not come through REST', () => {
  it('normalises a contact created through the document service', async () => {
    const created = await app.strapi.documents(UID.contact).create({
      data: rawInput(UID.contact, {
        lastName: 'Interne',
        email: ' Interne@Example.FR',
        phone: '0556000000',
        country: 'fr',
      }),
    });
    expect(created).toMatchObject({ email: 'interne@example.fr', phone: '+33556000000', country: 'FR' });
  });

  it('refuses an invalid contact through the document service', async () => {
    await expect(
      app.strapi
        .documents(UID.contact)
        .create({ data: rawInput(UID.contact, { lastName: 'Interne', email: 'broken@' }) })
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
