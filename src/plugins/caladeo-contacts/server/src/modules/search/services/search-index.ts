import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { buildContactSearchText, type ContactRecord } from '../../../validation';

type ContactRow = ContactRecord & { id: number };
type LinkWithClient = { client: { name: string } | null };

/**
 * Keeps each contact's `searchText` true when something outside the contact changes it: a link to
 * a client made or removed, a client renamed or deleted. Runs inside the caller's transaction.
 */
const searchIndex = ({ strapi }: { strapi: Core.Strapi }) => ({
  async clientNamesOf(contactId: number): Promise<string[]> {
    const links = (await strapi.db.query(UID.clientContact).findMany({
      where: { contact: { id: contactId } },
      populate: { client: { select: ['name'] } },
      orderBy: { id: 'asc' },
    })) as LinkWithClient[];
    return links.flatMap((link) => (link.client ? [link.client.name] : []));
  },

  async contactIdsOfClient(clientId: number): Promise<number[]> {
    const links = (await strapi.db.query(UID.clientContact).findMany({
      where: { client: { id: clientId } },
      populate: { contact: { select: ['id'] } },
    })) as Array<{ contact: { id: number } | null }>;
    return [...new Set(links.flatMap((link) => (link.contact ? [link.contact.id] : [])))];
  },

  async refreshContacts(contactIds: readonly number[]) {
    for (const id of new Set(contactIds)) {
      const contact = (await strapi.db.query(UID.contact).findOne({ where: { id } })) as ContactRow | null;
      if (!contact) continue;
      const searchText = buildContactSearchText(contact, await this.clientNamesOf(id));
      if (searchText !== contact.searchText) {
        await strapi.db.query(UID.contact).update({ where: { id }, data: { searchText } });
      }
    }
  },
});

export type SearchIndexService = ReturnType<typeof searchIndex>;
export default searchIndex;
