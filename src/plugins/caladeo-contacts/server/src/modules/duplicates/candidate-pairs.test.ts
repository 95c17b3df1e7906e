import { describe, expect, it } from '@jest/globals';
import { areSimilarNames, namePartsOf, type NameParts } from '../../validation';
import { MAX_BLOCK, pairsOfBlock, similarNamePairs } from './candidate-pairs';

const FIRST = [
  'Marie',
  'Mario',
  'Jean',
  'Jaen',
  'Jeanne',
  'Martin',
  'Léa',
  'Paul',
  'Pauline',
  'Hélène',
  'Sophie',
  'Marc',
];
const LAST = [
  'Lefèvre',
  'Lefebvre',
  'Dupont',
  'Dupond',
  'Martin',
  'Martins',
  'Girard',
  'Girardin',
  'Roux',
  'Le Gall',
  'Jean',
];

describe('similarNamePairs', () => {
  it('finds exactly the pairs a comparison of every name with every other finds', () => {
    const names = FIRST.flatMap((first) => LAST.map((last) => namePartsOf(first, last) as NameParts));
    const everyPair = new Set<string>();
    for (let a = 0; a < names.length; a += 1) {
      for (let b = a + 1; b < names.length; b += 1) {
        if (areSimilarNames(names[a]!, names[b]!))
          everyPair.add([names[a]!.key, names[b]!.key].sort().join(' | '));
      }
    }
    const found = new Set(similarNamePairs(names).map((pair) => [...pair].sort().join(' | ')));
    expect(everyPair.size).toBeGreaterThan(10);
    expect(found).toEqual(everyPair);
  });
});

describe('pairsOfBlock', () => {
  it('pairs every member of a block once, lower id first, and leaves crowded blocks out', () => {
    expect([...pairsOfBlock([9, 3, 5])]).toEqual([
      [3, 5],
      [3, 9],
      [5, 9],
    ]);
    expect([...pairsOfBlock([1])]).toEqual([]);
    expect([...pairsOfBlock(Array.from({ length: MAX_BLOCK + 1 }, (_, index) => index))]).toEqual([]);
  });
});
