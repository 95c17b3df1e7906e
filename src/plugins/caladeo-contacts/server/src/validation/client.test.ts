import { describe, expect, it } from '@jest/globals';

import { normaliseClientPatch } from './client';
import type { ClientRecord, FieldError, NormaliseResult } from './types';

const STORED: ClientRecord = {
  name: 'Comité d’entreprise Airbus',
  type: 'works_council',
  email: 'ce@exemple.fr',
  phone: '+33561000000',
  addressLine1: '1 rond-point Maurice Bellonte',
  addressLine2: null,
  postalCode: '31700',
  city: 'Blagnac',
  region: 'Haute-Garonne',
  country: 'FR',
  siret: '73282932000074',
  notes: null,
};

function stored(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return { ...STORED, ...overrides };
}

function dataOf(result: NormaliseResult<Partial<ClientRecord>>): Partial<ClientRecord> {
  if (!result.ok) {
    throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

function errorsOf(result: NormaliseResult<Partial<ClientRecord>>): FieldError[] {
  if (result.ok) {
    throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
  }
  return result.errors;
}

describe('normaliseClientPatch on create', () => {
  it('requires a name and defaults the type to company', () => {
    expect(dataOf(normaliseClientPatch({ name: '  Voyages   Durand ' }, null))).toEqual({
      name: 'Voyages Durand',
      type: 'company',
    });
    expect(errorsOf(normaliseClientPatch({ type: 'school' }, null))).toEqual([
      { path: ['name'], code: 'required', values: {}, message: 'is required' },
    ]);
    expect(errorsOf(normaliseClientPatch({ name: '   ' }, null))).toEqual([
      { path: ['name'], code: 'required', values: {}, message: 'is required' },
    ]);
    expect(errorsOf(normaliseClientPatch({ name: null }, null))).toEqual([
      { path: ['name'], code: 'required', values: {}, message: 'is required' },
    ]);
  });

  it('normalises a complete French client, like a contact', () => {
    const data = dataOf(
      normaliseClientPatch(
        {
          name: 'Lycée Montaigne',
          type: 'school',
          email: 'Secretariat@Lycee-Montaigne.FR',
          phone: '05 56 00 00 00',
          postalCode: '33000',
          country: 'france',
          siret: '443 061 841 00047',
          notes: '  Voyage de fin d’année.\n\nContact : proviseur.  ',
          clientLinks: [1, 2],
        },
        null
      )
    );
    expect(data).toEqual({
      name: 'Lycée Montaigne',
      type: 'school',
      email: 'secretariat@lycee-montaigne.fr',
      phone: '+33556000000',
      postalCode: '33000',
      region: 'Gironde',
      country: 'FR',
      siret: '44306184100047',
      notes: 'Voyage de fin d’année.\n\nContact : proviseur.',
    });
  });

  it('collects every field error', () => {
    expect(
      errorsOf(
        normaliseClientPatch(
          { name: ['Durand'], type: 'company ltd', email: 'durand@', siret: 12, notes: 'n'.repeat(5001) },
          null
        )
      )
    ).toEqual([
      { path: ['name'], code: 'text.notString', values: {}, message: 'must be a string' },
      {
        path: ['type'],
        code: 'choice.invalid',
        values: { allowed: 'company, association, friends_group, works_council, school, public_body, other' },
        message:
          'must be one of: company, association, friends_group, works_council, school, public_body, other',
      },
      { path: ['email'], code: 'email.invalid', values: {}, message: 'must be a valid e-mail address' },
      { path: ['siret'], code: 'text.notString', values: {}, message: 'must be a string' },
      {
        path: ['notes'],
        code: 'text.tooLong',
        values: { max: 5000 },
        message: 'must be at most 5000 characters',
      },
    ]);
  });
});

describe('normaliseClientPatch SIRET rules', () => {
  it.each([
    ['a French client', 'FR'],
    ['a client without country (French agencies)', null],
  ])('checks the SIRET checksum for %s', (_label, country) => {
    expect(errorsOf(normaliseClientPatch({ name: 'X', country, siret: '732 829 320 00075' }, null))).toEqual([
      {
        path: ['siret'],
        code: 'siret.checksum',
        values: {},
        message: 'is not a valid SIRET number (its check digit is wrong)',
      },
    ]);
    expect(errorsOf(normaliseClientPatch({ name: 'X', country, siret: '732829320' }, null))).toEqual([
      { path: ['siret'], code: 'siret.format', values: {}, message: 'must be a SIRET number of 14 digits' },
    ]);
  });

  it("accepts La Poste's establishments", () => {
    expect(dataOf(normaliseClientPatch({ name: 'La Poste', siret: '356 000 000 49837' }, null)).siret).toBe(
      '35600000049837'
    );
  });

  it('only bounds a foreign company number', () => {
    expect(
      dataOf(normaliseClientPatch({ name: 'X', country: 'BE', siret: '0123.456.789' }, null)).siret
    ).toBe('0123456789');
    expect(errorsOf(normaliseClientPatch({ name: 'X', country: 'BE', siret: '1'.repeat(21) }, null))).toEqual(
      [
        {
          path: ['siret'],
          code: 'text.tooLong',
          values: { max: 20 },
          message: 'must be at most 20 characters',
        },
      ]
    );
  });

  it('re-checks a stored foreign number when the client becomes French', () => {
    const belgian = stored({
      country: 'BE',
      siret: '0123456789',
      postalCode: null,
      region: null,
      phone: null,
    });
    expect(errorsOf(normaliseClientPatch({ country: 'FR' }, belgian))).toEqual([
      { path: ['siret'], code: 'siret.format', values: {}, message: 'must be a SIRET number of 14 digits' },
    ]);
  });
});

describe('normaliseClientPatch on update', () => {
  it('returns only what changes', () => {
    expect(dataOf(normaliseClientPatch({ notes: 'Rappeler en mars' }, stored()))).toEqual({
      notes: 'Rappeler en mars',
    });
  });

  it('refuses to empty the name', () => {
    expect(errorsOf(normaliseClientPatch({ name: '' }, stored()))).toEqual([
      { path: ['name'], code: 'required', values: {}, message: 'is required' },
    ]);
  });

  it('keeps the stored name when the patch does not send it', () => {
    expect(dataOf(normaliseClientPatch({ type: 'association' }, stored()))).toEqual({ type: 'association' });
  });

  it('re-derives the département when the postal code moves', () => {
    expect(dataOf(normaliseClientPatch({ postalCode: '33700', city: 'Mérignac' }, stored()))).toEqual({
      postalCode: '33700',
      city: 'Mérignac',
      region: 'Gironde',
    });
  });

  it('applies the same phone and region rules as contacts', () => {
    expect(errorsOf(normaliseClientPatch({ phone: 'none', region: 'Bretagne' }, stored()))).toEqual([
      {
        path: ['phone'],
        code: 'phone.invalidForCountry',
        values: { country: 'FR' },
        message: 'is not a possible phone number for FR',
      },
      {
        path: ['region'],
        code: 'postalCode.departementMismatch',
        values: { postalCode: '31700', departements: ['Haute-Garonne'] },
        message: 'does not match postal code 31700 (Haute-Garonne)',
      },
    ]);
  });

  it('reads a client without country at a French postal code as French, as contacts', () => {
    const data = dataOf(normaliseClientPatch({ name: 'Amicale', postalCode: '33 800' }, null));
    expect(data).toMatchObject({ postalCode: '33800', region: 'Gironde' });
    expect(data.country).toBeUndefined();
  });

  it.each([[12], [['a']], [{}], ['a\u0000'], ['x'.repeat(10_000)]])(
    'never throws on hostile values (%#)',
    (value) => {
      for (const field of [
        'name',
        'type',
        'email',
        'phone',
        'postalCode',
        'region',
        'country',
        'siret',
        'notes',
        'city',
      ]) {
        const result = normaliseClientPatch({ [field]: value }, stored());
        expect(result.ok).toBe(false);
        expect(errorsOf(result).every((error) => error.path[0] === field && error.path.length === 1)).toBe(
          true
        );
      }
    }
  );
});
