import { describe, expect, it } from '@jest/globals';
import {
  cityKey,
  clientNameKey,
  contactNameKey,
  emailLocalPartKey,
  siretKey,
  trigramSimilarity,
  areSimilarNames,
  namePartsOf,
  withinOneTypo,
  type NameParts,
  trigramsOf,
} from './match-keys';

describe('contactNameKey', () => {
  it('folds case, accents and punctuation, last name first', () => {
    expect(contactNameKey('Éloïse', "LE GALL-D'Arc")).toBe('le gall d arc eloise');
    expect(contactNameKey('eloise', 'le gall d arc')).toBe('le gall d arc eloise');
  });
  it('needs both names: a surname alone says little', () => {
    expect(contactNameKey(null, 'Martin')).toBeNull();
    expect(contactNameKey('  ', 'Martin')).toBeNull();
  });
});

describe('emailLocalPartKey', () => {
  it('keeps a personal local part, lower case', () => {
    expect(emailLocalPartKey('Marie.Martin@orange.fr')).toBe('marie.martin');
  });
  it('drops function addresses and very short local parts', () => {
    expect(emailLocalPartKey('contact@assoc.fr')).toBeNull();
    expect(emailLocalPartKey('jd@x.fr')).toBeNull();
    expect(emailLocalPartKey('no-at-sign')).toBeNull();
  });
});

describe('cityKey', () => {
  it('reads "St" as "Saint"', () => {
    expect(cityKey('St-Étienne')).toBe(cityKey('saint etienne'));
  });
});

describe('trigramSimilarity, as pg_trgm computes it', () => {
  it('pads each word as pg_trgm does', () => {
    expect([...trigramsOf('Cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat']);
  });
  it('gives the values PostgreSQL gives', () => {
    // SELECT similarity('martin marie', 'martins marie') → 0.75; ('dupont jean', 'dupond jean') → 0.714…
    expect(trigramSimilarity('martin marie', 'martins marie')).toBeCloseTo(0.75, 5);
    expect(trigramSimilarity('dupont jean', 'dupond jean')).toBeCloseTo(10 / 14, 5);
    expect(trigramSimilarity('martin paul', 'martin pierre')).toBeCloseTo(8 / 18, 5);
    expect(trigramSimilarity('', 'x')).toBe(0);
  });
});

describe('withinOneTypo', () => {
  it('accepts one letter left out, added, replaced or two neighbours swapped, and no more', () => {
    expect(withinOneTypo('martin', 'matin')).toBe(true);
    expect(withinOneTypo('martin', 'martins')).toBe(true);
    expect(withinOneTypo('dupont', 'dupond')).toBe(true);
    expect(withinOneTypo('jean', 'jaen')).toBe(true);
    expect(withinOneTypo('jean', 'jean')).toBe(true);
    expect(withinOneTypo('eva', 'ana')).toBe(false);
    expect(withinOneTypo('jean', 'jeanne')).toBe(false);
    expect(withinOneTypo('jean', 'ajne')).toBe(false);
  });
});

describe('areSimilarNames', () => {
  const name = (first: string, last: string) => namePartsOf(first, last) as NameParts;
  it('takes a typo in either part, a longer form of a first name and a name typed the wrong way round', () => {
    expect(areSimilarNames(name('Jean', 'Martin'), name('Jean', 'Matin'))).toBe(true);
    expect(areSimilarNames(name('Jean', 'Martin'), name('Jaen', 'Martin'))).toBe(true);
    expect(areSimilarNames(name('Jean', 'Martin'), name('Jeanne', 'Martin'))).toBe(true);
    expect(areSimilarNames(name('Hélène', 'Lefèvre'), name('Helene', 'Lefebvre'))).toBe(true);
    expect(areSimilarNames(name('Martin', 'Jean'), name('Jean', 'Martin'))).toBe(true);
  });
  it('does not take two people of one family for one, although their whole names are similar', () => {
    // whole names similar by pg_trgm's measure (9/17 and 10/20), first names far apart
    expect(trigramSimilarity('lefebvre eva', 'lefebvre ana')).toBeGreaterThanOrEqual(0.5);
    expect(areSimilarNames(name('Eva', 'Lefebvre'), name('Ana', 'Lefebvre'))).toBe(false);
    expect(trigramSimilarity('lefebvre paul', 'lefebvre pierre')).toBeGreaterThanOrEqual(0.5);
    expect(areSimilarNames(name('Paul', 'Lefebvre'), name('Pierre', 'Lefebvre'))).toBe(false);
  });
  it('leaves equal names to the equal-name reasons', () => {
    expect(areSimilarNames(name('Jean', 'Martin'), name('JEAN', 'martin'))).toBe(false);
  });
});

describe('clientNameKey', () => {
  it('ignores case, accents, punctuation and legal-form words', () => {
    expect(clientNameKey("SARL Les Voyages d'Hélène")).toBe('les voyages d helene');
    expect(clientNameKey('les voyages d’helene (S.A.S.)')).toBe('les voyages d helene s a s');
    expect(clientNameKey('Les Voyages d Helene SAS')).toBe('les voyages d helene');
    expect(clientNameKey('Association Les Amis du Rail')).toBe(clientNameKey('LES AMIS DU RAIL'));
  });
  it('is null when nothing but a legal form is left', () => {
    expect(clientNameKey('SARL')).toBeNull();
    expect(clientNameKey('  ')).toBeNull();
    expect(clientNameKey(null)).toBeNull();
  });
});

describe('siretKey', () => {
  it('keeps the digits alone', () => {
    expect(siretKey('732 829 320 00074')).toBe('73282932000074');
    expect(siretKey('732.829.320.00074')).toBe('73282932000074');
    expect(siretKey('')).toBeNull();
  });
});
