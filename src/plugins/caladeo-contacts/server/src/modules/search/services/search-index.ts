import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { getService } from '../../../utils/get-service';
import { buildContactSearchText, type ContactRecord } from '../../../validation';

type ContactRow = ContactRecord & { id: number; documentId: string };
type LinkRow = { contact: { id: number } | null; client: { name: string } | null };

const CONTACT_TABLE = 'caladeo_contacts';
/** Contacts re-indexed per statement: few enough for SQLite's parameter limit, many enough to be quick. */
const CHUNK_SIZE = 500;

const chunksOf = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK_SIZE) }, (_, index) =>
    items.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE)
  );

/**
 * Keeps each contact's `searchText` true when something outside the contact changes it: a link to
 * a client made or removed, a client renamed or deleted. Runs inside the caller's transaction.
 */
const searchIndex = ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => strapi.db.query(UID.clientContact);

  /** The names of each contact's clients, in the order the links were made. */
  const clientNamesByContact = async (contactIds: readonly number[]) => {
    const rows = (await links().findMany({
      where: { contact: { id: { $in: [...contactIds] } } },
      populate: { contact: { select: ['id'] }, client: { select: ['name'] } },
      orderBy: { id: 'asc' },
    })) as LinkRow[];
    const names = new Map<number, string[]>();
    for (const { contact, client } of rows) {
      if (!contact || !client) continue;
      names.set(contact.id, [...(names.get(contact.id) ?? []), client.name]);
    }
    return names;
  };

  /**
   * Writes new search texts in one statement (`CASE id WHEN … THEN … END`), in the caller's
   * transaction: `strapi.db.transaction` inside one joins it.
   */
  const writeSearchTexts = (changes: { id: number; searchText: string }[]) =>
    changes.length === 0
      ? Promise.resolve()
      : strapi.db.transaction(async ({ trx }) => {
          await trx(CONTACT_TABLE)
            .whereIn(
              'id',
              changes.map(({ id }) => id)
            )
            .update({
              search_text: trx.raw(
                `CASE id ${changes.map(() => 'WHEN ? THEN ?').join(' ')} END`,
                changes.flatMap(({ id, searchText }) => [id, searchText])
              ),
            });
        });

  /** A merged contact's old e-mails find the contact it went to: they come before the client names. */
  const aliasesByContact = (documentIds: readonly string[]) =>
    getService(strapi, 'email-aliases').ofContacts(documentIds);

  return {
    async clientNamesOf(contactId: number): Promise<string[]> {
      return (await clientNamesByContact([contactId])).get(contactId) ?? [];
    },

    /** What a contact's search text holds besides its own fields: its aliases and its clients' names. */
    async searchTermsOf(contact: { id: number; documentId: string }): Promise<string[]> {
      const [aliases, names] = await Promise.all([
        aliasesByContact([contact.documentId]),
        this.clientNamesOf(contact.id),
      ]);
      return [...(aliases.get(contact.documentId) ?? []), ...names];
    },

    async contactIdsOfClient(clientId: number): Promise<number[]> {
      const rows = (await links().findMany({
        where: { client: { id: clientId } },
        populate: { contact: { select: ['id'] } },
      })) as LinkRow[];
      return [...new Set(rows.flatMap((link) => (link.contact ? [link.contact.id] : [])))];
    },

    /**
     * Recomputes the search text of these contacts, a chunk at a time: three statements per 500
     * contacts (the contacts, their clients' names, the update), whatever their number, so that
     * renaming a client of thousands of people holds its transaction briefly.
     */
    async refreshContacts(contactIds: readonly number[]) {
      for (const chunk of chunksOf([...new Set(contactIds)])) {
        const contacts = (await strapi.db
          .query(UID.contact)
          .findMany({ where: { id: { $in: chunk } } })) as ContactRow[];
        const names = await clientNamesByContact(chunk);
        const aliases = await aliasesByContact(contacts.map((contact) => contact.documentId));
        const changes = contacts.flatMap((contact) => {
          const searchText = buildContactSearchText(contact, [
            ...(aliases.get(contact.documentId) ?? []),
            ...(names.get(contact.id) ?? []),
          ]);
          return searchText === contact.searchText ? [] : [{ id: contact.id, searchText }];
        });
        await writeSearchTexts(changes);
      }
    },
  };
};

export type SearchIndexService = ReturnType<typeof searchIndex>;
export default searchIndex;
