import { describe, expect, it } from '@jest/globals';

import { findDepartementsForPostalCode, matchFrenchRegion } from './france';

function departementCodes(postalCode: string): string[] {
  return findDepartementsForPostalCode(postalCode).map((departement) => departement.code);
}

describe('findDepartementsForPostalCode', () => {
  it.each([
    ['33000', ['33']],
    ['75008', ['75']],
    ['69003', ['69']],
    ['01200', ['01', '74']],
    ['97133', ['977']],
    ['97500', ['975']],
    ['97400', ['974']],
  ])('finds the départements of commune postal code %s', (postalCode, expected) => {
    expect(departementCodes(postalCode)).toEqual(expected);
  });

  it.each([
    ['a Bordeaux CEDEX code', '33913', ['33']],
    ['a Paris CEDEX code', '75380', ['75']],
    ['a South Corsica CEDEX code', '20186', ['2A']],
    ['a Upper Corsica CEDEX code', '20601', ['2B']],
    ['an overseas CEDEX code', '97489', ['974']],
  ])('falls back on the prefix for %s', (_label, postalCode, expected) => {
    expect(departementCodes(postalCode)).toEqual(expected);
  });

  it('places Corsican commune codes in their own département', () => {
    expect(departementCodes('20000')).toEqual(['2A']);
    expect(departementCodes('20200')).toEqual(['2B']);
  });

  it.each([['00100'], ['99000'], ['96000'], ['20900'], ['3300'], ['SW1A 1AA'], ['']])(
    'finds nothing for %p',
    (postalCode) => {
      expect(findDepartementsForPostalCode(postalCode)).toEqual([]);
    }
  );

  it('gives the département its official name and région', () => {
    expect(findDepartementsForPostalCode('33000')).toEqual([
      { code: '33', name: 'Gironde', regionName: 'Nouvelle-Aquitaine' },
    ]);
    expect(findDepartementsForPostalCode('97100')).toEqual([
      { code: '971', name: 'Guadeloupe', regionName: 'Guadeloupe' },
    ]);
  });

  it('answers repeated look-ups from memory', () => {
    // The first call of this file paid the loading; a thousand more must be near-instant.
    findDepartementsForPostalCode('33000');
    const started = performance.now();
    for (let index = 0; index < 1000; index += 1) {
      findDepartementsForPostalCode('33000');
      findDepartementsForPostalCode('33913');
    }
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('matchFrenchRegion', () => {
  const gironde = findDepartementsForPostalCode('33000');
  const savoieBorder = findDepartementsForPostalCode('01200');

  it.each([
    ['Gironde', 'Gironde'],
    ['gironde', 'Gironde'],
    ['  GIRONDE ', 'Gironde'],
    ['33', 'Gironde'],
    ['Nouvelle-Aquitaine', 'Nouvelle-Aquitaine'],
    ['nouvelle aquitaine', 'Nouvelle-Aquitaine'],
  ])('matches %p to %p', (input, expected) => {
    expect(matchFrenchRegion(input, gironde)).toBe(expected);
  });

  it('matches any département of a code shared by several', () => {
    expect(matchFrenchRegion('haute savoie', savoieBorder)).toBe('Haute-Savoie');
    expect(matchFrenchRegion('AIN', savoieBorder)).toBe('Ain');
    expect(matchFrenchRegion('auvergne-rhone-alpes', savoieBorder)).toBe('Auvergne-Rhône-Alpes');
  });

  it('ignores accents and apostrophes', () => {
    const corsica = findDepartementsForPostalCode('20000');
    expect(matchFrenchRegion('corse du sud', corsica)).toBe('Corse-du-Sud');
    expect(matchFrenchRegion('2a', corsica)).toBe('Corse-du-Sud');
    expect(matchFrenchRegion('Corse', corsica)).toBe('Corse');
    expect(matchFrenchRegion("cote d'or", findDepartementsForPostalCode('21000'))).toBe("Côte-d'Or");
  });

  it.each([['Landes'], ['Occitanie'], ['40'], ['Gir'], ['-'], ['']])('refuses %p for 33000', (input) => {
    expect(matchFrenchRegion(input, gironde)).toBeNull();
  });
});
