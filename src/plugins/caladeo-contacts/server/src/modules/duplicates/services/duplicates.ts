import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { readConnection } from '../../../utils/read-transaction';
import { SIMILAR_NAME_THRESHOLD } from '../../../validation';
import { CLIENTS, CLIENT_LINKS, CONTACTS, CONTACT_LINKS, SHOWN_COLUMNS } from '../tables';
import {
  comparisonKeys,
  duplicateScore,
  reasonsBetween,
  type ComparedContact,
  type DuplicateReason,
} from '../reasons';

/** What a likely duplicate shows of the stored contact: enough to recognise the person and open it. */
const SHOWN_FIELDS = Object.keys(SHOWN_COLUMNS) as (keyof typeof SHOWN_COLUMNS)[];

type StoredContact = { id: number; documentId: string } & Record<
  keyof typeof SHOWN_COLUMNS,
  string | null
> & { updatedAt?: string };

export type LikelyDuplicate = {
  contact: Omit<StoredContact, 'id'>;
  score: number;
  reasons: DuplicateReason[];
};

/** Candidates fetched per key: a key shared by more records than this says little about one of them. */
export const CANDIDATES_PER_KEY = 50;
/** Likely duplicates answered, best first. */
const MAX_ANSWERED = 10;

/** The best likely duplicates first (ties by documentId, so that answers are stable), at most ten. */
export const bestFirst = <Found extends { score: number }>(
  found: Found[],
  documentIdOf: (entry: Found) => string
): Found[] =>
  [...found]
    .sort((a, b) => b.score - a.score || (documentIdOf(a) < documentIdOf(b) ? -1 : 1))
    .slice(0, MAX_ANSWERED);

const duplicates = ({ strapi }: { strapi: Core.Strapi }) => {
  const contacts = () => strapi.db.query(UID.contact);
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const byKey = async (where: Record<string, unknown>, excluded: string | null) =>
    (await contacts().findMany({
      select: ['id', ...SHOWN_FIELDS],
      where: excluded ? { ...where, documentId: { $ne: excluded } } : where,
      limit: CANDIDATES_PER_KEY,
    })) as StoredContact[];

  /**
   * Contacts of one postal code whose folded name is similar by trigrams. PostgreSQL ranks them
   * with pg_trgm; SQLite reads the postal code's contacts and the same similarity is computed
   * in reasons.ts, which re-checks PostgreSQL's answer too, so both give the same reasons.
   */
  const similarInPostalCode = async (postalCode: string, nameKey: string, excluded: string | null) => {
    if (!isPostgres()) return byKey({ postalCode, nameKey: { $notNull: true } }, excluded);
    return (
      (await readConnection(strapi)(CONTACTS)
        .select('id', ...SHOWN_FIELDS.map((field) => `${SHOWN_COLUMNS[field]} as ${field}`))
        .where({ postal_code: postalCode })
        // `%` lets the trigram index narrow a crowded postal code (it holds from pg_trgm's default
        // threshold, 0.3, up); the similarity test then keeps exactly what reasons.ts keeps
        // lower(name_key) is the key itself (stored in lower case), as the GiST index of the postal
        // code and name has it (database/migrations/2026.12.09T00.00.00.similar-name-gist.ts)
        .whereRaw('lower(name_key) operator(public.%) ?', [nameKey])
        .whereRaw('public.similarity(lower(name_key), ?) >= ?', [nameKey, SIMILAR_NAME_THRESHOLD])
        .modify((query) => (excluded ? query.whereNot({ document_id: excluded }) : query))
        .orderByRaw('public.similarity(lower(name_key), ?) desc', [nameKey])
        .limit(CANDIDATES_PER_KEY)) as StoredContact[]
    );
  };

  /** The documentIds of the clients of each contact, read through the link's two join tables at once. */
  const clientsOf = async (contactIds: number[]) => {
    const clients = new Map<number, string[]>();
    if (contactIds.length === 0) return clients;
    const links = (await readConnection(strapi)(`${CONTACT_LINKS} as cl`)
      .join(`${CLIENT_LINKS} as kl`, 'kl.client_contact_id', 'cl.client_contact_id')
      .join(`${CLIENTS} as k`, 'k.id', 'kl.client_id')
      .whereIn('cl.contact_id', contactIds)
      .select('cl.contact_id as contactId', 'k.document_id as documentId')) as {
      contactId: number;
      documentId: string;
    }[];
    for (const { contactId, documentId } of links)
      clients.set(contactId, [...(clients.get(contactId) ?? []), documentId]);
    return clients;
  };

  /**
   * Every stored contact that may be the person described, with why and how likely, unordered and
   * with its row id: the warning keeps the best ten, the pairs of the scan keep them all.
   */
  const candidatesOf = async (typed: ComparedContact, excluded: string | null) => {
    const keys = comparisonKeys(typed);
    const lookups: Promise<StoredContact[]>[] = [];
    if (keys.email) lookups.push(byKey({ email: keys.email }, excluded));
    if (keys.phone) lookups.push(byKey({ phone: keys.phone }, excluded));
    if (keys.nameKey) lookups.push(byKey({ nameKey: keys.nameKey }, excluded));
    if (keys.emailLocalPart) lookups.push(byKey({ emailLocalPart: keys.emailLocalPart }, excluded));
    if (keys.postalCode && keys.nameKey)
      lookups.push(similarInPostalCode(keys.postalCode, keys.nameKey, excluded));

    const candidates = new Map<number, StoredContact>();
    for (const found of await Promise.all(lookups)) for (const row of found) candidates.set(row.id, row);
    const clients = await clientsOf([...candidates.keys()]);

    const answered: (LikelyDuplicate & { id: number })[] = [];
    for (const { id, ...contact } of candidates.values()) {
      const reasons = reasonsBetween(typed, { ...contact, clients: clients.get(id) ?? [] });
      if (reasons.length > 0) answered.push({ id, contact, score: duplicateScore(reasons), reasons });
    }
    return answered;
  };

  return {
    candidatesOf,

    /**
     * The stored contacts that may be the person described, with why and how likely, best first.
     * `excluded` is the contact being edited: it is not its own duplicate.
     */
    async likelyDuplicatesOf(typed: ComparedContact, excluded: string | null): Promise<LikelyDuplicate[]> {
      const answered = (await candidatesOf(typed, excluded)).map(({ id: _id, ...found }) => found);
      return bestFirst(answered, (found) => found.contact.documentId);
    },

    /**
     * The stored contacts of these row ids as the reasons compare them (clients included), for
     * the scan, which finds pairs by ids.
     */
    async comparedByIds(
      ids: readonly number[]
    ): Promise<Map<number, ComparedContact & { documentId: string }>> {
      const compared = new Map<number, ComparedContact & { documentId: string }>();
      if (ids.length === 0) return compared;
      const rows = (await contacts().findMany({
        select: ['id', ...SHOWN_FIELDS],
        where: { id: { $in: [...ids] } },
      })) as StoredContact[];
      const clients = await clientsOf(rows.map((row) => row.id));
      for (const { id, ...contact } of rows) compared.set(id, { ...contact, clients: clients.get(id) ?? [] });
      return compared;
    },

    /** The stored contact of a documentId as the reasons compare it, with its row id, or null. */
    async comparedOfStored(documentId: string) {
      const stored = (await contacts().findOne({
        select: ['id', ...SHOWN_FIELDS],
        where: { documentId },
      })) as StoredContact | null;
      if (!stored) return null;
      const clients = (await clientsOf([stored.id])).get(stored.id) ?? [];
      return { ...stored, clients };
    },

    /** The likely duplicates of a stored contact, or null when there is no such contact. */
    async likelyDuplicatesOfStored(documentId: string): Promise<LikelyDuplicate[] | null> {
      const stored = await this.comparedOfStored(documentId);
      return stored ? this.likelyDuplicatesOf(stored, documentId) : null;
    },

    /** The documentIds of a contact's clients, which the typed form does not repeat. */
    async clientsOfStored(documentId: string): Promise<string[]> {
      const stored = (await contacts().findOne({ select: ['id'], where: { documentId } })) as {
        id: number;
      } | null;
      return stored ? ((await clientsOf([stored.id])).get(stored.id) ?? []) : [];
    },
  };
};

export type DuplicatesService = ReturnType<typeof duplicates>;
export default duplicates;
