/**
 * Candidate pairs of the scan, found by blocking keys rather than by comparing every contact with
 * every other: two contacts are compared only if they share a key a reason needs (the same phone,
 * e-mail local part, folded name in one postal code, city or client), or if their folded names are
 * similar by trigrams inside one postal code. Pure: the scan reads the blocks, this expands them.
 */
import {
  SIMILAR_NAME_THRESHOLD,
  areSimilarNames,
  setSimilarity,
  trigramsOf,
  type NameParts,
} from '../../validation';

/**
 * Members of one block beyond which it is not expanded: a key shared by more contacts (a
 * switchboard's phone, a placeholder name) says nothing of one person, and its pairs would grow
 * with the square of its size.
 */
export const MAX_BLOCK = 100;

/** The pairs of one block, lower id first; nothing for a block too small or too large. */
export function* pairsOfBlock(ids: readonly number[]): Generator<[number, number]> {
  if (ids.length < 2 || ids.length > MAX_BLOCK) return;
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (let left = 0; left < sorted.length; left += 1) {
    for (let right = left + 1; right < sorted.length; right += 1) {
      yield [sorted[left] as number, sorted[right] as number];
    }
  }
}

/**
 * The pairs of distinct names of one postal code that are similar (areSimilarNames), as their
 * keys, without comparing every name with every other. Prefix filtering: with the trigrams of
 * each name ordered rarest first (rarity within the block), two names whose similarity (shared
 * over all trigrams) is at least t share at least ⌈t·|A|⌉ of the |A| trigrams of either, so they
 * share one among the first |A| − ⌈t·|A|⌉ + 1 of each. Only names sharing such a trigram are
 * compared, and each comparison is the one reasons.ts decides with.
 */
export function similarNamePairs(names: readonly NameParts[]): [string, string][] {
  const unique = [...new Map(names.map((name) => [name.key, name])).values()];
  const sets = unique.map((name) => trigramsOf(name.key));
  const trigrams = sets.map((set) => [...set]);
  const frequency = new Map<string, number>();
  for (const set of trigrams)
    for (const trigram of set) frequency.set(trigram, (frequency.get(trigram) ?? 0) + 1);
  // a hair below the threshold, so that no rounding can shorten a prefix
  const threshold = SIMILAR_NAME_THRESHOLD - 1e-9;
  const byPrefixTrigram = new Map<string, number[]>();
  const found: [string, string][] = [];
  unique.forEach((name, index) => {
    const set = trigrams[index] as string[];
    if (set.length === 0) return;
    set.sort((a, b) => (frequency.get(a) as number) - (frequency.get(b) as number) || (a < b ? -1 : 1));
    const prefix = set.length - Math.ceil(threshold * set.length) + 1;
    const compared = new Set<number>();
    for (const trigram of set.slice(0, prefix)) {
      const earlier = byPrefixTrigram.get(trigram);
      if (earlier) {
        for (const other of earlier) {
          if (compared.has(other)) continue;
          compared.add(other);
          const similarity = setSimilarity(sets[index] as Set<string>, sets[other] as Set<string>);
          if (areSimilarNames(unique[other] as NameParts, name, similarity))
            found.push([(unique[other] as NameParts).key, name.key]);
        }
        earlier.push(index);
      } else {
        byPrefixTrigram.set(trigram, [index]);
      }
    }
  });
  return found;
}

/** The key of a pair, lower id first, for the set of pairs already seen. */
export const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
