import { describe, expect, it } from '@jest/globals';

import { GENDERS, LANGUAGES, MAX_LENGTH } from '../../../shared/constants';
import {
  booleanWithDefault,
  countryField,
  emailField,
  enumWithDefault,
  isoDateField,
  offerReferenceField,
  postalCodeField,
  requiredEnum,
  siretInputField,
  textField,
  type FieldSchema,
} from './fields';
import { problemOfIssue } from './issues';
import { renderMessage, type Problem } from './messages';

/** What a schema reports for a raw value, as a field error would carry it. */
function problemsOf<T>(schema: FieldSchema<T>, raw: unknown): Array<Problem & { message: string }> {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const found = problemOfIssue(issue);
        return { ...found, message: renderMessage(found) };
      });
}

function valueOf<T>(schema: FieldSchema<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`expected success for ${String(raw)}: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Values no string field may accept, whatever it is. */
const NON_STRINGS: [string, unknown][] = [
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a boolean', true],
  ['an array', ['Dupont']],
  ['an object', { value: 'Dupont' }],
  ['a null-prototype object', Object.create(null) as unknown],
  ['a bigint', BigInt(7)],
  ['a symbol', Symbol('x')],
  ['a function', () => 'Dupont'],
  ['a Date', new Date('2025-01-01')],
];

describe('textField', () => {
  const name = textField(MAX_LENGTH.name);

  it.each([
    ['trims', '  Dupont  ', 'Dupont'],
    ['collapses inner whitespace', 'Jean \t  Pierre', 'Jean Pierre'],
    ['turns line breaks into one space', 'Jean\r\n\nPierre', 'Jean Pierre'],
    ['turns no-break spaces into spaces', 'Jean\u00a0\u00a0Pierre', 'Jean Pierre'],
    ['composes decomposed accents (NFC)', 'E\u0301loi\u0308se', 'Éloïse'],
    ['keeps apostrophes and hyphens', "d'Artagnan-Lupin", "d'Artagnan-Lupin"],
    ['turns an empty string into null', '', null],
    ['turns blanks into null', ' \t\n ', null],
    ['keeps null (clearing the field)', null, null],
  ])('%s', (_label, raw, expected) => {
    expect(valueOf(name, raw)).toBe(expected);
  });

  it.each(NON_STRINGS)('rejects %s with "must be a string"', (_label, raw) => {
    expect(problemsOf(name, raw)).toEqual([
      { code: 'text.notString', values: {}, message: 'must be a string' },
    ]);
  });

  it.each([
    ['NUL', 'Du\u0000pont'],
    ['bell', 'Du\u0007pont'],
    ['escape', '\u001b[31mDupont'],
    ['vertical tab', 'Du\u000bpont'],
    ['delete', 'Dupont\u007f'],
    ['a C1 control', 'Du\u0085pont'],
  ])('rejects a %s control character', (_label, raw) => {
    expect(problemsOf(name, raw)).toEqual([
      { code: 'text.controlCharacters', values: {}, message: 'must not contain control characters' },
    ]);
  });

  it('rejects a lone surrogate instead of storing a replacement character', () => {
    expect(problemsOf(name, 'Dupont\ud800')).toEqual([
      { code: 'text.brokenUnicode', values: {}, message: 'must not contain broken Unicode characters' },
    ]);
    expect(valueOf(name, 'Dupont 😀')).toBe('Dupont 😀');
  });

  it('bounds the length in characters, after cleaning', () => {
    expect(valueOf(name, 'a'.repeat(MAX_LENGTH.name))).toBe('a'.repeat(MAX_LENGTH.name));
    expect(problemsOf(name, 'a'.repeat(MAX_LENGTH.name + 1))).toEqual([
      { code: 'text.tooLong', values: { max: 100 }, message: 'must be at most 100 characters' },
    ]);
    expect(problemsOf(name, 'x'.repeat(10_000))).toEqual([
      { code: 'text.tooLong', values: { max: 100 }, message: 'must be at most 100 characters' },
    ]);
    // Padding is cleaned away before counting.
    expect(valueOf(name, `  ${'a'.repeat(MAX_LENGTH.name)}${' '.repeat(5_000)}`)).toBe(
      'a'.repeat(MAX_LENGTH.name)
    );
  });

  it('counts an emoji as one character, as the database does', () => {
    expect(valueOf(name, '😀'.repeat(MAX_LENGTH.name))).toBe('😀'.repeat(MAX_LENGTH.name));
    expect(problemsOf(name, '😀'.repeat(MAX_LENGTH.name + 1))).toEqual([
      { code: 'text.tooLong', values: { max: 100 }, message: 'must be at most 100 characters' },
    ]);
  });

  it('keeps line breaks and tabs in multi-line text, only trimming it', () => {
    const notes = textField(MAX_LENGTH.notes, 'multi-line');
    expect(valueOf(notes, '\n  Line one\n\n\tLine  two  \n')).toBe('Line one\n\n\tLine  two');
    expect(problemsOf(notes, 'a\u0000b')).toEqual([
      { code: 'text.controlCharacters', values: {}, message: 'must not contain control characters' },
    ]);
    expect(problemsOf(notes, 'n'.repeat(MAX_LENGTH.notes + 1))).toEqual([
      { code: 'text.tooLong', values: { max: 5000 }, message: 'must be at most 5000 characters' },
    ]);
  });
});

describe('emailField', () => {
  it.each([
    ['  Jean.Dupont@Exemple.FR ', 'jean.dupont@exemple.fr'],
    ['marie+voyages@agence.travel', 'marie+voyages@agence.travel'],
    ['a@sub.domain.co.uk', 'a@sub.domain.co.uk'],
    ['', null],
    [null, null],
  ])('normalises %p to %p', (raw, expected) => {
    expect(valueOf(emailField, raw)).toBe(expected);
  });

  it.each([
    'jean dupont@exemple.fr',
    'jean@exemple',
    'jean@@exemple.fr',
    'jean.exemple.fr',
    '@exemple.fr',
    'jean@',
    'jean@exemple.fr.',
    'jean..dupont@exemple.fr',
    'jean@exemple.f',
    'jean@-exemple.fr',
    'jean@exemple.fr <jean>',
  ])('rejects %p', (raw) => {
    expect(problemsOf(emailField, raw)).toEqual([
      { code: 'email.invalid', values: {}, message: 'must be a valid e-mail address' },
    ]);
  });

  it('bounds the address to 254 characters', () => {
    const longest = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.fr`;
    expect(longest.length).toBe(246);
    expect(valueOf(emailField, longest)).toBe(longest);
    expect(problemsOf(emailField, `${'a'.repeat(250)}@b.fr`)).toEqual([
      { code: 'text.tooLong', values: { max: 254 }, message: 'must be at most 254 characters' },
    ]);
  });

  it.each(NON_STRINGS)('rejects %s', (_label, raw) => {
    expect(problemsOf(emailField, raw)).toEqual([
      { code: 'text.notString', values: {}, message: 'must be a string' },
    ]);
  });
});

describe('countryField', () => {
  it.each([
    ['FR', 'FR'],
    ['fr', 'FR'],
    ['deu', 'DE'],
    ['GBR', 'GB'],
    ['France', 'FR'],
    ['Belgique', 'BE'],
    ['germany', 'DE'],
    ['Allemagne', 'DE'],
    ['royaume-uni', 'GB'],
    ['united kingdom', 'GB'],
    ['  ESPAGNE  ', 'ES'],
    ['Côte d’Ivoire', 'CI'],
    ['cote d ivoire', 'CI'],
    ['États-Unis', 'US'],
    ['Suisse', 'CH'],
    ['', null],
    [null, null],
  ])('resolves %p to %p', (raw, expected) => {
    expect(valueOf(countryField, raw)).toBe(expected);
  });

  it.each(['Atlantis', 'XX', 'ZZZ', 'Fr4nce', 'Congo'])('rejects %p as unknown', (raw) => {
    expect(problemsOf(countryField, raw)).toEqual([
      { code: 'country.unknown', values: {}, message: 'is not a known country' },
    ]);
  });

  it('bounds the input length', () => {
    expect(problemsOf(countryField, 'France'.repeat(20))).toEqual([
      { code: 'text.tooLong', values: { max: 60 }, message: 'must be at most 60 characters' },
    ]);
  });
});

describe('postalCodeField', () => {
  it.each([
    [' sw1a   1aa ', 'SW1A 1AA'],
    ['33000', '33000'],
    ['', null],
  ])('normalises %p to %p', (raw, expected) => {
    expect(valueOf(postalCodeField, raw)).toBe(expected);
  });

  it('bounds the length and rejects non-strings', () => {
    expect(problemsOf(postalCodeField, '1'.repeat(17))).toEqual([
      { code: 'text.tooLong', values: { max: 16 }, message: 'must be at most 16 characters' },
    ]);
    expect(problemsOf(postalCodeField, 33000)).toEqual([
      { code: 'text.notString', values: {}, message: 'must be a string' },
    ]);
  });
});

describe('enumerations', () => {
  const gender = enumWithDefault(GENDERS, 'unspecified');
  const language = enumWithDefault(LANGUAGES, 'fr', { caseInsensitive: true });

  it('accepts each allowed value and turns null into the default', () => {
    for (const value of GENDERS) {
      expect(valueOf(gender, value)).toBe(value);
    }
    expect(valueOf(gender, null)).toBe('unspecified');
    expect(valueOf(language, null)).toBe('fr');
  });

  it('accepts a language in any case, with spaces around', () => {
    expect(valueOf(language, 'FR')).toBe('fr');
    expect(valueOf(language, ' En ')).toBe('en');
  });

  it.each([['Female'], ['femme'], [''], [1], [true], [['female']]])('rejects gender %p', (raw) => {
    expect(problemsOf(gender, raw)).toEqual([
      {
        code: 'choice.invalid',
        values: { allowed: 'female, male, other, unspecified' },
        message: 'must be one of: female, male, other, unspecified',
      },
    ]);
  });

  it.each([['french'], ['fr-FR'], ['ru'], [7]])('rejects language %p', (raw) => {
    expect(problemsOf(language, raw)).toEqual([
      {
        code: 'choice.invalid',
        values: { allowed: 'fr, en, de, es, it, nl, pt' },
        message: 'must be one of: fr, en, de, es, it, nl, pt',
      },
    ]);
  });

  it('keeps null for an enumeration without default', () => {
    const role = requiredEnum(['a', 'b'] as const);
    expect(valueOf(role, null)).toBeNull();
    expect(valueOf(role, 'b')).toBe('b');
    expect(problemsOf(role, 'c')).toEqual([
      { code: 'choice.invalid', values: { allowed: 'a, b' }, message: 'must be one of: a, b' },
    ]);
  });
});

describe('booleanWithDefault', () => {
  const newsletter = booleanWithDefault(false);

  it('accepts booleans and turns null into the default', () => {
    expect(valueOf(newsletter, true)).toBe(true);
    expect(valueOf(newsletter, false)).toBe(false);
    expect(valueOf(newsletter, null)).toBe(false);
    expect(valueOf(booleanWithDefault(true), null)).toBe(true);
  });

  it.each([['true'], ['false'], [1], [0], ['yes'], [{}], [[]]])('rejects %p', (raw) => {
    expect(problemsOf(newsletter, raw)).toEqual([
      { code: 'boolean.invalid', values: {}, message: 'must be true or false' },
    ]);
  });
});

describe('siretInputField', () => {
  it.each([
    ['732 829 320 00074', '73282932000074'],
    ['732.829.320.00074', '73282932000074'],
    [' 73282932000074 ', '73282932000074'],
    ['123 . 456 . 789 . 00012', '12345678900012'],
    [' . ', null],
  ])('compacts %p to %p', (raw, expected) => {
    expect(valueOf(siretInputField, raw)).toBe(expected);
  });

  it('bounds the compact form', () => {
    expect(problemsOf(siretInputField, '1'.repeat(21))).toEqual([
      { code: 'text.tooLong', values: { max: 20 }, message: 'must be at most 20 characters' },
    ]);
  });
});

describe('offerReferenceField', () => {
  it.each([
    [' dev-2025/014 ', 'DEV-2025/014'],
    ['q.2025_07', 'Q.2025_07'],
    ['', null],
  ])('normalises %p to %p', (raw, expected) => {
    expect(valueOf(offerReferenceField, raw)).toBe(expected);
  });

  it.each(['DEV 2025', 'DÉV-1', 'DEV#1', 'DEV,1'])('rejects %p', (raw) => {
    expect(problemsOf(offerReferenceField, raw)).toEqual([
      {
        code: 'offerReference.format',
        values: {},
        message: 'may only contain letters A-Z, digits and the characters . _ / -',
      },
    ]);
  });

  it('bounds the reference to 40 characters', () => {
    expect(valueOf(offerReferenceField, 'A'.repeat(40))).toBe('A'.repeat(40));
    expect(problemsOf(offerReferenceField, 'A'.repeat(41))).toEqual([
      { code: 'text.tooLong', values: { max: 40 }, message: 'must be at most 40 characters' },
    ]);
  });
});

describe('isoDateField', () => {
  it.each([
    ['2025-06-01', '2025-06-01'],
    [' 2024-02-29 ', '2024-02-29'],
    ['2025-06-01T10:30:00Z', '2025-06-01'],
    ['2025-06-01T23:30:00.000-05:00', '2025-06-01'],
    ['', null],
    [null, null],
  ])('reads %p as %p', (raw, expected) => {
    expect(valueOf(isoDateField, raw)).toBe(expected);
  });

  it.each([
    ['a 29 February outside leap years', '2023-02-29'],
    ['a 31 April', '2025-04-31'],
    ['a 13th month', '2025-13-01'],
    ['unpadded parts', '2025-6-1'],
    ['the French order', '01/06/2025'],
    ['words', 'tomorrow'],
    ['an impossible date-time', '2025-02-30T10:00:00Z'],
    ['trailing text', `2025-06-01${' '.repeat(10)}x`],
    ['10,000 digits', '2'.repeat(10_000)],
  ])('rejects %s', (_label, raw) => {
    expect(problemsOf(isoDateField, raw)).toEqual([
      { code: 'date.invalid', values: {}, message: 'must be a real calendar date in the form YYYY-MM-DD' },
    ]);
  });

  it.each([[20250601], [new Date('2025-06-01')], [{ year: 2025 }]])('rejects non-string %p', (raw) => {
    expect(problemsOf(isoDateField, raw)).toEqual([
      { code: 'date.notString', values: {}, message: 'must be a date in the form YYYY-MM-DD' },
    ]);
  });
});
