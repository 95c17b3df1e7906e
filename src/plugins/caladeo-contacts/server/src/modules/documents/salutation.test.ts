import { describe, expect, it } from '@jest/globals';

import { GENDERS, type Gender } from '../../../../shared/constants';
import {
  documentLanguageFor,
  fullNameOf,
  initialsOf,
  letterClosingFor,
  letterOpeningFor,
  nameWithTitle,
  recipientForms,
  salutationFor,
} from './salutation';

const names = { lastName: 'Dupont', fullName: 'Claire Dupont' };

describe('salutations for every gender and language', () => {
  const cases: [Gender, string, string, string, string][] = [
    ['female', 'Madame', 'Chère Madame,', 'Ms', 'Dear Ms Dupont,'],
    ['male', 'Monsieur', 'Cher Monsieur,', 'Mr', 'Dear Mr Dupont,'],
    ['other', 'Madame, Monsieur', 'Madame, Monsieur,', 'Sir or Madam', 'Dear Claire Dupont,'],
    ['unspecified', 'Madame, Monsieur', 'Madame, Monsieur,', 'Sir or Madam', 'Dear Claire Dupont,'],
  ];

  it('covers every gender', () => {
    expect(cases.map(([gender]) => gender).sort()).toEqual([...GENDERS].sort());
  });

  it.each(cases)('%s: %s / %s in French, %s / %s in English', (gender, fr, frOpening, en, enOpening) => {
    expect(salutationFor(gender, 'fr')).toBe(fr);
    expect(letterOpeningFor(gender, 'fr', names)).toBe(frOpening);
    expect(salutationFor(gender, 'en')).toBe(en);
    expect(letterOpeningFor(gender, 'en', names)).toBe(enOpening);
  });

  it('opens an English letter without a name as British usage does', () => {
    const nameless = { lastName: null, fullName: null };
    expect(letterOpeningFor('female', 'en', nameless)).toBe('Dear Madam,');
    expect(letterOpeningFor('male', 'en', nameless)).toBe('Dear Sir,');
    expect(letterOpeningFor('unspecified', 'en', nameless)).toBe('Dear Sir or Madam,');
    expect(letterOpeningFor('male', 'fr', nameless)).toBe('Cher Monsieur,');
  });

  it('closes a letter with the matching formula', () => {
    expect(letterClosingFor('female', 'fr', true)).toBe(
      'Nous vous prions d’agréer, Madame, l’expression de nos salutations distinguées.'
    );
    expect(letterClosingFor(null, 'fr', false)).toContain('Madame, Monsieur, l’expression');
    expect(letterClosingFor('male', 'en', true)).toBe('Yours sincerely,');
    expect(letterClosingFor(null, 'en', false)).toBe('Yours faithfully,');
  });

  it('puts the title before the name only when the gender gives one', () => {
    expect(nameWithTitle('female', 'fr', 'Claire Dupont')).toBe('Madame Claire Dupont');
    expect(nameWithTitle('male', 'en', 'John Smith')).toBe('Mr John Smith');
    expect(nameWithTitle('other', 'fr', 'Alex Morel')).toBe('Alex Morel');
    expect(nameWithTitle('female', 'fr', null)).toBeNull();
  });
});

describe('document language', () => {
  it('writes in the preferred language when documents exist in it, else in English', () => {
    expect(documentLanguageFor('fr', 'en')).toBe('fr');
    expect(documentLanguageFor('en', 'fr')).toBe('en');
    expect(documentLanguageFor('de', 'fr')).toBe('en');
    expect(documentLanguageFor(null, 'fr')).toBe('fr');
  });
});

describe('full name', () => {
  it('joins what exists', () => {
    expect(fullNameOf('Claire', 'Dupont')).toBe('Claire Dupont');
    expect(fullNameOf(null, 'Dupont')).toBe('Dupont');
    expect(fullNameOf('Claire', '  ')).toBe('Claire');
    expect(fullNameOf(null, null)).toBeNull();
  });
});

describe('names on an envelope', () => {
  it('gives initials with their hyphens', () => {
    expect(initialsOf('Jean-Pierre')).toBe('J.-P.');
    expect(initialsOf(' Marie  Claire ')).toBe('M. C.');
    expect(initialsOf('élodie')).toBe('É.');
  });

  it('offers the full form, then a short title, then initials, never shortening the last name', () => {
    expect(recipientForms('male', 'fr', { firstName: 'Jean-Pierre', lastName: 'Poirier' })).toEqual([
      'Monsieur Jean-Pierre Poirier',
      'M. Jean-Pierre Poirier',
      'M. J.-P. Poirier',
    ]);
    expect(recipientForms('female', 'en', { firstName: 'Claire', lastName: 'Dupont' })).toEqual([
      'Ms Claire Dupont',
      'Ms C. Dupont',
    ]);
    expect(recipientForms('unspecified', 'fr', { firstName: null, lastName: 'Dupont' })).toEqual(['Dupont']);
    expect(recipientForms('female', 'fr', { firstName: null, lastName: null })).toEqual([]);
  });
});
