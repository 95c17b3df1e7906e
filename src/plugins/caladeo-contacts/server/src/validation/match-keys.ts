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

/** pg_trgm's `similarity(a, b)`: shared trigrams over all distinct trigrams of both, 0 to 1. */
export function trigramSimilarity(left: string, right: string): number {
  const a = trigramsOf(left);
  const b = trigramsOf(right);
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** pg_trgm's default `similarity_threshold`: names at least this similar are "similar". */
export const SIMILAR_NAME_THRESHOLD = 0.5;
