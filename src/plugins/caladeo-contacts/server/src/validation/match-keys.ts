/**
 * The keys that tell two contact records may be one person: the folded full name, the local part
 * of the e-mail, and the trigram similarity of two names. Stored with each contact (private
 * columns) so that a lookup of likely duplicates is an indexed equality, not a scan.
 */
import { foldNameForMatching } from './fold';

/** "Éloïse", "LE GALL-Durand" → "le gall durand eloise": last name first, as lists sort. */
export function contactNameKey(firstName: unknown, lastName: unknown): string | null {
  const parts = [lastName, firstName]
    .filter((part): part is string => typeof part === 'string')
    .map(foldNameForMatching)
    .filter((part) => part !== '');
  return parts.length === 2 ? parts.join(' ') : null;
}

/**
 * Local parts that name a function, not a person: two associations' `contact@` are not one
 * person, so they never make an e-mail reason.
 */
const SHARED_LOCAL_PARTS = new Set([
  'accueil',
  'admin',
  'association',
  'bonjour',
  'bureau',
  'comptabilite',
  'contact',
  'direction',
  'hello',
  'info',
  'infos',
  'mail',
  'noreply',
  'no-reply',
  'office',
  'president',
  'reservation',
  'secretariat',
  'service',
  'voyages',
]);

/** The part before the "@", when it is long and personal enough to point at one person. */
export function emailLocalPartKey(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const local = email.slice(0, at).toLowerCase();
  if (local.length < 4 || SHARED_LOCAL_PARTS.has(local)) return null;
  return local;
}

/**
 * Words that say what kind of body a client is, not which one: "SARL Voyages Dupont" and
 * "Voyages Dupont SAS" are one company, "Association Les Amis du Rail" and "Les amis du rail"
 * one association. Compared folded, as whole words.
 */
const LEGAL_FORM_WORDS = new Set([
  'sarl',
  'sas',
  'sasu',
  'sa',
  'eurl',
  'sci',
  'snc',
  'scop',
  'selarl',
  'gie',
  'ei',
  'eirl',
  'earl',
  'association',
  'asso',
  'assoc',
  'ste',
  'societe',
  'ets',
  'etablissements',
  'cie',
  'compagnie',
  'ltd',
  'gmbh',
  'inc',
]);

/** "SARL Les Voyages d'Hélène" → "les voyages d helene": null when only legal-form words remain. */
export function clientNameKey(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const words = foldNameForMatching(name)
    .split(' ')
    .filter((word) => word !== '' && !LEGAL_FORM_WORDS.has(word));
  return words.length === 0 ? null : words.join(' ');
}

/** A SIRET as its digits alone ("732 829 320 00074" → "73282932000074"), or null without any. */
export function siretKey(siret: unknown): string | null {
  if (typeof siret !== 'string') return null;
  const digits = siret.replace(/\D+/g, '');
  return digits === '' ? null : digits;
}

/** Folds a city for equality ("Saint-Étienne" = "saint etienne"). */
export function cityKey(city: unknown): string | null {
  if (typeof city !== 'string') return null;
  const folded = foldNameForMatching(city).replace(/^st /, 'saint ').replace(/ st /g, ' saint ');
  return folded === '' ? null : folded;
}

/**
 * The trigrams of a text as PostgreSQL's pg_trgm extracts them: lower case, words are runs of
 * letters and digits, each padded with two spaces in front and one behind, duplicates dropped.
 */
export function trigramsOf(text: string): Set<string> {
  const trigrams = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    const letters = Array.from(padded);
    for (let start = 0; start + 3 <= letters.length; start += 1) {
      trigrams.add(letters.slice(start, start + 3).join(''));
    }
  }
  return trigrams;
}

/** pg_trgm's similarity of two trigram sets: shared trigrams over all distinct trigrams of both, 0 to 1. */
export function setSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** pg_trgm's `similarity(a, b)`. */
export function trigramSimilarity(left: string, right: string): number {
  return setSimilarity(trigramsOf(left), trigramsOf(right));
}

/** Whole names at least this similar (pg_trgm's `similarity`) may be one person's. */
export const SIMILAR_NAME_THRESHOLD = 0.5;

/**
 * Each part of two similar names must be at least this similar by trigrams, one typo apart or
 * equal: "Jean" and "Jeanne" (0.5) are close, "Anne" and "Jeanne" (0.33), "Robert" and "Robin"
 * (0.3) or "Colin" and "Cousin" (0.3) are other names.
 */
export const SIMILAR_NAME_PART_THRESHOLD = 0.4;

/** The folded parts of a person's name; `key` is contactNameKey's. */
export type NameParts = { key: string; first: string; last: string };

export function namePartsOf(firstName: unknown, lastName: unknown): NameParts | null {
  const key = contactNameKey(firstName, lastName);
  if (key === null) return null;
  return {
    key,
    first: foldNameForMatching(firstName as string),
    last: foldNameForMatching(lastName as string),
  };
}

/** At most one typo apart: one letter left out, added or replaced, or two neighbours swapped. */
export function withinOneTypo(left: string, right: string): boolean {
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  if (long.length - short.length > 1) return false;
  let start = 0;
  while (start < short.length && short[start] === long[start]) start += 1;
  if (start === short.length) return true;
  if (short.length < long.length) return short.slice(start) === long.slice(start + 1);
  if (short.slice(start + 1) === long.slice(start + 1)) return true;
  return (
    short[start] === long[start + 1] &&
    short[start + 1] === long[start] &&
    short.slice(start + 2) === long.slice(start + 2)
  );
}

const closeParts = (left: string, right: string) =>
  left === right ||
  withinOneTypo(left, right) ||
  trigramSimilarity(left, right) >= SIMILAR_NAME_PART_THRESHOLD;

/**
 * Whether two different names may be one person's typed twice: similar as a whole by trigrams,
 * and first name close to first name and last name to last name (or each to the other, for a
 * name typed the wrong way round). "Jean Matin" is "Jean Martin", "Jaen Martin" too; sisters
 * "Eva" and "Ana Lefebvre" are not, nor "Paul" and "Pierre Lefebvre", although their whole names
 * share most of their trigrams. `wholeSimilarity` saves computing it again when it is known.
 */
export function areSimilarNames(
  left: NameParts,
  right: NameParts,
  wholeSimilarity = trigramSimilarity(left.key, right.key)
): boolean {
  if (left.key === right.key || wholeSimilarity < SIMILAR_NAME_THRESHOLD) return false;
  return (
    (closeParts(left.first, right.first) && closeParts(left.last, right.last)) ||
    (closeParts(left.first, right.last) && closeParts(left.last, right.first))
  );
}
