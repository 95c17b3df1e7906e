/**
 * Text folding shared by search (accent-insensitive matching) and by the country and
 * département name lookups, so that "Île-de-France", "ile de france" and "ILE-DE-FRANCE" meet.
 */

/** Letters that Unicode decomposition does not split into a base letter plus a mark. */
const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
};
const UNDECOMPOSABLE_PATTERN = /[œæßøłđ]/g;
const COMBINING_MARKS = /\p{M}/gu;

/** Lower-cases and strips accents: 'Cœur Éloïse' → 'coeur eloise'. Keeps punctuation. */
export function foldCaseAndAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE_LETTERS[letter] ?? letter);
}

/**
 * Folds a name for equality tests: case, accents, hyphens, apostrophes and other punctuation
 * are ignored ("Côte-d'Or" and "cote d or" give the same key).
 */
export function foldNameForMatching(text: string): string {
  return foldCaseAndAccents(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What makes two names given by people one name: case, accents and runs of spaces aside
 * ("Fichier CE" and "fichier  cé"). Unique indexes on this key settle two saves at the same moment.
 */
export const foldedNameKey = (name: string) => foldCaseAndAccents(name).replace(/\s+/g, ' ').trim();
