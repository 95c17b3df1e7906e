import { MAX_MERGED_CONTACTS } from '../../../shared/constants';

/** A merge makes one record of several: two at least, MAX_MERGED_CONTACTS at most (contacts or clients). */
export const MIN_MERGED = 2;
export const MAX_MERGED = MAX_MERGED_CONTACTS;

/** Whether this many records ticked one by one can go to a merge page. */
export const isMergeableCount = (count: number) => count >= MIN_MERGED && count <= MAX_MERGED;

/** The ids of the query string `?ids=A,B`, each once, in their order. */
export const idsOf = (raw: string | null) => [
  ...new Set(
    (raw ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
  ),
];

/** One value per record for a field, as the merge preview answers it (server module merges, plan.ts). */
export type FieldRow = {
  field: string;
  values: { documentId: string; value: unknown }[];
  proposed: string;
  chosen: string;
  value: unknown;
};
