import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/admin';
import { messageOf } from './api';

/**
 * A list whose whole state (search, filters, order, page) lives in the URL, so that it can be
 * shared and survives a reload. Pages are keyset cursors: `after` holds the cursors walked so far,
 * the last one being the current page's.
 */
export const useList = <Item>(url: string, filterKeys: readonly string[]) => {
  const { get } = useFetchClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const [state, setState] = useState<{ data?: ListResponse<Item>; error?: string; loading: boolean }>({
    loading: true,
  });

  const trail = (searchParams.get('after') ?? '').split(',').filter(Boolean);
  const query = searchParams.toString();

  useEffect(() => {
    const controller = new AbortController();
    const params: Record<string, string> = {};
    for (const key of ['q', 'order', ...filterKeys]) {
      const value = searchParams.get(key);
      if (value) params[key] = value;
    }
    const cursor = trail[trail.length - 1];
    if (cursor) params.cursor = cursor;
    setState((previous) => ({ ...previous, loading: true }));
    get<ListResponse<Item>>(url, { params, signal: controller.signal })
      .then(({ data }) => setState({ data, loading: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ error: messageOf(error), loading: false });
      });
    return () => controller.abort();
    // the query string is the whole state
  }, [get, url, query]);

  /** Changes some parameters and goes back to the first page. */
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('after');
    setSearchParams(next);
  };

  const goTo = (nextTrail: string[]) => {
    const next = new URLSearchParams(searchParams);
    if (nextTrail.length > 0) next.set('after', nextTrail.join(','));
    else next.delete('after');
    setSearchParams(next);
  };

  return {
    ...state,
    params: searchParams,
    page: trail.length + 1,
    update,
    nextPage: () => state.data?.pagination.nextCursor && goTo([...trail, state.data.pagination.nextCursor]),
    previousPage: () => goTo(trail.slice(0, -1)),
  };
};
