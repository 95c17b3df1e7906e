/**
 * Candidate pairs of the scan, found by blocking keys rather than by comparing every contact with
 * every other: two contacts are compared only if they share a key a reason needs (the same phone,
 * e-mail local part, folded name in one postal code, city or client), or if their names are
 * similar inside one postal code. Pure: the scan reads the blocks, this expands them.
 */
import {
  SIMILAR_NAME_PART_THRESHOLD,
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
 * The pairs (as indexes) of the texts whose trigram similarity reaches the threshold, without
 * comparing every text with every other. Prefix filtering: with the trigrams of each text ordered
 * rarest first, two texts whose similarity (shared over all trigrams) is at least t share at least
 * ⌈t·|A|⌉ of the |A| trigrams of either, so they share one among the first |A| − ⌈t·|A|⌉ + 1 of each.
 */
function trigramSimilarPairs(texts: readonly string[], threshold: number): [number, number][] {
  const sets = texts.map((text) => trigramsOf(text));
  const trigrams = sets.map((set) => [...set]);
  const frequency = new Map<string, number>();
  for (const set of trigrams)
    for (const trigram of set) frequency.set(trigram, (frequency.get(trigram) ?? 0) + 1);
  // a hair below the threshold, so that no rounding can shorten a prefix
  const prefixThreshold = threshold - 1e-9;
  const byPrefixTrigram = new Map<string, number[]>();
  const found: [number, number][] = [];
  trigrams.forEach((set, index) => {
    set.sort((a, b) => (frequency.get(a) as number) - (frequency.get(b) as number) || (a < b ? -1 : 1));
    const prefix = set.length - Math.ceil(prefixThreshold * set.length) + 1;
    const compared = new Set<number>();
    for (const trigram of set.slice(0, prefix)) {
      const earlier = byPrefixTrigram.get(trigram);
      if (!earlier) {
        byPrefixTrigram.set(trigram, [index]);
        continue;
      }
      for (const other of earlier) {
        if (compared.has(other)) continue;
        compared.add(other);
        if (setSimilarity(sets[index] as Set<string>, sets[other] as Set<string>) >= threshold)
          found.push([other, index]);
      }
      earlier.push(index);
    }
  });
  return found;
}

/**
 * The pairs (as indexes) of the texts that share a text with one letter left out (or are it):
 * every pair one typo apart does, whether a letter was left out, added, replaced or swapped.
 */
function sharedDeletionPairs(texts: readonly string[]): [number, number][] {
  const byVariant = new Map<string, number[]>();
  texts.forEach((text, index) => {
    const variants = new Set([text]);
    for (let position = 0; position < text.length; position += 1)
      variants.add(text.slice(0, position) + text.slice(position + 1));
    for (const variant of variants) {
      const members = byVariant.get(variant);
      if (members) members.push(index);
      else byVariant.set(variant, [index]);
    }
  });
  const found: [number, number][] = [];
  for (const members of byVariant.values())
    for (let left = 0; left < members.length; left += 1)
      for (let right = left + 1; right < members.length; right += 1)
        found.push([members[left] as number, members[right] as number]);
  return found;
}

/**
 * For each name part, the parts that may be close to it (itself included): one typo apart or
 * similar by trigrams, the closeness areSimilarNames asks of first and last names.
 */
function closePartsOf(parts: readonly string[]): Map<string, Set<string>> {
  const close = new Map(parts.map((part) => [part, new Set([part])]));
  const candidates = [
    ...sharedDeletionPairs(parts),
    ...trigramSimilarPairs(parts, SIMILAR_NAME_PART_THRESHOLD),
  ];
  for (const [left, right] of candidates) {
    const a = parts[left] as string;
    const b = parts[right] as string;
    close.get(a)?.add(b);
    close.get(b)?.add(a);
  }
  return close;
}

/**
 * The pairs of distinct names of one postal code that are similar (areSimilarNames), as their
 * keys, without comparing every name with every other. Similar names have close parts, so each
 * name is compared only with the names made of parts close to its own (first with first and last
 * with last, or crosswise), found from the close pairs of the block's distinct parts; each
 * comparison is the one reasons.ts decides with.
 */
export function similarNamePairs(names: readonly NameParts[]): [string, string][] {
  const unique = [...new Map(names.map((name) => [name.key, name])).values()];
  const partsKey = (first: string, last: string) => `${first}\u0000${last}`;
  const byParts = new Map(unique.map((name) => [partsKey(name.first, name.last), name]));
  const close = closePartsOf([...new Set(unique.flatMap((name) => [name.first, name.last]))]);
  const trigramSets = new Map<string, Set<string>>();
  const trigramsOfName = (name: NameParts) => {
    let set = trigramSets.get(name.key);
    if (!set) trigramSets.set(name.key, (set = trigramsOf(name.key)));
    return set;
  };
  const found: [string, string][] = [];
  for (const name of unique) {
    const firsts = close.get(name.first) as Set<string>;
    const lasts = close.get(name.last) as Set<string>;
    const compared = new Set<NameParts>();
    for (const [firstParts, lastParts] of [
      [firsts, lasts],
      [lasts, firsts],
    ] as const) {
      for (const first of firstParts) {
        for (const last of lastParts) {
          const other = byParts.get(partsKey(first, last));
          // each pair once, from the name whose key sorts first
          if (!other || other.key <= name.key || compared.has(other)) continue;
          compared.add(other);
          const similarity = setSimilarity(trigramsOfName(name), trigramsOfName(other));
          if (areSimilarNames(name, other, similarity)) found.push([name.key, other.key]);
        }
      }
    }
  }
  return found;
}

/** The key of a pair, lower id first, for the set of pairs already seen. */
export const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
