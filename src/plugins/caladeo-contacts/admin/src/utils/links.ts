import { LINK_ROLES } from '../../../shared/constants';
import { personName } from './names';

/** One link as a page passes it to the links table: one role of one contact on one target. */
export type LinkRow = {
  documentId: string;
  role: string;
  isPrimary: boolean;
  /** The other end's name: the client or offer on a contact's page, the contact on a client's. */
  name: string;
  to: string | null;
  /** The other end's documentId; rows without it are grouped by their link, then by their name. */
  targetId?: string;
  /**
   * On a contact's page, the name of whoever is primary on the target now (this contact or another
   * one), or null when nobody is; a client's page finds it among its own rows.
   */
  primaryName?: string | null;
};

/** Both ends of a link: the contact and the client or offer. */
export type LinkEnds = { contact: string; target: string };

/** Every role of one contact on one target: one line of the table. */
export type LinkGroup = {
  key: string;
  name: string;
  to: string | null;
  /** The roles, in the order documents list them. */
  links: LinkRow[];
  /** The link that makes this contact the target's primary, if one does. */
  primary: LinkRow | null;
};

const groupKey = (row: LinkRow) => row.targetId ?? row.to ?? `name:${row.name}`;

const roleOrder = (role: string) => {
  const index = (LINK_ROLES as readonly string[]).indexOf(role);
  return index === -1 ? LINK_ROLES.length : index;
};

/** Groups links by their other end, in the order each end first appears. */
export const groupLinksByTarget = (rows: readonly LinkRow[]): LinkGroup[] => {
  const groups = new Map<string, LinkGroup>();
  for (const row of rows) {
    const key = groupKey(row);
    const group = groups.get(key) ?? { key, name: row.name, to: row.to, links: [], primary: null };
    group.links.push(row);
    if (row.isPrimary) group.primary = row;
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    ...group,
    links: [...group.links].sort((a, b) => roleOrder(a.role) - roleOrder(b.role)),
  }));
};

/** The roles this contact does not hold on the target yet. */
export const rolesLeft = (group: LinkGroup) =>
  LINK_ROLES.filter((role) => !group.links.some((link) => link.role === role));

/** How many different records these links reach (a contact with two roles on a client counts once). */
export const distinctCount = (ids: ReadonlyArray<string | null | undefined>) =>
  new Set(ids.filter((id): id is string => Boolean(id))).size;

/**
 * Who stops being primary when this link becomes primary: the name of another contact, or null when
 * nobody loses it (the target has no primary, or this contact is primary through another role).
 * On a contact's page the row names the target's primary; on a client's page it is one of the groups.
 */
export const primaryLoser = (row: LinkRow, groups: readonly LinkGroup[], rowsAreContacts: boolean) => {
  if (rowsAreContacts) {
    const holder = groups.find((group) => group.primary);
    // a table of one role (an offer's travellers) may not hold the primary: the row then names it
    if (!holder) return row.primaryName ?? null;
    return holder.links.some((link) => link.documentId === row.documentId) ? null : holder.name;
  }
  const ownGroup = groups.find((group) => group.links.some((link) => link.documentId === row.documentId));
  if (ownGroup?.primary) return null;
  return row.primaryName ?? null;
};

/** The contact a target's link names, as its links list it. */
type TargetLink = {
  isPrimary: boolean;
  contact: {
    documentId: string;
    firstName?: string | null;
    lastName?: string | null;
    email?: string | null;
  } | null;
};

/**
 * Who stops being primary when `contact` is attached to a target as its primary contact: the name
 * of the target's primary contact now, or null when it has none or it is that contact already.
 */
export const primaryLoserOnAttach = (targetLinks: readonly TargetLink[], contact: string) => {
  const holder = targetLinks.find((link) => link.isPrimary)?.contact;
  return holder && holder.documentId !== contact ? personName(holder) : null;
};
