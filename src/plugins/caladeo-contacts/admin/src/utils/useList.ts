import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/admin';
import { messageOf } from './api';

/** The page sizes a list offers; the first is the server's default. */
export const PAGE_SIZES = [25, 50, 100] as const;

/**
 * A list whose whole state (search, filters, order, page size, page) lives in the URL, so that it can be
 * shared and survives a reload. Pages are keyset cursors: `after` holds the cursors walked so far,
 * the last one being the current page's.
 */
export const useList = <Item>(url: string, filterKeys: readonly string[]) => {
  const { get } = useFetchClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const [state, setState] = useState<{ data?: ListResponse<Item>; error?: string; loading: boolean }>({
    loading: true,
  });
  // read again after a bulk action changed the rows, the query staying the same
  const [version, setVersion] = useState(0);

  const trail = (searchParams.get('after') ?? '').split(',').filter(Boolean);
  const query = searchParams.toString();

  useEffect(() => {
    const controller = new AbortController();
    const params: Record<string, string> = {};
    for (const key of ['q', 'order', 'pageSize', ...filterKeys]) {
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
  }, [get, url, query, version]);

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

  const pageSize = Number(searchParams.get('pageSize')) || PAGE_SIZES[0];

  return {
    ...state,
    params: searchParams,
    page: trail.length + 1,
    pageSize,
    /** Whether a search or a filter narrows the list (the page size and order do not). */
    isFiltered: ['q', ...filterKeys].some((key) => searchParams.get(key)),
    /** The search and the list's filters, as the list's routes take them (no page, no page size). */
    query: Object.fromEntries(
      ['q', 'order', ...filterKeys].flatMap((key) => {
        const value = searchParams.get(key);
        return value ? [[key, value]] : [];
      })
    ) as Record<string, string>,
    update,
    reload: () => setVersion((current) => current + 1),
    /** Removes the search and every filter, keeping the order and the page size. */
    resetFilters: () => update(Object.fromEntries(['q', ...filterKeys].map((key) => [key, null]))),
    setPageSize: (size: number) => update({ pageSize: size === PAGE_SIZES[0] ? null : String(size) }),
    nextPage: () => state.data?.pagination.nextCursor && goTo([...trail, state.data.pagination.nextCursor]),
    previousPage: () => goTo(trail.slice(0, -1)),
  };
};
