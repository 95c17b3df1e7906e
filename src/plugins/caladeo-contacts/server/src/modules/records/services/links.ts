import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';

/**
 * A contact's role on a client or an offer is a link document. Each link type names the field that
 * points at its target; everything else about links is shared.
 */
export const LINK_TYPES = {
  [UID.clientContact]: { targetField: 'client', targetUid: UID.client },
  [UID.offerContact]: { targetField: 'offer', targetUid: UID.offer },
} as const;

export type LinkUid = keyof typeof LINK_TYPES;
export type LinkType = (typeof LINK_TYPES)[LinkUid];

type Row = { id: number; documentId: string };

const links = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Ensures no other link of the same target stays primary. Runs inside the caller's transaction. */
  async clearPrimary(linkUid: LinkUid, targetDocumentId: string, keepLinkId?: number) {
    await strapi.db.query(linkUid).updateMany({
      where: {
        primaryOf: targetDocumentId,
        ...(keepLinkId === undefined ? {} : { id: { $ne: keepLinkId } }),
      },
      data: { isPrimary: false, primaryOf: null },
    });
  },

  /** The link that is primary on a target now, if any. */
  async primaryLinkOf(linkUid: LinkUid, targetDocumentId: string) {
    return (await strapi.db.query(linkUid).findOne({
      select: ['id', 'documentId'],
      where: { primaryOf: targetDocumentId },
    })) as Row | null;
  },

  async findDuplicate(linkUid: LinkUid, contactDocumentId: string, targetDocumentId: string, role: string) {
    const { targetField } = LINK_TYPES[linkUid];
    return (await strapi.db.query(linkUid).findOne({
      select: ['id', 'documentId'],
      where: {
        role,
        contact: { documentId: contactDocumentId },
        [targetField]: { documentId: targetDocumentId },
      },
    })) as Row | null;
  },

  /** The stored link with the document ids of both ends. */
  async findWithEnds(linkUid: LinkUid, documentId: string) {
    const { targetField } = LINK_TYPES[linkUid];
    const row = (await strapi.db.query(linkUid).findOne({
      where: { documentId },
      populate: { contact: { select: ['documentId'] }, [targetField]: { select: ['documentId'] } },
    })) as (Row & { role: string; isPrimary: boolean } & Record<string, unknown>) | null;
    if (!row) return null;
    const end = (value: unknown) => (value as { documentId?: string } | null)?.documentId ?? null;
    return {
      id: row.id,
      role: row.role,
      isPrimary: row.isPrimary,
      contactDocumentId: end(row.contact),
      targetDocumentId: end(row[targetField]),
    };
  },

  async exists(uid: string, documentId: string) {
    const row = await strapi.db.query(uid as LinkUid).findOne({ select: ['id'], where: { documentId } });
    return row !== null;
  },

  /**
   * Deletes every link of a contact, client or offer and returns the ids of the contacts that were
   * linked. The join rows go with the link rows through their ON DELETE CASCADE foreign keys.
   */
  async deleteLinksOf(end: 'contact' | 'client' | 'offer', documentId: string): Promise<number[]> {
    const linkUids = (Object.keys(LINK_TYPES) as LinkUid[]).filter(
      (uid) => end === 'contact' || LINK_TYPES[uid].targetField === end
    );
    const contactIds: number[] = [];
    for (const linkUid of linkUids) {
      const rows = (await strapi.db.query(linkUid).findMany({
        select: ['id'],
        where: { [end]: { documentId } },
        populate: { contact: { select: ['id'] } },
      })) as Array<Row & { contact: { id: number } | null }>;
      if (rows.length > 0) {
        await strapi.db.query(linkUid).deleteMany({ where: { id: { $in: rows.map((row) => row.id) } } });
        contactIds.push(...rows.flatMap((row) => (row.contact ? [row.contact.id] : [])));
      }
    }
    return contactIds;
  },
});

export type LinksService = ReturnType<typeof links>;
export default links;
