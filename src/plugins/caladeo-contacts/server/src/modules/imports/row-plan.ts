/**
 * What one row of an import does, decided without writing: the cells read into a contact patch
 * and its links, the contact's own normaliser run on the patch (the same function every write
 * goes through), the mode's rules, and the clients and offers the row names. The chunk runner
 * looks up what a whole chunk needs at once and writes the plans (see chunk-runner.ts).
 */
import { UID, type ImportMode, type LinkRole } from '../../../../shared/constants';
import type { ImportExtraTarget } from '../../../../shared/imports';
import {
  fieldError,
  normaliseContactPatch,
  normaliseLinkPatch,
  problem,
  type ContactRecord,
  type FieldError,
} from '../../validation';
import type { ImportTarget } from './mapping';
import { readCells, readDate, readRole, readYesNo, type ImportWarning } from './values';

export type StagedRow = { n: number; cells: string[]; dup?: number };

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'undone' | 'keptEdited';

type LinkUid = typeof UID.clientContact | typeof UID.offerContact;

/**
 * A link the import made, so that undoing the import can remove it; with the link that was the
 * target's primary before, if this one took the role, so that undoing gives it back.
 */
export type MadeLink = { uid: LinkUid; documentId: string; previousPrimary?: string };

/** What the import did with a row, kept in its chunk. */
export type RowResult = {
  n: number;
  outcome: RowOutcome;
  errors?: FieldError[];
  warnings?: ImportWarning[];
  /** The contact the row created or updated. */
  contact?: string;
  /** For an update: the fields it changed, before and after, and when it wrote them. */
  previous?: Record<string, unknown>;
  written?: Record<string, unknown>;
  updatedAt?: string;
  links?: MadeLink[];
};

export type StoredContact = ContactRecord & { id: number; documentId: string; updatedAt: string };

/** A link a row asks for: its target named as in the file, with the role and primary flag read. */
export type WantedLink = {
  uid: LinkUid;
  /** The client's name or the offer's reference, as the file gives it. */
  key: string;
  role: LinkRole;
  isPrimary: boolean;
};

/** Where and when a row's person consented, as the row itself says (the file's basis otherwise). */
export type RowConsent = { source: string; consentedAt: Date };

/** A row once read: either refused already, or a patch waiting for the chunk's look-ups. */
export type ReadRow =
  | { n: number; result: RowResult }
  | {
      n: number;
      patch: Record<string, unknown>;
      warnings: ImportWarning[];
      /** The patch normalised on its own (as a new contact would be). */
      alone: ReturnType<typeof normaliseContactPatch>;
      email: string | null;
      links: WantedLink[];
      consent: RowConsent | null;
    };

export type ImportRules = {
  mode: ImportMode;
  clearEmpty: boolean;
  hasConsentBasis: boolean;
};

const failed = (n: number, errors: FieldError[]): { n: number; result: RowResult } => ({
  n,
  result: { n, outcome: 'failed', errors },
});

/** The roles a link gets when the file names its target but no role. */
const DEFAULT_ROLE: Record<LinkUid, LinkRole> = {
  [UID.clientContact]: 'autre',
  [UID.offerContact]: 'voyageur',
};

const LINK_COLUMNS = [
  { uid: UID.clientContact, key: 'client', role: 'clientRole', primary: 'clientPrimary' },
  { uid: UID.offerContact, key: 'offerReference', role: 'offerRole', primary: null },
] as const;

/** The links a row's cells ask for, read through the link's own normaliser. */
const readLinks = (cells: Partial<Record<ImportExtraTarget, string>>) => {
  const errors: FieldError[] = [];
  const links: WantedLink[] = [];
  for (const column of LINK_COLUMNS) {
    const key = cells[column.key];
    const roleCell = cells[column.role];
    const primaryCell = column.primary ? cells[column.primary] : undefined;
    if (!key) {
      for (const field of [column.role, column.primary]) {
        if (field && cells[field]) {
          errors.push(fieldError([field], problem('import.linkTargetRequired', { target: column.key })));
        }
      }
      continue;
    }
    const link = normaliseLinkPatch(
      {
        role: roleCell ? readRole(roleCell) : DEFAULT_ROLE[column.uid],
        isPrimary: primaryCell ? readYesNo(primaryCell) : false,
      },
      null
    );
    if (!link.ok) {
      const fieldOf = (path: FieldError['path']) => (path[0] === 'role' ? column.role : column.primary);
      errors.push(...link.errors.map((error) => ({ ...error, path: [fieldOf(error.path) ?? column.key] })));
      continue;
    }
    links.push({
      uid: column.uid,
      key,
      role: link.data.role as LinkRole,
      isPrimary: link.data.isPrimary === true,
    });
  }
  return { errors, links };
};

/** The basis of consent a row states in its own columns: both of them, or neither. */
const readConsent = (
  cells: Partial<Record<ImportExtraTarget, string>>
): { errors: FieldError[]; consent: RowConsent | null } => {
  const { consentSource: source, consentedAt: dateCell } = cells;
  if (!source && !dateCell) return { errors: [], consent: null };
  const errors: FieldError[] = [];
  if (!source) errors.push(fieldError(['consentSource'], problem('import.consentSourceRequired')));
  if (!dateCell) errors.push(fieldError(['consentedAt'], problem('import.consentDateRequired')));
  const consentedAt = dateCell ? readDate(dateCell) : null;
  if (dateCell && (!consentedAt || consentedAt.getTime() > Date.now())) {
    errors.push(fieldError(['consentedAt'], problem('import.consentDateInvalid')));
  }
  return errors.length > 0 || !source || !consentedAt
    ? { errors, consent: null }
    : { errors, consent: { source, consentedAt } };
};

/** Reads a staged row: its cells through the mapping, then everything a row decides alone. */
export const readRow = (
  rules: ImportRules,
  headers: readonly string[],
  mapping: Record<string, ImportTarget | null>,
  row: StagedRow
): ReadRow => {
  if (row.dup !== undefined) {
    return failed(row.n, [fieldError(['email'], problem('import.duplicateInFile', { row: row.dup }))]);
  }
  const byTarget: Partial<Record<ImportTarget, string>> = {};
  headers.forEach((header, index) => {
    const target = mapping[header];
    if (target) byTarget[target] = row.cells[index] ?? '';
  });
  const { patch, extras, warnings } = readCells(byTarget, rules.clearEmpty);
  const { errors: consentErrors, consent } = readConsent(extras);
  if (consentErrors.length > 0) return failed(row.n, consentErrors);
  if (patch.newsletter === true && !rules.hasConsentBasis && !consent) {
    return failed(row.n, [fieldError(['newsletter'], problem('import.consentBasisRequired'))]);
  }
  const links = readLinks(extras);
  const alone = normaliseContactPatch(patch, null);
  const email = alone.ok ? ((alone.data.email as string | null | undefined) ?? null) : null;
  if (!alone.ok && alone.errors.some((error) => error.path[0] === 'email')) {
    return failed(row.n, [...alone.errors, ...links.errors]);
  }
  if (links.errors.length > 0) return failed(row.n, [...(alone.ok ? [] : alone.errors), ...links.errors]);
  if (rules.mode === 'update' && !email) {
    return failed(row.n, [fieldError(['email'], problem('import.emailRequired'))]);
  }
  return { n: row.n, patch, warnings, alone, email, links: links.links, consent };
};

const pick = (record: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, record[key] ?? null]));

/** What a read row does to the contact, once the contact of its e-mail (if any) is known. */
export type ContactPlan =
  | { kind: 'failed'; errors: FieldError[] }
  | { kind: 'create'; data: Record<string, unknown>; written: Record<string, unknown> }
  | {
      kind: 'update';
      existing: StoredContact;
      /** What the document service is given: the row's own values of the changed fields. */
      patch: Record<string, unknown>;
      previous: Record<string, unknown>;
      written: Record<string, unknown>;
    }
  | { kind: 'unchanged'; existing: StoredContact };

export const planContact = (
  rules: ImportRules,
  row: Extract<ReadRow, { patch: unknown }>,
  existing: StoredContact | null
): ContactPlan => {
  if (rules.mode === 'update' && !existing) {
    return { kind: 'failed', errors: [fieldError(['email'], problem('import.notFound'))] };
  }
  if (rules.mode === 'create' && existing) {
    return {
      kind: 'failed',
      errors: [fieldError(['email'], problem('email.taken', { documentId: existing.documentId }))],
    };
  }
  if (!existing) {
    if (!row.alone.ok) return { kind: 'failed', errors: row.alone.errors };
    return { kind: 'create', data: row.alone.data, written: pick(row.alone.data, Object.keys(row.patch)) };
  }
  const merged = normaliseContactPatch(row.patch, existing);
  if (!merged.ok) return { kind: 'failed', errors: merged.errors };
  const stored = existing as unknown as Record<string, unknown>;
  const changed = Object.keys(merged.data).filter(
    (key) => key !== 'searchText' && (merged.data as Record<string, unknown>)[key] !== stored[key]
  );
  if (changed.length === 0) return { kind: 'unchanged', existing };
  return {
    kind: 'update',
    existing,
    patch: pick(
      row.patch,
      changed.filter((key) => key in row.patch)
    ),
    previous: pick(stored, changed),
    written: pick(merged.data, changed),
  };
};

/**
 * A row that would create a contact whose e-mail or phone is on the suppression list names an
 * erased person: it is refused rather than bringing the person back (docs/privacy.md).
 */
export const refuseErased = (
  plan: Extract<ContactPlan, { kind: 'create' }>,
  erased: ReadonlySet<string>
): ContactPlan => {
  const errors = (['email', 'phone'] as const).flatMap((field) => {
    const value = plan.data[field];
    return typeof value === 'string' && erased.has(value)
      ? [fieldError([field], problem('import.erasedPerson'))]
      : [];
  });
  return errors.length > 0 ? { kind: 'failed', errors } : plan;
};
