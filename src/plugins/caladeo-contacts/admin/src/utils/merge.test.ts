import { describe, expect, it } from '@jest/globals';
import { idsOf, isMergeableCount } from './merge';

describe('the records of a merge page', () => {
  it('reads the ids of ?ids=A,B in their order, each once, blanks left out', () => {
    expect(idsOf('a, b,,a ,c')).toEqual(['a', 'b', 'c']);
    expect(idsOf('')).toEqual([]);
    expect(idsOf(null)).toEqual([]);
  });

  it('opens the merge page for 2 to 5 records ticked, never for 1 or 6', () => {
    expect([0, 1, 2, 5, 6].map(isMergeableCount)).toEqual([false, false, true, true, false]);
  });
});
