import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { API, fieldErrorEntriesOf, refusalOf } from './api';
import { idsOf } from './merge';
import { useT } from './translate';

/** Where a kind of merge is asked (`?preview=true` for its preview) and undone. */
export type MergeRoutes = { merge: string; undo: (mergeId: string) => string };

export const CONTACT_MERGE_ROUTES: MergeRoutes = {
  merge: `${API}/contacts/merge`,
  undo: (mergeId) => `${API}/merges/${mergeId}/undo`,
};

export const CLIENT_MERGE_ROUTES: MergeRoutes = {
  merge: `${API}/clients/merge`,
  undo: (mergeId) => `${API}/clients/merges/${mergeId}/undo`,
};

export type MergeDone = { mergeId: string; survivor: string; count: number };

/**
 * A refusal, and whether it refused the merge (or its preview) or the undo; `mergedInto`, when a
 * record was merged already (by a colleague, a moment ago), is the record that merge kept.
 */
export type MergeRefusal = { message: string; during: 'merge' | 'undo'; mergedInto: string | null };

const FIELD_ERRORS = ['survivor', 'merged', 'values'] as const;

const mergedIntoOf = (error: unknown) => {
  const kept = fieldErrorEntriesOf(error).find((entry) => entry.code === 'merge.alreadyMerged')?.values
    ?.documentId;
  return typeof kept === 'string' ? kept : null;
};

/**
 * What a merge page does, for contacts and clients alike: the records of `?ids=A,B`, the one kept
 * (the first by default) and the values chosen by hand; the preview, asked again at each choice;
 * the merge, then its undo. Refusals (400, 404, 409 a record already merged or taken by another
 * merge, 410 an undo too late) are kept in the admin's language.
 */
export const useMerge = <Preview>(routes: MergeRoutes) => {
  const { intl } = useT();
  const { post } = useFetchClient();
  const [params] = useSearchParams();
  const ids = idsOf(params.get('ids'));
  const idsKey = ids.join(',');
  const [survivor, setSurvivor] = useState<string>(ids[0] ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refusal, setRefusal] = useState<MergeRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<MergeDone | null>(null);
  const refuse = useCallback(
    (error: unknown, during: MergeRefusal['during']) =>
      setRefusal({
        message: refusalOf(error, intl, during === 'undo' ? ['mergeId'] : FIELD_ERRORS),
        during,
        mergedInto: mergedIntoOf(error),
      }),
    [intl]
  );

  const body = useCallback(
    () => ({
      data: { survivor, merged: idsKey.split(',').filter((id) => id !== survivor), values },
    }),
    [survivor, values, idsKey]
  );

  useEffect(() => {
    if (done || idsKey.split(',').length < 2) return;
    const controller = new AbortController();
    (async () => {
      try {
        const { data } = await post<{ data: Preview }>(`${routes.merge}?preview=true`, body(), {
          signal: controller.signal,
        });
        setPreview(data.data);
        setRefusal(null);
      } catch (caught) {
        if (!controller.signal.aborted) refuse(caught, 'merge');
      }
    })();
    return () => controller.abort();
  }, [post, body, refuse, done, idsKey, routes.merge]);

  const merge = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ meta: { mergeId: string } }>(routes.merge, body());
      setDone({ mergeId: data.meta.mergeId, survivor, count: ids.length });
      setRefusal(null);
    } catch (caught) {
      refuse(caught, 'merge');
    } finally {
      setBusy(false);
    }
  };

  /** Undoes the merge just made; true once it is undone. */
  const undo = async () => {
    if (!done) return false;
    setBusy(true);
    try {
      await post(routes.undo(done.mergeId), {});
      return true;
    } catch (caught) {
      refuse(caught, 'undo');
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    ids,
    survivor,
    chooseSurvivor: setSurvivor,
    chooseValue: (field: string, documentId: string) =>
      setValues((current) => ({ ...current, [field]: documentId })),
    preview,
    refusal,
    clearRefusal: () => setRefusal(null),
    busy,
    done,
    merge,
    undo,
  };
};

export type MergeFlow<Preview> = ReturnType<typeof useMerge<Preview>>;
