import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ListPagination, ListResponse, ListTotal } from '../../../shared/contracts/admin';
import { messageOf } from './api';

/** The page sizes a list offers; the first is the server's default. */
export const PAGE_SIZES = [25, 50, 100] as const;

/** A list's total as read apart: for which search and filters, and what came back. */
type CountState = { key: string; total?: ListTotal; failed?: boolean };

/**
 * A list whose whole state (search, filters, order, page size, page) lives in the URL, so that it can be
 * shared and survives a reload. Pages are keyset cursors: `after` holds the cursors walked so far,
 * the last one being the current page's.
 *
 * With `countUrl`, the rows are asked without their total (`withCount=false`), which costs as much
 * as the rows on a common name, and the total is read from `countUrl` once the rows are shown:
 * once per search and filters, not again for each page. An answer for an older search is
 * dropped (its request aborted), so that fast typing never leaves another search's total.
 */
export const useList = <Item>(
  url: string,
  filterKeys: readonly string[],
  options: { countUrl?: string } = {}
) => {
  const { countUrl } = options;
  const { get } = useFetchClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const [state, setState] = useState<{
    data?: ListResponse<Item>;
    error?: string;
    /** The query and version the rows are for, and the key of their search and filters' count. */
    shownFor?: string;
    countKey?: string;
  }>({});
  // read again after a bulk action changed the rows, the query staying the same
  const [version, setVersion] = useState(0);
  const [count, setCount] = useState<CountState | null>(null);

  const trail = (searchParams.get('after') ?? '').split(',').filter(Boolean);
  const query = searchParams.toString();
  const valuesOf = (keys: readonly string[]) => {
    const params: Record<string, string> = {};
    for (const key of keys) {
      const value = searchParams.get(key);
      if (value) params[key] = value;
    }
    return params;
  };
  // the count depends on the search and the filters only: paging or re-ordering keeps it
  const countParams = valuesOf(['q', ...filterKeys]);
  const countKey = `${JSON.stringify(countParams)}#${version}`;
  // loading until the answer for this query and version has come: derived, not set by the request's
  // effect, so that a new search renders the page once, not again to say it is loading
  const loading = state.shownFor !== `${query}#${version}`;
  const rowsShown = !loading && state.data !== undefined;
  const countKeyAsked = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const params = valuesOf(['q', 'order', 'pageSize', ...filterKeys]);
    const cursor = trail[trail.length - 1];
    if (cursor) params.cursor = cursor;
    if (countUrl) params.withCount = 'false';
    const shown = { shownFor: `${query}#${version}`, countKey };
    get<ListResponse<Item>>(url, { params, signal: controller.signal })
      .then(({ data }) => setState({ data, ...shown }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ error: messageOf(error), ...shown });
      });
    return () => controller.abort();
    // the query string is the whole state
  }, [get, url, countUrl, query, version]);

  useEffect(() => {
    // asked once the rows are on screen, and not again while the search and filters stay the same
    if (!countUrl || !rowsShown || countKeyAsked.current === countKey) return;
    countKeyAsked.current = countKey;
    const controller = new AbortController();
    let settled = false;
    get<ListTotal>(countUrl, { params: countParams, signal: controller.signal })
      .then(({ data }) => setCount({ key: countKey, total: data }))
      .catch(() => {
        if (!controller.signal.aborted) setCount({ key: countKey, failed: true });
      })
      .finally(() => {
        settled = true;
      });
    return () => {
      if (settled) return;
      // another search or filter came first: its answer is dropped, and if the same search comes
      // back (its rows shown again), it is asked again
      controller.abort();
      if (countKeyAsked.current === countKey) countKeyAsked.current = null;
    };
  }, [get, countUrl, countKey, rowsShown]);

  // the total of the rows on screen (while a new search loads, the previous rows stay with theirs)
  const countNow = count && count.key === state.countKey ? count : null;
  /** The page's place and, once known, its list's total: never another search's. */
  const pagination: ListPagination | undefined = state.data
    ? countUrl
      ? {
          pageSize: state.data.pagination.pageSize,
          nextCursor: state.data.pagination.nextCursor,
          ...countNow?.total,
        }
      : state.data.pagination
    : undefined;

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
    loading,
    data: state.data && pagination ? { ...state.data, pagination } : state.data,
    /** The total could not be read: the rows stay, the footer says so. */
    countFailed: Boolean(countNow?.failed),
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
