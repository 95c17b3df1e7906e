/**
 * What a merge does, decided without I/O: which value of each field the survivor keeps, which
 * links it takes over (one per role and target, one primary per target for contacts; one per
 * contact and role, one primary contact for clients), and where a contact's newsletter consent
 * stands. The services read the records, apply this plan and keep what undoing it needs.
 */
import { fieldNames } from '../../../../shared/fields';
import type { UID } from '../../../../shared/constants';

/** The fields a merge chooses; `newsletter` follows the consent log instead (newsletterAfterMerge). */
export const MERGED_FIELDS = fieldNames('contact').filter((field) => field !== 'newsletter');
export type MergedField = (typeof MERGED_FIELDS)[number];

/** The fields a merge of clients chooses: every field of the client catalogue. */
export const MERGED_CLIENT_FIELDS = fieldNames('client');
export type MergedClientField = (typeof MERGED_CLIENT_FIELDS)[number];

/** A record being merged, contact or client. */
export type MergeRecord = Record<string, unknown> & {
  id: number;
  documentId: string;
  updatedAt: string | Date;
};

export type MergeContact = MergeRecord & {
  email: string | null;
  newsletter: boolean;
};

export type FieldChoice<Field extends string = MergedField> = {
  field: Field;
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

/** Field by field, the value each record holds and the one the survivor will keep. `records[0]` is the survivor. */
export function chooseFieldsOf<Field extends string>(
  records: readonly MergeRecord[],
  fields: readonly Field[],
  overrides: Partial<Record<Field, string>>
): FieldChoice<Field>[] {
  return fields.map((field) => {
    const values = records.map((record) => ({
      documentId: record.documentId,
      value: record[field] ?? null,
    }));
    let proposed = records[0] as MergeRecord;
    for (const record of records) {
      if (isEmpty(field, record[field])) continue;
      if (isEmpty(field, proposed[field]) || timeOf(record.updatedAt) > timeOf(proposed.updatedAt))
        proposed = record;
    }
    const chosen = overrides[field] ?? proposed.documentId;
    const value = values.find((entry) => entry.documentId === chosen)?.value ?? null;
    return { field, values, proposed: proposed.documentId, chosen, value };
  });
}

/** The contact fields the survivor keeps. `contacts[0]` is the survivor. */
export const chooseFields = (
  contacts: readonly MergeContact[],
  overrides: Partial<Record<MergedField, string>>
): FieldChoice[] => chooseFieldsOf(contacts, MERGED_FIELDS, overrides);

/**
 * Groups links by `keyOf` (oldest first) and keeps one per group: the survivor's own, else the
 * oldest. Answers which link each one collapses into.
 */
function collapseLinks<Link extends { id: number }>(
  links: readonly Link[],
  keyOf: (link: Link) => string,
  isSurvivors: (link: Link) => boolean
) {
  const groups = new Map<string, Link[]>();
  for (const link of [...links].sort((a, b) => a.id - b.id)) {
    const key = keyOf(link);
    groups.set(key, [...(groups.get(key) ?? []), link]);
  }
  const keptOf = new Map<Link, Link>();
  const kept: Link[] = [];
  const removed: Link[] = [];
  for (const group of groups.values()) {
    const keeper = group.find(isSurvivors) ?? (group[0] as Link);
    kept.push(keeper);
    for (const link of group) {
      keptOf.set(link, keeper);
      if (link !== keeper) removed.push(link);
    }
  }
  kept.sort((a, b) => a.id - b.id);
  return { keptOf, kept, removed };
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
  const { keptOf, kept, removed } = collapseLinks(
    links,
    (link) => `${link.linkUid} ${link.targetId} ${link.role}`,
    (link) => link.contactId === survivorId
  );
  const primaries = new Set(
    links.filter((link) => link.isPrimary).map((link) => keptOf.get(link) as StoredLink)
  );
  return { kept: kept.map((link) => ({ ...link, primaryAfter: primaries.has(link) })), removed };
}

/** A contact's role on one of the clients being merged. */
export type StoredClientLink = {
  id: number;
  documentId: string;
  role: string;
  isPrimary: boolean;
  clientId: number;
  contactId: number;
  contactDocumentId: string;
};

export type PlannedClientLinks = {
  kept: (StoredClientLink & { primaryAfter: boolean })[];
  removed: StoredClientLink[];
};

/**
 * Every contact link of the clients goes to the survivor. The same contact in the same role
 * collapses to one link (the survivor's own, else the oldest). The survivor has one primary
 * contact at most: its own if it had one, else the one of the most recently updated merged
 * client that had one. `clientIdsByRecency` lists the merged clients, most recently updated first.
 */
export function planClientLinks(
  links: readonly StoredClientLink[],
  survivorId: number,
  clientIdsByRecency: readonly number[]
): PlannedClientLinks {
  const { keptOf, kept, removed } = collapseLinks(
    links,
    (link) => `${link.contactId} ${link.role}`,
    (link) => link.clientId === survivorId
  );
  const primaryOf = (clientId: number) => links.find((link) => link.clientId === clientId && link.isPrimary);
  const winner = [survivorId, ...clientIdsByRecency].map(primaryOf).find((link) => link !== undefined);
  const primary = winner ? keptOf.get(winner) : undefined;
  return { kept: kept.map((link) => ({ ...link, primaryAfter: link === primary })), removed };
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
