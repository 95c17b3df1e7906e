import { describe, expect, it } from '@jest/globals';

import { buildClientSearchText, buildContactSearchText, normaliseSearchTerm } from './search-text';

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
  it('joins the folded last and first name, e-mail, city and both phone forms', () => {
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
    ).toBe('dupre-loeuvre eloise eloise@exemple.fr saint-etienne 33612345678 0612345678');
  });

  it('skips missing and null fields', () => {
    expect(buildContactSearchText({ lastName: 'Martin', firstName: null, phone: null })).toBe('martin');
    expect(buildContactSearchText({})).toBe('');
  });
});

describe('buildContactSearchText with clients', () => {
  it("appends the folded names of the contact's clients", () => {
    expect(buildContactSearchText({ lastName: 'Martin' }, ['Amicale Laïque', 'CSE Öko'])).toBe(
      'martin amicale laique cse oko'
    );
  });

  it('bounds what the client names add', () => {
    const text = buildContactSearchText(
      { lastName: 'Martin' },
      Array.from({ length: 100 }, () => 'Association')
    );
    expect(text.length).toBeLessThanOrEqual('martin '.length + 600);
  });
});

describe('buildClientSearchText', () => {
  it('folds the name and the city', () => {
    expect(buildClientSearchText({ name: 'Comité d’Entreprise Élan', city: 'Besançon' })).toBe(
      'comite d’entreprise elan besancon'
    );
  });
});
