import { LINK_ROLES, type Gender, type LinkRole } from '../../../../shared/constants';
import { IMPORT_EXTRA_TARGETS, type ImportExtraTarget } from '../../../../shared/imports';
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

const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Whether a day exists: Date rolls 31/02 over to 3 March instead of refusing it. */
const isRealDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * A date cell as French spreadsheets write it (`04/10/2026`, `04/10/2026 14:30`; XLSX dates come
 * that way too) or in ISO 8601 (`2026-10-04`, `2026-10-04T14:30:00Z`), or null when it is neither
 * or names no real day (`31/02/2026`). A time without a zone is read as UTC.
 */
export const readDate = (cell: string): Date | null => {
  const text = cell.trim();
  const french = FRENCH_DATE.exec(text);
  if (french) {
    const [day, month, year, hours, minutes, seconds] = french.slice(1).map((part) => Number(part ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!isRealDay(year, month, day) || hours > 23 || minutes > 59 || seconds > 59) return null;
    return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  }
  const iso = ISO_DATE.exec(text);
  if (!iso || !isRealDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return null;
  const date = new Date(text.length === 10 || iso[4] ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
};

const isExtraTarget = (target: ImportTarget): target is ImportExtraTarget =>
  (IMPORT_EXTRA_TARGETS as readonly string[]).includes(target);

/**
 * Reads the cells of one row into a contact patch, the way a person reading the spreadsheet would:
 * "Mme" is a gender, "oui" and "x" say yes, a French postal code or mobile number that a
 * spreadsheet stored as a number gets its leading zero back. Everything else is left to the
 * contact's normaliser, the same as for any other write. An empty cell writes nothing, unless
 * `clearEmpty` asks for it to erase the stored value. The cells of the targets that are not
 * contact fields (client, offer, roles, the consent's basis) come back apart, in `extras`.
 */
export const readCells = (cells: Partial<Record<ImportTarget, string>>, clearEmpty: boolean) => {
  const patch: Record<string, unknown> = {};
  const extras: Partial<Record<ImportExtraTarget, string>> = {};
  const warnings: ImportWarning[] = [];
  const isFrench = FRANCE.has(foldHeader(cells.country ?? ''));
  for (const [target, raw] of Object.entries(cells) as [ImportTarget, string][]) {
    const cell = raw.trim();
    if (isExtraTarget(target)) {
      if (cell !== '') extras[target] = cell;
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
  return { patch, extras, warnings };
};
