import type { Core } from '@strapi/strapi';
import { UID, type SuppressionKind } from '../../../../../shared/constants';
import { newDocumentId } from '../../../utils/bulk-insert';
import { privacySettings } from '../settings';
import { suppressionHash } from '../suppression-hash';

export type SuppressedValue = { kind: SuppressionKind; value: string };

/** Hashes looked up per statement: few enough for SQLite's parameter limit. */
const LOOKUP_CHUNK = 500;

/**
 * The suppression list: keyed hashes of erased people's e-mails and phones, never the values.
 * An import refuses a row that matches one; a fresh, confirmed newsletter sign-up removes its
 * address's hash (the person consented anew). Runs in the caller's transaction.
 */
const suppressions = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = () => strapi.db.query(UID.privacySuppression);
  const hashOf = ({ kind, value }: SuppressedValue) =>
    suppressionHash(privacySettings(strapi).secret, kind, value);

  return {
    hashOf,

    /** Adds the hashes of these values (once each); returns how many the list holds for them. */
    async add(values: readonly SuppressedValue[]) {
      const wanted = new Map(values.map((value) => [hashOf(value), value.kind]));
      if (wanted.size === 0) return 0;
      const present = new Set(
        (
          (await entries().findMany({ select: ['hash'], where: { hash: { $in: [...wanted.keys()] } } })) as {
            hash: string;
          }[]
        ).map((row) => row.hash)
      );
      const now = new Date();
      const missing = [...wanted].filter(([hash]) => !present.has(hash));
      if (missing.length > 0) {
        await entries().createMany({
          data: missing.map(([hash, kind]) => ({
            documentId: newDocumentId(),
            kind,
            hash,
            createdAt: now,
            updatedAt: now,
          })),
        });
      }
      return wanted.size;
    },

    /**
     * Which of these values belong to an erased person, in a statement per 500 hashes (an import
     * asks for a whole chunk at once). Answers the values as given.
     */
    async suppressedAmong(values: readonly SuppressedValue[]): Promise<Set<string>> {
      const byHash = new Map<string, string[]>();
      for (const value of values) {
        const hash = hashOf(value);
        byHash.set(hash, [...(byHash.get(hash) ?? []), value.value]);
      }
      const hashes = [...byHash.keys()];
      const found = new Set<string>();
      for (let start = 0; start < hashes.length; start += LOOKUP_CHUNK) {
        const rows = (await entries().findMany({
          select: ['hash'],
          where: { hash: { $in: hashes.slice(start, start + LOOKUP_CHUNK) } },
        })) as { hash: string }[];
        for (const row of rows) for (const value of byHash.get(row.hash) ?? []) found.add(value);
      }
      return found;
    },

    /** A person consented anew with this address: it no longer stands for an erased person. */
    async release(value: SuppressedValue) {
      await entries().deleteMany({ where: { hash: hashOf(value) } });
    },
  };
};

export type SuppressionsService = ReturnType<typeof suppressions>;
export default suppressions;
