import { describe, expect, it } from '@jest/globals';
import {
  cityKey,
  clientNameKey,
  contactNameKey,
  emailLocalPartKey,
  siretKey,
  trigramSimilarity,
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
