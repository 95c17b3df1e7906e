import type { Gender } from '../../../../shared/constants';
import { IMPORT_LINK_TARGETS, type ImportLinkTarget } from '../../../../shared/imports';
import { foldHeader, type ImportTarget } from './mapping';

/** Something the import changed on the way to make a cell storable, shown in the dry run. */
export type ImportWarning = {
  field: ImportTarget;
  code: 'import.postalCodePadded' | 'import.phoneZeroRestored';
};

const GENDER_WORDS: Record<string, Gender> = Object.fromEntries([
  ...['m', 'mr', 'monsieur', 'homme', 'h', 'male', 'man', 'sir'].map((word) => [word, 'male' as const]),
  ...['mme', 'madame', 'mlle', 'mademoiselle', 'f', 'femme', 'female', 'woman', 'mrs', 'ms', 'miss'].map(
    (word) => [word, 'female' as const]
  ),
  ...['autre', 'other'].map((word) => [word, 'other' as const]),
]);
const TRUE_WORDS = new Set(['oui', 'o', 'x', '1', 'yes', 'y', 'true', 'vrai']);
const FALSE_WORDS = new Set(['non', 'n', '0', 'no', 'false', 'faux']);
const FRANCE = new Set(['', 'fr', 'france']);

const isLinkTarget = (target: ImportTarget): target is ImportLinkTarget =>
  (IMPORT_LINK_TARGETS as readonly string[]).includes(target);

/**
 * Reads the cells of one row into a contact patch, the way a person reading the spreadsheet would:
 * "Mme" is a gender, "oui" and "x" say yes, a French postal code or mobile number that a
 * spreadsheet stored as a number gets its leading zero back. Everything else is left to the
 * contact's normaliser, the same as for any other write. An empty cell writes nothing, unless
 * `clearEmpty` asks for it to erase the stored value. The link targets' cells (client, offer,
 * roles) come back apart, in `links`.
 */
export const readCells = (cells: Partial<Record<ImportTarget, string>>, clearEmpty: boolean) => {
  const patch: Record<string, unknown> = {};
  const links: Partial<Record<ImportLinkTarget, string>> = {};
  const warnings: ImportWarning[] = [];
  const isFrench = FRANCE.has(foldHeader(cells.country ?? ''));
  for (const [target, raw] of Object.entries(cells) as [ImportTarget, string][]) {
    const cell = raw.trim();
    if (isLinkTarget(target)) {
      if (cell !== '') links[target] = cell;
      continue;
    }
    if (cell === '') {
      if (clearEmpty) patch[target] = null;
      continue;
    }
    const word = foldHeader(cell);
    if (target === 'gender') {
      patch.gender = GENDER_WORDS[word] ?? cell;
    } else if (target === 'newsletter') {
      patch.newsletter = TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : cell;
    } else if (target === 'postalCode' && isFrench && /^\d{4}$/.test(cell)) {
      patch.postalCode = `0${cell}`;
      warnings.push({ field: target, code: 'import.postalCodePadded' });
    } else if (target === 'phone' && isFrench && /^[1-79]\d{8}$/.test(cell)) {
      patch.phone = `0${cell}`;
      warnings.push({ field: target, code: 'import.phoneZeroRestored' });
    } else {
      patch[target] = cell;
    }
  }
  return { patch, links, warnings };
};
