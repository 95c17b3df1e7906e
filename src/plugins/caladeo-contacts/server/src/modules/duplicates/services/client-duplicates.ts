import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import {
  clientComparisonKeys,
  clientDuplicateScore,
  clientReasonsBetween,
  type ClientDuplicateReason,
  type ComparedClient,
} from '../reasons';
import { CANDIDATES_PER_KEY, bestFirst } from './duplicates';

/** What a likely duplicate shows of the stored client: enough to recognise it and open it. */
const SHOWN_FIELDS = ['documentId', 'name', 'type', 'siret', 'postalCode', 'city', 'updatedAt'] as const;

type StoredClient = { id: number; documentId: string } & Record<(typeof SHOWN_FIELDS)[number], string | null>;

export type LikelyClientDuplicate = {
  client: Omit<StoredClient, 'id'>;
  score: number;
  reasons: ClientDuplicateReason[];
};

/**
 * Likely duplicate clients: the same SIRET, or the same folded name (legal-form words left out)
 * in the same town. Candidates are read by indexed equality on `siret` and `nameKey`; the reasons
 * are decided by the pure functions of reasons.ts, so both databases answer the same.
 */
const clientDuplicates = ({ strapi }: { strapi: Core.Strapi }) => {
  const clients = () => strapi.db.query(UID.client);

  const byKey = async (where: Record<string, unknown>, excluded: string | null) =>
    (await clients().findMany({
      select: ['id', ...SHOWN_FIELDS],
      where: excluded ? { ...where, documentId: { $ne: excluded } } : where,
      limit: CANDIDATES_PER_KEY,
    })) as StoredClient[];

  return {
    /**
     * The stored clients that may be the one described, with why and how likely, best first.
     * `excluded` is the client being edited: it is not its own duplicate.
     */
    async likelyDuplicatesOf(
      typed: ComparedClient,
      excluded: string | null
    ): Promise<LikelyClientDuplicate[]> {
      const keys = clientComparisonKeys(typed);
      const lookups: Promise<StoredClient[]>[] = [];
      // the SIRET is stored compact (spaces and dots removed): its digits alone find it
      if (keys.siret) lookups.push(byKey({ siret: keys.siret }, excluded));
      if (keys.nameKey && keys.city) lookups.push(byKey({ nameKey: keys.nameKey }, excluded));
      const candidates = new Map<number, StoredClient>();
      for (const found of await Promise.all(lookups)) for (const row of found) candidates.set(row.id, row);

      const answered: LikelyClientDuplicate[] = [];
      for (const { id: _id, ...client } of candidates.values()) {
        const reasons = clientReasonsBetween(typed, client);
        if (reasons.length > 0) answered.push({ client, score: clientDuplicateScore(reasons), reasons });
      }
      return bestFirst(answered, (found) => found.client.documentId);
    },

    /** The stored client of a documentId as the reasons compare it, or null. */
    async comparedOfStored(documentId: string): Promise<Record<string, unknown> | null> {
      return (await clients().findOne({ where: { documentId } })) as Record<string, unknown> | null;
    },

    /** The likely duplicates of a stored client, or null when there is no such client. */
    async likelyDuplicatesOfStored(documentId: string): Promise<LikelyClientDuplicate[] | null> {
      const stored = await this.comparedOfStored(documentId);
      return stored ? this.likelyDuplicatesOf(stored as ComparedClient, documentId) : null;
    },
  };
};

export type ClientDuplicatesService = ReturnType<typeof clientDuplicates>;
export default clientDuplicates;
