import { describe, expect, it } from '@jest/globals';

import { normaliseContactPatch } from './contact';
import type { ContactRecord, FieldError, NormaliseResult } from './types';

const STORED: ContactRecord = {
  firstName: 'Jean',
  lastName: 'Dupont',
  email: 'jean.dupont@exemple.fr',
  phone: '+33612345678',
  addressLine1: '12 cours de l’Intendance',
  addressLine2: null,
  postalCode: '33000',
  city: 'Bordeaux',
  region: 'Gironde',
  country: 'FR',
  gender: 'male',
  newsletter: true,
  preferredLanguage: 'fr',
  searchText: 'dupont jean jean.dupont@exemple.fr bordeaux 33612345678 0612345678',
};

function stored(overrides: Partial<ContactRecord> = {}): ContactRecord {
  return { ...STORED, ...overrides };
}

function dataOf(result: NormaliseResult<Partial<ContactRecord>>): Partial<ContactRecord> {
  if (!result.ok) {
    throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

function errorsOf(result: NormaliseResult<Partial<ContactRecord>>): FieldError[] {
  if (result.ok) {
    throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
  }
  return result.errors;
}

describe('normaliseContactPatch on create', () => {
  it('fills the defaults', () => {
    expect(dataOf(normaliseContactPatch({ lastName: '  Dupont ' }, null))).toEqual({
      lastName: 'Dupont',
      gender: 'unspecified',
      newsletter: false,
      preferredLanguage: 'fr',
    });
  });

  it('normalises a complete French contact', () => {
    const data = dataOf(
      normaliseContactPatch(
        {
          firstName: ' Éloïse ',
          lastName: 'Martin',
          email: 'Eloise.Martin@Exemple.FR',
          phone: '06 12 34 56 78',
          addressLine1: '3  place   de la Bourse',
          postalCode: '33 000',
          city: 'Bordeaux',
          country: 'France',
          gender: 'female',
          newsletter: true,
          preferredLanguage: 'EN',
        },
        null
      )
    );
    expect(data).toEqual({
      firstName: 'Éloïse',
      lastName: 'Martin',
      email: 'eloise.martin@exemple.fr',
      phone: '+33612345678',
      addressLine1: '3 place de la Bourse',
      postalCode: '33000',
      city: 'Bordeaux',
      region: 'Gironde',
      country: 'FR',
      gender: 'female',
      newsletter: true,
      preferredLanguage: 'en',
    });
  });

  it('turns a null gender, language and newsletter into the defaults', () => {
    const data = dataOf(
      normaliseContactPatch(
        { email: 'a@b.fr', gender: null, preferredLanguage: null, newsletter: null },
        null
      )
    );
    expect(data).toMatchObject({ gender: 'unspecified', preferredLanguage: 'fr', newsletter: false });
  });

  it('ignores keys that are not scalar contact fields, and undefined values', () => {
    const data = dataOf(
      normaliseContactPatch(
        {
          lastName: 'Dupont',
          email: undefined,
          clientLinks: [{ id: 1 }],
          offerLinks: { connect: [2] },
          createdBy: 3,
          updatedBy: { id: 3 },
          locale: 'fr',
          publishedAt: 'not a date',
          documentId: 'abc',
          id: 12,
          searchText: 'injected',
        },
        null
      )
    );
    expect(data).toEqual({
      lastName: 'Dupont',
      gender: 'unspecified',
      newsletter: false,
      preferredLanguage: 'fr',
    });
  });

  it('collects every field error at once, each on its field, in the catalogue’s order', () => {
    const errors = errorsOf(
      normaliseContactPatch(
        {
          firstName: 42,
          lastName: 'Du\u0000pont',
          email: 'not-an-email',
          phone: '01 23',
          gender: 'woman',
          newsletter: 'true',
          preferredLanguage: 'klingon',
          city: 'x'.repeat(101),
        },
        null
      )
    );
    expect(errors).toEqual([
      { path: ['firstName'], code: 'text.notString', values: {}, message: 'must be a string' },
      {
        path: ['lastName'],
        code: 'text.controlCharacters',
        values: {},
        message: 'must not contain control characters',
      },
      {
        path: ['gender'],
        code: 'choice.invalid',
        values: { allowed: 'female, male, other, unspecified' },
        message: 'must be one of: female, male, other, unspecified',
      },
      { path: ['email'], code: 'email.invalid', values: {}, message: 'must be a valid e-mail address' },
      {
        path: ['city'],
        code: 'text.tooLong',
        values: { max: 100 },
        message: 'must be at most 100 characters',
      },
      { path: ['newsletter'], code: 'boolean.invalid', values: {}, message: 'must be true or false' },
      {
        path: ['preferredLanguage'],
        code: 'choice.invalid',
        values: { allowed: 'fr, en, de, es, it, nl, pt' },
        message: 'must be one of: fr, en, de, es, it, nl, pt',
      },
      {
        path: ['phone'],
        code: 'phone.invalidForCountry',
        values: { country: 'FR' },
        message: 'is not a possible phone number for FR',
      },
    ]);
  });

  it('requires a last name or an e-mail address', () => {
    expect(errorsOf(normaliseContactPatch({ firstName: 'Jean' }, null))).toEqual([
      {
        path: ['lastName'],
        code: 'contact.nameOrEmailRequired',
        values: {},
        message: 'a contact needs at least a last name or an e-mail address',
      },
    ]);
    expect(errorsOf(normaliseContactPatch({ lastName: '   ', email: '' }, null))).toEqual([
      {
        path: ['lastName'],
        code: 'contact.nameOrEmailRequired',
        values: {},
        message: 'a contact needs at least a last name or an e-mail address',
      },
    ]);
    expect(dataOf(normaliseContactPatch({ email: 'x@y.fr' }, null)).email).toBe('x@y.fr');
  });

  it('does not add the identity error on top of a rejected e-mail', () => {
    expect(errorsOf(normaliseContactPatch({ email: 'nope' }, null))).toEqual([
      { path: ['email'], code: 'email.invalid', values: {}, message: 'must be a valid e-mail address' },
    ]);
  });

  it('refuses a patch that is not an object', () => {
    for (const patch of [null, 'lastName=Dupont', 42, ['Dupont']]) {
      expect(normaliseContactPatch(patch as unknown as Record<string, unknown>, null)).toEqual({
        ok: false,
        errors: [{ path: [], code: 'value.notObject', values: {}, message: 'must be an object' }],
      });
    }
  });
});

describe('normaliseContactPatch phone rules', () => {
  it.each([
    ['no country: French by default', { phone: '06 12 34 56 78' }, '+33612345678'],
    ['a Belgian record', { phone: '0470 12 34 56', country: 'Belgique' }, '+32470123456'],
    [
      'an international number in a French record',
      { phone: '+32 470 12 34 56', country: 'FR' },
      '+32470123456',
    ],
    [
      'a country without phone metadata, international number',
      { phone: '+33612345678', country: 'AQ' },
      '+33612345678',
    ],
  ])('stores E.164 for %s', (_label, patch, expected) => {
    expect(dataOf(normaliseContactPatch({ lastName: 'X', ...patch }, null)).phone).toBe(expected);
  });

  it('reads the phone in the stored country when only the phone changes', () => {
    const belgian = stored({ country: 'BE', postalCode: '1000', region: null, phone: null });
    expect(dataOf(normaliseContactPatch({ phone: '0470 12 34 56' }, belgian)).phone).toBe('+32470123456');
    expect(errorsOf(normaliseContactPatch({ phone: '06 12 34 56 78' }, belgian))).toEqual([
      {
        path: ['phone'],
        code: 'phone.invalidForCountry',
        values: { country: 'BE' },
        message: 'is not a possible phone number for BE',
      },
    ]);
  });

  it('keeps a stored E.164 phone when the country changes', () => {
    const data = dataOf(normaliseContactPatch({ country: 'Belgique', postalCode: '1000' }, stored()));
    expect(data.phone).toBeUndefined();
    expect(data.country).toBe('BE');
  });

  it('re-normalises a legacy stored phone when the country changes', () => {
    const legacy = stored({ phone: '0470 12 34 56', country: null, postalCode: null, region: null });
    expect(dataOf(normaliseContactPatch({ country: 'BE' }, legacy)).phone).toBe('+32470123456');
  });

  it('reports a stored phone that the new country cannot read, on the phone field', () => {
    const legacy = stored({ phone: '06 12 34 56 78', country: 'FR', postalCode: null, region: null });
    expect(errorsOf(normaliseContactPatch({ country: 'BE' }, legacy))).toEqual([
      {
        path: ['phone'],
        code: 'phone.invalidForCountry',
        values: { country: 'BE' },
        message: 'is not a possible phone number for BE',
      },
    ]);
  });

  it('clears the phone with null or an empty string', () => {
    expect(dataOf(normaliseContactPatch({ phone: null }, stored())).phone).toBeNull();
    expect(dataOf(normaliseContactPatch({ phone: '  ' }, stored())).phone).toBeNull();
  });

  it('skips country-dependent checks when the country itself is rejected', () => {
    expect(
      errorsOf(
        normaliseContactPatch({ country: 'Atlantis', phone: '0470 12 34 56', postalCode: 'ABC' }, stored())
      )
    ).toEqual([
      { path: ['country'], code: 'country.unknown', values: {}, message: 'is not a known country' },
    ]);
  });
});

describe('normaliseContactPatch postal code rules', () => {
  it.each([
    ['FR', '3300'],
    ['FR', 'ABCDE'],
    ['DE', '1234'],
    ['BE', '10000'],
    ['GB', '12345'],
  ])('rejects a postal code that does not fit %s: %p', (country, postalCode) => {
    expect(errorsOf(normaliseContactPatch({ lastName: 'X', country, postalCode }, null))).toEqual([
      {
        path: ['postalCode'],
        code: 'postalCode.invalidForCountry',
        values: { country },
        message: `is not a valid postal code for ${country}`,
      },
    ]);
  });

  it('accepts any bounded code for a country postcode-validator has no rule for, or no country', () => {
    expect(
      dataOf(normaliseContactPatch({ lastName: 'X', country: 'HK', postalCode: 'anything 1' }, null))
        .postalCode
    ).toBe('ANYTHING 1');
    expect(dataOf(normaliseContactPatch({ lastName: 'X', postalCode: 'ab-12' }, null)).postalCode).toBe(
      'AB-12'
    );
  });

  it('upper-cases and collapses a British postcode', () => {
    const data = dataOf(
      normaliseContactPatch({ lastName: 'X', country: 'GB', postalCode: ' sw1a   1aa ' }, null)
    );
    expect(data).toMatchObject({ postalCode: 'SW1A 1AA', country: 'GB' });
    expect(data.region).toBeUndefined();
  });

  it('re-checks the stored postal code when the country changes', () => {
    const belgian = stored({ country: 'BE', postalCode: '1000', region: 'Bruxelles', phone: null });
    expect(errorsOf(normaliseContactPatch({ country: 'FR' }, belgian))).toEqual([
      {
        path: ['postalCode'],
        code: 'postalCode.invalidForCountry',
        values: { country: 'FR' },
        message: 'is not a valid postal code for FR',
      },
    ]);
  });
});

describe('normaliseContactPatch French département/région rules', () => {
  const create = (patch: Record<string, unknown>): NormaliseResult<Partial<ContactRecord>> =>
    normaliseContactPatch({ lastName: 'X', country: 'FR', ...patch }, null);

  it.each([
    ['fills the département from a commune code', { postalCode: '33000' }, 'Gironde'],
    ['fills it from a CEDEX code', { postalCode: '33913' }, 'Gironde'],
    ['fills South Corsica', { postalCode: '20000' }, 'Corse-du-Sud'],
    ['fills Upper Corsica from a CEDEX code', { postalCode: '20601' }, 'Haute-Corse'],
    ['fills an overseas département', { postalCode: '97400' }, 'La Réunion'],
    ['fills it when the region is sent empty', { postalCode: '33000', region: '' }, 'Gironde'],
    ['canonicalises a département name', { postalCode: '33000', region: 'GIRONDE' }, 'Gironde'],
    ['canonicalises a département code', { postalCode: '33000', region: '33' }, 'Gironde'],
    [
      'canonicalises a région name',
      { postalCode: '33000', region: 'nouvelle aquitaine' },
      'Nouvelle-Aquitaine',
    ],
    [
      'accepts either département of a shared code',
      { postalCode: '01200', region: 'haute-savoie' },
      'Haute-Savoie',
    ],
  ])('%s', (_label, patch, expected) => {
    expect(dataOf(create(patch)).region).toBe(expected);
  });

  it('does not guess between two départements', () => {
    expect(dataOf(create({ postalCode: '01200' })).region).toBeUndefined();
  });

  it('rejects a region that contradicts the postal code', () => {
    expect(errorsOf(create({ postalCode: '33000', region: 'Landes' }))).toEqual([
      {
        path: ['region'],
        code: 'postalCode.departementMismatch',
        values: { postalCode: '33000', departements: ['Gironde'] },
        message: 'does not match postal code 33000 (Gironde)',
      },
    ]);
    expect(errorsOf(create({ postalCode: '01200', region: 'Jura' }))).toEqual([
      {
        path: ['region'],
        code: 'postalCode.departementMismatch',
        values: { postalCode: '01200', departements: ['Ain', 'Haute-Savoie'] },
        message: 'does not match postal code 01200 (Ain or Haute-Savoie)',
      },
    ]);
  });

  it('leaves the region free outside France, or without postal code', () => {
    expect(
      dataOf(
        normaliseContactPatch(
          { lastName: 'X', country: 'BE', postalCode: '1000', region: 'Bruxelles-Capitale' },
          null
        )
      ).region
    ).toBe('Bruxelles-Capitale');
    expect(dataOf(create({ region: 'Pays basque' })).region).toBe('Pays basque');
  });

  it('leaves the region free for a code no département owns', () => {
    expect(dataOf(create({ postalCode: '00100', region: 'Secteur postal' })).region).toBe('Secteur postal');
  });

  it('replaces a stored département the new postal code contradicts', () => {
    const data = dataOf(normaliseContactPatch({ postalCode: '40000', city: 'Mont-de-Marsan' }, stored()));
    expect(data).toMatchObject({ postalCode: '40000', region: 'Landes' });
  });

  it('clears a stored département when the new code spans several', () => {
    expect(dataOf(normaliseContactPatch({ postalCode: '01200' }, stored())).region).toBeNull();
  });

  it('keeps a stored région the new postal code still belongs to', () => {
    const data = dataOf(
      normaliseContactPatch({ postalCode: '40000' }, stored({ region: 'Nouvelle-Aquitaine' }))
    );
    expect(data.region).toBeUndefined();
  });

  it('checks a new region against the stored postal code', () => {
    expect(errorsOf(normaliseContactPatch({ region: 'Landes' }, stored()))).toEqual([
      {
        path: ['region'],
        code: 'postalCode.departementMismatch',
        values: { postalCode: '33000', departements: ['Gironde'] },
        message: 'does not match postal code 33000 (Gironde)',
      },
    ]);
    expect(dataOf(normaliseContactPatch({ region: 'nouvelle-aquitaine' }, stored())).region).toBe(
      'Nouvelle-Aquitaine'
    );
  });

  it('derives the département when a contact moves to France', () => {
    const abroad = stored({ country: 'BE', postalCode: '33000', region: null, phone: null });
    expect(dataOf(normaliseContactPatch({ country: 'France' }, abroad))).toMatchObject({
      country: 'FR',
      region: 'Gironde',
    });
  });
});

describe('normaliseContactPatch without a country', () => {
  const create = (patch: Record<string, unknown>): NormaliseResult<Partial<ContactRecord>> =>
    normaliseContactPatch({ lastName: 'X', ...patch }, null);

  it.each([
    ['a commune code', '33000', '33000'],
    ['a code typed with a space', '33 000', '33000'],
    ['a CEDEX code', '33913', '33913'],
  ])('reads %s as French: département filled, country left empty', (_label, typed, postalCode) => {
    const data = dataOf(create({ postalCode: typed }));
    expect(data).toMatchObject({ postalCode, region: 'Gironde' });
    expect(data.country).toBeUndefined();
  });

  it('checks a region against a French postal code, as for France', () => {
    expect(errorsOf(create({ postalCode: '33000', region: 'Landes' }))).toEqual([
      {
        path: ['region'],
        code: 'postalCode.departementMismatch',
        values: { postalCode: '33000', departements: ['Gironde'] },
        message: 'does not match postal code 33000 (Gironde)',
      },
    ]);
    expect(dataOf(create({ postalCode: '33000', region: 'nouvelle aquitaine' })).region).toBe(
      'Nouvelle-Aquitaine'
    );
  });

  it('leaves a code that is not only French, and its region, as typed', () => {
    for (const [postalCode, region] of [
      ['SW1A 1AA', 'Greater London'],
      ['1000', 'Bruxelles-Capitale'],
      ['00100', 'Secteur postal'],
    ]) {
      expect(dataOf(create({ postalCode, region }))).toMatchObject({ postalCode, region });
    }
    expect(dataOf(create({ postalCode: 'AB-12' })).region).toBeUndefined();
  });

  it('derives the département when the country is removed from an address at a French code', () => {
    const abroad = stored({ country: 'BE', postalCode: '33000', region: null, phone: null });
    expect(dataOf(normaliseContactPatch({ country: null }, abroad))).toMatchObject({
      country: null,
      region: 'Gironde',
    });
  });
});

describe('normaliseContactPatch on update', () => {
  it('returns only the patched fields', () => {
    expect(dataOf(normaliseContactPatch({ firstName: 'Jean-Marc' }, stored()))).toEqual({
      firstName: 'Jean-Marc',
    });
  });

  it('does not reapply create defaults', () => {
    const data = dataOf(normaliseContactPatch({ city: 'Talence' }, stored()));
    expect(data).not.toHaveProperty('gender');
    expect(data).not.toHaveProperty('newsletter');
  });

  it('accepts clearing the last name when an e-mail remains, but not both', () => {
    expect(dataOf(normaliseContactPatch({ lastName: null }, stored())).lastName).toBeNull();
    expect(errorsOf(normaliseContactPatch({ lastName: '', email: null }, stored()))).toEqual([
      {
        path: ['lastName'],
        code: 'contact.nameOrEmailRequired',
        values: {},
        message: 'a contact needs at least a last name or an e-mail address',
      },
    ]);
    expect(errorsOf(normaliseContactPatch({ email: null }, stored({ lastName: null })))).toEqual([
      {
        path: ['lastName'],
        code: 'contact.nameOrEmailRequired',
        values: {},
        message: 'a contact needs at least a last name or an e-mail address',
      },
    ]);
  });

  it('leaves the search text to the write rule, which also knows the contact’s clients', () => {
    expect(dataOf(normaliseContactPatch({ phone: null, city: 'Pessac' }, stored()))).not.toHaveProperty(
      'searchText'
    );
  });
});

describe('normaliseContactPatch never throws', () => {
  const hostileValues: [string, unknown][] = [
    ['a number', 12],
    ['an array', ['a']],
    ['an object', { a: 1 }],
    ['a 10k-character string', 'é'.repeat(10_000)],
    ['a string with NUL', 'a\u0000'],
    ['a bigint', BigInt(1)],
    ['a symbol', Symbol('s')],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a Map', new Map([['a', 1]])],
    ['a prototype-polluting object', JSON.parse('{"__proto__": {"admin": true}}') as unknown],
  ];
  const fields = [
    'firstName',
    'lastName',
    'email',
    'phone',
    'addressLine1',
    'addressLine2',
    'postalCode',
    'city',
    'region',
    'country',
    'gender',
    'newsletter',
    'preferredLanguage',
  ];

  for (const field of fields) {
    it.each(hostileValues)(`reports ${field} set to %s on its own path`, (_label, value) => {
      for (const existing of [null, stored()]) {
        const result = normaliseContactPatch({ lastName: 'Dupont', [field]: value }, existing);
        expect(result.ok).toBe(false);
        const errors = errorsOf(result);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every((error) => error.path.length === 1 && error.path[0] === field)).toBe(true);
        expect(errors.every((error) => typeof error.message === 'string' && error.message.length > 0)).toBe(
          true
        );
        // a hostile value is told what is expected, not a catch-all "is not valid"
        expect(errors.filter((error) => error.code === 'field.invalid')).toEqual([]);
      }
    });
  }
});
