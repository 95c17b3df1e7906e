/**
 * What a merge of contacts does, decided without I/O: which value of each field the survivor
 * keeps, which links it takes over (one per role and target, one primary per target), and where
 * its newsletter consent stands. The service reads the records, applies this plan and keeps what
 * undoing it needs.
 */
import { fieldNames } from '../../../../shared/fields';
import type { UID } from '../../../../shared/constants';

/** The fields a merge chooses; `newsletter` follows the consent log instead (newsletterAfterMerge). */
export const MERGED_FIELDS = fieldNames('contact').filter((field) => field !== 'newsletter');
export type MergedField = (typeof MERGED_FIELDS)[number];

export type MergeContact = Record<string, unknown> & {
  id: number;
  documentId: string;
  updatedAt: string | Date;
  email: string | null;
  newsletter: boolean;
};

export type FieldChoice = {
  field: MergedField;
  /** Each contact's value, the survivor first. */
  values: { documentId: string; value: unknown }[];
  /** The most recently updated contact with a value; the survivor's on a tie or when none has one. */
  proposed: string;
  /** The contact whose value is kept: the request's choice, or the proposed one. */
  chosen: string;
  value: unknown;
};

/** A value that says nothing of the person: a choice with a default (gender) left at it counts as empty. */
const isEmpty = (field: string, value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (field === 'gender' && value === 'unspecified');

const timeOf = (value: unknown) => new Date(value as string).getTime();

/** Field by field, the value each contact holds and the one the survivor will keep. `contacts[0]` is the survivor. */
export function chooseFields(
  contacts: readonly MergeContact[],
  overrides: Partial<Record<MergedField, string>>
): FieldChoice[] {
  return MERGED_FIELDS.map((field) => {
    const values = contacts.map((contact) => ({
      documentId: contact.documentId,
      value: contact[field] ?? null,
    }));
    let proposed = contacts[0] as MergeContact;
    for (const contact of contacts) {
      if (isEmpty(field, contact[field])) continue;
      if (isEmpty(field, proposed[field]) || timeOf(contact.updatedAt) > timeOf(proposed.updatedAt))
        proposed = contact;
    }
    const chosen = overrides[field] ?? proposed.documentId;
    const value = values.find((entry) => entry.documentId === chosen)?.value ?? null;
    return { field, values, proposed: proposed.documentId, chosen, value };
  });
}

export type LinkUid = typeof UID.clientContact | typeof UID.offerContact;

export type StoredLink = {
  linkUid: LinkUid;
  id: number;
  documentId: string;
  role: string;
  isPrimary: boolean;
  contactId: number;
  targetId: number;
  targetDocumentId: string;
};

export type PlannedLinks = {
  /** The links the survivor holds after the merge, with their primary flag then. */
  kept: (StoredLink & { primaryAfter: boolean })[];
  /** Links of a merged contact whose role on the target the survivor already holds (or another merged one). */
  removed: StoredLink[];
};

/**
 * Every link of the contacts goes to the survivor. The same role on the same target collapses to
 * one link (the survivor's own, else the oldest); a target whose primary contact was one of them
 * keeps exactly one primary link, held by the survivor.
 */
export function planLinks(links: readonly StoredLink[], survivorId: number): PlannedLinks {
  const byRole = new Map<string, StoredLink[]>();
  for (const link of [...links].sort((a, b) => a.id - b.id)) {
    const key = `${link.linkUid} ${link.targetId} ${link.role}`;
    byRole.set(key, [...(byRole.get(key) ?? []), link]);
  }
  const keptOf = new Map<StoredLink, StoredLink>();
  const kept: StoredLink[] = [];
  const removed: StoredLink[] = [];
  for (const group of byRole.values()) {
    const keeper = group.find((link) => link.contactId === survivorId) ?? (group[0] as StoredLink);
    kept.push(keeper);
    for (const link of group) {
      keptOf.set(link, keeper);
      if (link !== keeper) removed.push(link);
    }
  }
  const primaries = new Set(
    links.filter((link) => link.isPrimary).map((link) => keptOf.get(link) as StoredLink)
  );
  return {
    kept: kept.sort((a, b) => a.id - b.id).map((link) => ({ ...link, primaryAfter: primaries.has(link) })),
    removed,
  };
}

export type StoredConsentEvent = {
  id: number;
  documentId: string;
  action: string;
  occurredAt: string | Date;
  newsletter: boolean | null;
  contactId: number;
};

/**
 * The survivor's newsletter flag: what the most recent explicit consent event of all the contacts
 * says (a sign-up request alone is no consent), and never true without one.
 */
export function newsletterAfterMerge(events: readonly StoredConsentEvent[]): {
  newsletter: boolean;
  basedOn: StoredConsentEvent | null;
} {
  const explicit = events
    .filter((event) => event.action !== 'requested' && typeof event.newsletter === 'boolean')
    .sort((a, b) => timeOf(a.occurredAt) - timeOf(b.occurredAt) || a.id - b.id);
  const last = explicit[explicit.length - 1] ?? null;
  return { newsletter: last?.newsletter === true, basedOn: last };
}

/** The e-mails of the contacts that the survivor will not carry: kept as its aliases. */
export function aliasesAfterMerge(contacts: readonly MergeContact[], keptEmail: unknown): string[] {
  const emails = contacts.flatMap((contact) =>
    typeof contact.email === 'string' && contact.email !== '' ? [contact.email.toLowerCase()] : []
  );
  const kept = typeof keptEmail === 'string' ? keptEmail.toLowerCase() : null;
  return [...new Set(emails)].filter((email) => email !== kept);
}
