import { describe, expect, it } from '@jest/globals';

import { buildContactSearchText, normaliseSearchTerm } from './search-text';

describe('normaliseSearchTerm', () => {
  it.each([
    ['Éloïse', 'eloise'],
    ['  JEAN   Pierre ', 'jean pierre'],
    ['Cœur de Lion', 'coeur de lion'],
    ['LÆTITIA', 'laetitia'],
    ['Straße', 'strasse'],
    ['Søren Łukasz', 'soren lukasz'],
    ['François-Xavier', 'francois-xavier'],
    ['E\u0301lise', 'elise'],
    ['a\u0000b\u0007c', 'a b c'],
    ['', ''],
  ])('folds %p to %p', (input, expected) => {
    expect(normaliseSearchTerm(input)).toBe(expected);
  });

  it('returns an empty term for a non-string given by untyped callers', () => {
    const untyped: unknown = 42;
    expect(normaliseSearchTerm(untyped as string)).toBe('');
  });
});

describe('buildContactSearchText', () => {
  it('joins the folded name, e-mail, city and both phone forms', () => {
    expect(
      buildContactSearchText({
        firstName: 'Éloïse',
        lastName: 'Dupré-Lœuvre',
        email: 'eloise@exemple.fr',
        city: 'Saint-Étienne',
        phone: '+33612345678',
        region: 'Loire',
        addressLine1: '12 rue des Œillets',
      })
    ).toBe('eloise dupre-loeuvre eloise@exemple.fr saint-etienne 33612345678 0612345678');
  });

  it('skips missing and null fields', () => {
    expect(buildContactSearchText({ lastName: 'Martin', firstName: null, phone: null })).toBe('martin');
    expect(buildContactSearchText({})).toBe('');
  });
});
