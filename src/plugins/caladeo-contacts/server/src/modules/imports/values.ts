import { LINK_ROLES, type Gender, type LinkRole } from '../../../../shared/constants';
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

/** Roles as a spreadsheet spells them: the role's own words, and a few common synonyms. */
const ROLE_WORDS: Record<string, LinkRole> = {
  ...Object.fromEntries(LINK_ROLES.map((role) => [role.replace(/_/g, ' '), role])),
  responsable: 'responsable_voyage',
  organisateur: 'responsable_voyage',
  'trip leader': 'responsable_voyage',
  'group leader': 'responsable_voyage',
  payer: 'payeur',
  traveller: 'voyageur',
  traveler: 'voyageur',
  participant: 'voyageur',
  guide: 'accompagnateur',
  chaperone: 'accompagnateur',
  facturation: 'contact_facturation',
  'billing contact': 'contact_facturation',
  other: 'autre',
};

/** A role cell read as a role, or left as typed (the link's normaliser then names the problem). */
export const readRole = (cell: string): string => ROLE_WORDS[foldHeader(cell).replace(/-/g, ' ')] ?? cell;

/** A yes/no cell ("oui", "x", "1", "non"…) read as a boolean, or left as typed. */
export const readYesNo = (cell: string): boolean | string => {
  const word = foldHeader(cell);
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : cell;
};

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
    if (target === 'gender') {
      patch.gender = GENDER_WORDS[foldHeader(cell)] ?? cell;
    } else if (target === 'newsletter') {
      patch.newsletter = readYesNo(cell);
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
