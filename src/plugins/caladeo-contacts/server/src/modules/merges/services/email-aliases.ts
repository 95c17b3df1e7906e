import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';

type AliasRow = { email: string; contactDocumentId: string };

/**
 * The e-mail addresses of contacts merged into another. They keep leading to the contact they
 * went to: a search, a newsletter sign-up, an import and a new contact with one of them all meet
 * that contact. Runs in the caller's transaction.
 */
const emailAliases = ({ strapi }: { strapi: Core.Strapi }) => {
  const aliases = () => strapi.db.query(UID.contactEmailAlias);
  const lowered = (emails: readonly string[]) => [...new Set(emails.map((email) => email.toLowerCase()))];

  return {
    /** The documentId of the contact each of these addresses is an alias of, by lower-cased address. */
    async ownersOf(emails: readonly string[]): Promise<Map<string, string>> {
      if (emails.length === 0) return new Map();
      const rows = (await aliases().findMany({
        select: ['email', 'contactDocumentId'],
        where: { email: { $in: lowered(emails) } },
      })) as AliasRow[];
      return new Map(rows.map((row) => [row.email, row.contactDocumentId]));
    },

    async ownerOf(email: string): Promise<string | null> {
      return (await this.ownersOf([email])).get(email.toLowerCase()) ?? null;
    },

    /** The stored contacts these addresses are aliases of, by lower-cased address. */
    async contactsOf<Row extends { documentId: string }>(
      emails: readonly string[]
    ): Promise<Map<string, Row>> {
      const owners = await this.ownersOf(emails);
      if (owners.size === 0) return new Map();
      const contacts = (await strapi.db
        .query(UID.contact)
        .findMany({ where: { documentId: { $in: [...new Set(owners.values())] } } })) as Row[];
      const byDocumentId = new Map(contacts.map((contact) => [contact.documentId, contact]));
      return new Map(
        [...owners].flatMap(([email, owner]) => {
          const contact = byDocumentId.get(owner);
          return contact ? [[email, contact] as const] : [];
        })
      );
    },

    /** Each contact's aliases, by contact documentId (their search text holds them). */
    async ofContacts(documentIds: readonly string[]): Promise<Map<string, string[]>> {
      const found = new Map<string, string[]>();
      if (documentIds.length === 0) return found;
      const rows = (await aliases().findMany({
        select: ['email', 'contactDocumentId'],
        where: { contactDocumentId: { $in: [...documentIds] } },
        orderBy: { id: 'asc' },
      })) as AliasRow[];
      for (const row of rows)
        found.set(row.contactDocumentId, [...(found.get(row.contactDocumentId) ?? []), row.email]);
      return found;
    },

    /** A contact erased: the addresses that led to it lead nowhere now, and may be used again. */
    async forgetContact(documentId: string) {
      await aliases().deleteMany({ where: { contactDocumentId: documentId } });
    },
  };
};

export type EmailAliasesService = ReturnType<typeof emailAliases>;
export default emailAliases;
