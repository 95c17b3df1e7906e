import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../../../../../shared/constants';
import type { ListTotal } from '../../../../../shared/contracts/admin';
import { readConnection } from '../../../utils/read-transaction';
import { encodeCursor, type CursorKey, type ListOrder } from '../cursor';
import { escapeLike, planSearch, type SearchPlan } from '../plan';
import { searchSettings } from '../settings';

/** The types whose lists are searched through their folded `search_text` column. */
export const SEARCHABLE = {
  [UID.contact]: { table: 'caladeo_contacts' },
  [UID.client]: { table: 'caladeo_clients' },
} as const;
export type SearchableUid = keyof typeof SEARCHABLE;

/** Totals are counted up to this many rows unless configured (`search.countCap`); beyond, "more than". */
export const TOTAL_COUNT_CAP = 10_000;

/** The search and filters a list and its count share. */
export type ListMatchRequest = {
  q: string;
  /** Strapi `where` from the caller's sanitized filters, or null. */
  where: Record<string, unknown> | null;
};

export type ListSearchRequest = ListMatchRequest & {
  order: ListOrder;
  cursor: CursorKey | null;
  pageSize: number;
  /** False: the page comes without its total, which the caller asks for apart (`count`). */
  withCount: boolean;
};

export type ListSearchPage = {
  ids: number[];
  nextCursor: string | null;
  /** Null when the request said `withCount: false`. */
  count: ListTotal | null;
};

/** How many rows a query matches, counted up to the cap: beyond it, the total is a floor. */
export const countUpToCap = async (
  knex: Knex,
  query: Knex.QueryBuilder,
  cap = TOTAL_COUNT_CAP
): Promise<ListTotal> => {
  const capped = query.select(knex.raw('1')).limit(cap + 1);
  const [{ count }] = (await knex.count({ count: '*' }).from(capped.as('capped'))) as Array<{
    count: number | string;
  }>;
  const total = Number(count);
  return total > cap ? { total: cap, totalIsExact: false } : { total, totalIsExact: true };
};

type Row = { id: number; search_text: string | null; rank?: number | string };

const ESCAPE = "ESCAPE '\\'";

const listSearch = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => readConnection(strapi);
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  /** Byte order on both databases, so that ordering, keyset comparisons and LIKE 'x%' agree. */
  const sortKey = () => (isPostgres() ? 'search_text COLLATE "C"' : 'search_text');
  const keyParameter = () => (isPostgres() ? '? COLLATE "C"' : '?');

  /** The word whose place ranks a match: the prefix typed, or the first word. */
  const rankingWord = (plan: SearchPlan) =>
    escapeLike(
      plan.kind === 'substring' ? (plan.tokens[0] ?? '') : plan.kind === 'prefix' ? plan.prefix : ''
    );

  const rankOf = (plan: SearchPlan) => {
    const escaped = rankingWord(plan);
    return knex().raw(
      `CASE WHEN search_text LIKE ? ${ESCAPE} THEN 0 WHEN search_text LIKE ? ${ESCAPE} THEN 1 ELSE 2 END`,
      [`${escaped}%`, `% ${escaped}%`]
    );
  };

  const applyWhere = (query: Knex.QueryBuilder, uid: SearchableUid, where: ListSearchRequest['where']) => {
    if (where && Object.keys(where).length > 0) {
      const filtered = strapi.db
        .queryBuilder(uid)
        .init({ where, select: ['id'] })
        .getKnexQuery();
      query.whereIn('id', filtered as unknown as Knex.QueryBuilder);
    }
    return query;
  };

  /** Rows matching the plan and the caller's filters, before ordering and paging. */
  const matching = (uid: SearchableUid, plan: SearchPlan, where: ListSearchRequest['where']) => {
    const query = knex()(SEARCHABLE[uid].table);
    if (plan.kind === 'prefix') {
      query.whereRaw(`search_text LIKE ? ${ESCAPE}`, [`${escapeLike(plan.prefix)}%`]);
    } else if (plan.kind === 'substring') {
      for (const token of plan.tokens)
        query.whereRaw(`search_text LIKE ? ${ESCAPE}`, [`%${escapeLike(token)}%`]);
    }
    return applyWhere(query, uid, where);
  };

  /**
   * The first rank's rows (the search text starts with the ranking word: a last name typed) in
   * the sort key's byte order, which is the btree's: a common name's page is read from the index
   * and stops at the page, instead of ranking every match. The ranking word's prefix condition on
   * the byte-ordered key lets PostgreSQL scan that index range; the other words are filters.
   */
  const firstRank = (uid: SearchableUid, plan: SearchPlan, where: ListSearchRequest['where']) => {
    const query = knex()(SEARCHABLE[uid].table).whereRaw(`${sortKey()} LIKE ? ${ESCAPE}`, [
      `${rankingWord(plan)}%`,
    ]);
    if (plan.kind === 'substring') {
      for (const token of plan.tokens.slice(1))
        query.whereRaw(`search_text LIKE ? ${ESCAPE}`, [`%${escapeLike(token)}%`]);
    }
    return applyWhere(query, uid, where);
  };

  const applyOrderAndCursor = (
    query: Knex.QueryBuilder,
    plan: SearchPlan,
    order: ListOrder,
    cursor: CursorKey | null
  ) => {
    const key = sortKey();
    switch (order) {
      case 'relevance': {
        const rank = rankOf(plan);
        query.select(knex().raw('? as rank', [rank]));
        if (cursor?.order === 'relevance') {
          query.whereRaw(`(?, ${key}, id) > (?, ${keyParameter()}, ?)`, [
            rank,
            cursor.rank,
            cursor.sortKey,
            cursor.id,
          ]);
        }
        query.orderByRaw(`rank, ${key}, id`);
        return;
      }
      case 'name':
        // a row-value comparison, which the (search_text, id) index serves as one range scan
        if (cursor?.order === 'name') {
          query.whereRaw(`(${key}, id) > (${keyParameter()}, ?)`, [cursor.sortKey, cursor.id]);
        }
        query.orderByRaw(`${key}, id`);
        return;
      case 'newest':
        if (cursor?.order === 'newest') query.where('id', '<', cursor.id);
        query.orderBy('id', 'desc');
        return;
      case 'oldest':
        if (cursor?.order === 'oldest') query.where('id', '>', cursor.id);
        query.orderBy('id', 'asc');
    }
  };

  const cursorAfter = (row: Row, order: ListOrder): CursorKey => {
    const sortKeyValue = row.search_text ?? '';
    if (order === 'relevance') return { order, rank: Number(row.rank), sortKey: sortKeyValue, id: row.id };
    if (order === 'name') return { order, sortKey: sortKeyValue, id: row.id };
    return { order, id: row.id };
  };

  /**
   * How many rows match, without a full count on a large table: counted up to a cap, or, for the
   * unfiltered list on PostgreSQL, the planner's estimate once the table is large.
   */
  const countMatching = async (
    uid: SearchableUid,
    plan: SearchPlan,
    where: ListSearchRequest['where']
  ): Promise<ListTotal> => {
    const cap = searchSettings(strapi).countCap;
    const unfiltered = plan.kind === 'everything' && (!where || Object.keys(where).length === 0);
    if (unfiltered && isPostgres()) {
      const result = await knex().raw(
        'SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = ?::regclass',
        [SEARCHABLE[uid].table]
      );
      const estimate = Number(result.rows[0]?.estimate ?? -1);
      if (estimate > cap) return { total: estimate, totalIsExact: false };
    }
    return countUpToCap(knex(), matching(uid, plan, where), cap);
  };

  /** The page's rows and one more (there is a next page when it comes), in the list's order. */
  const rowsOfPage = async (uid: SearchableUid, plan: SearchPlan, request: ListSearchRequest) => {
    const wanted = request.pageSize + 1;
    const { cursor } = request;
    const ranked = request.order === 'relevance' && plan.kind !== 'everything';
    if (!ranked || (cursor?.order === 'relevance' && cursor.rank > 0)) {
      const query = matching(uid, plan, request.where).select('id', 'search_text');
      applyOrderAndCursor(query, plan, request.order, cursor);
      return (await query.limit(wanted)) as Row[];
    }
    // the first rank alone, in the index's order: it fills the page of a common last name
    const first = firstRank(uid, plan, request.where).select('id', 'search_text', knex().raw('0 as rank'));
    if (cursor?.order === 'relevance') {
      first.whereRaw(`(${sortKey()}, id) > (${keyParameter()}, ?)`, [cursor.sortKey, cursor.id]);
    }
    const rows = (await first.orderByRaw(`${sortKey()}, id`).limit(wanted)) as Row[];
    // a prefix typed (one or two letters) matches nothing beyond the first rank
    if (rows.length >= wanted || plan.kind === 'prefix') return rows;
    const rest = matching(uid, plan, request.where)
      .select('id', 'search_text')
      .whereRaw(`search_text NOT LIKE ? ${ESCAPE}`, [`${rankingWord(plan)}%`]);
    applyOrderAndCursor(rest, plan, 'relevance', null);
    return [...rows, ...((await rest.limit(wanted - rows.length)) as Row[])];
  };

  return {
    /**
     * Every matching id, in the list's order, a batch at a time: the keyset walk of `page`, without
     * its total, for exports that read the whole list.
     */
    async *idBatches(
      uid: SearchableUid,
      request: Omit<ListSearchRequest, 'cursor' | 'pageSize' | 'withCount'> & { batchSize: number }
    ): AsyncGenerator<number[]> {
      const plan = planSearch(request.q);
      let cursor: CursorKey | null = null;
      for (;;) {
        const query = matching(uid, plan, request.where).select('id', 'search_text');
        applyOrderAndCursor(query, plan, request.order, cursor);
        const rows = (await query.limit(request.batchSize)) as Row[];
        const last = rows[rows.length - 1];
        if (!last) return;
        yield rows.map((row) => Number(row.id));
        if (rows.length < request.batchSize) return;
        cursor = cursorAfter(last, request.order);
      }
    },

    async page(uid: SearchableUid, request: ListSearchRequest): Promise<ListSearchPage> {
      const plan = planSearch(request.q);
      const [rows, count] = await Promise.all([
        rowsOfPage(uid, plan, request),
        request.withCount ? countMatching(uid, plan, request.where) : null,
      ]);
      const pageRows = rows.slice(0, request.pageSize);
      const last = pageRows[pageRows.length - 1];
      return {
        ids: pageRows.map((row) => Number(row.id)),
        nextCursor:
          rows.length > request.pageSize && last ? encodeCursor(cursorAfter(last, request.order)) : null,
        count,
      };
    },

    /**
     * The total of a list as `page` counts it (same match, same filters, same cap), on its own: a
     * list asked without its count shows its rows first and its total when this answers.
     */
    count: (uid: SearchableUid, request: ListMatchRequest): Promise<ListTotal> =>
      countMatching(uid, planSearch(request.q), request.where),
  };
};

export type ListSearchService = ReturnType<typeof listSearch>;
export default listSearch;
