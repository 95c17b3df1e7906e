import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  LIST_COLUMNS,
  type ListColumnsEntry,
  type ListViewEntry,
  type ListViewList,
  type ListViewState,
} from '../../../shared/list-views';
import { API, messageOf } from './api';
import { useStableCallback } from './useStableCallback';
import { useT } from './translate';

/**
 * The signed-in user's columns and saved views of a list, kept on the server so that they follow
 * the user from one browser to another. Columns are shown at once and saved behind; the views'
 * writes answer or throw, so that a dialog can show a refused name next to its field.
 */
export const useListSettings = (list: ListViewList) => {
  const { get, put, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { t } = useT();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [views, setViews] = useState<ListViewEntry[]>([]);
  const [loaded, setLoaded] = useState(false);

  const readViews = useCallback(
    () => get<{ data: ListViewEntry[] }>(`${API}/list-views/${list}`).then(({ data }) => setViews(data.data)),
    [get, list]
  );

  useEffect(() => {
    let current = true;
    Promise.all([
      get<{ data: ListColumnsEntry }>(`${API}/list-columns/${list}`).then(({ data }) => {
        if (current) setChosen(data.data.columns);
      }),
      readViews(),
    ])
      // without them the list still works, with its default columns and no views
      .catch(() => undefined)
      .finally(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, [get, list, readViews]);

  // the columns and their setters keep their identity across renders (the columns menu is memoised)
  const setColumns = useStableCallback((columns: string[]) => {
    setChosen(columns);
    put(`${API}/list-columns/${list}`, { columns }).catch((error: unknown) =>
      toggleNotification({ type: 'danger', message: t('columns.saveFailed', { message: messageOf(error) }) })
    );
  });
  const resetColumns = useStableCallback(() => setColumns([...LIST_COLUMNS[list]]));
  const columns = useMemo(() => chosen ?? [...LIST_COLUMNS[list]], [chosen, list]);

  return {
    loaded,
    /** The columns shown, in their order: the user's choice, else the list's defaults. */
    columns,
    setColumns,
    resetColumns,
    views,
    async saveView(name: string, state: ListViewState) {
      const { data } = await post<{ data: ListViewEntry }>(`${API}/list-views/${list}`, { name, state });
      await readViews();
      return data.data;
    },
    async changeView(documentId: string, change: { name?: string; state?: ListViewState }) {
      const { data } = await put<{ data: ListViewEntry }>(`${API}/list-views/${list}/${documentId}`, change);
      await readViews();
      return data.data;
    },
    async deleteView(documentId: string) {
      await del(`${API}/list-views/${list}/${documentId}`);
      await readViews();
    },
  };
};

export type ListSettings = ReturnType<typeof useListSettings>;
