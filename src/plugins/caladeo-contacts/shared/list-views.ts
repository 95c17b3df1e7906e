/**
 * Saved list views and column choices (docs/admin.md, "Vues enregistrées"): what the server
 * accepts in a view and what the admin offers. Each list names its columns and filters here once;
 * the clients' and offers' lists join by adding their entry.
 */
export const LIST_VIEW_LISTS = ['contacts'] as const;
export type ListViewList = (typeof LIST_VIEW_LISTS)[number];

/** The columns a list can show, in their default order; the first is always shown. */
export const LIST_COLUMNS = {
  contacts: ['name', 'email', 'phone', 'city', 'newsletter', 'createdAt'],
} as const satisfies Record<ListViewList, readonly string[]>;

/** The URL parameters that filter a list (beside the search `q`). */
export const LIST_FILTERS = {
  contacts: ['client', 'country', 'newsletter', 'role'],
} as const satisfies Record<ListViewList, readonly string[]>;

/** The orders a list's URL may hold (`order`); none means the list's default. */
export const LIST_VIEW_ORDERS = ['relevance', 'name', 'newest', 'oldest'] as const;
export const LIST_VIEW_PAGE_SIZES = [25, 50, 100] as const;
export const MAX_LIST_VIEW_NAME = 80;
export const MAX_LIST_VIEW_SEARCH = 200;
/** More views than anyone keeps: each user's list of views stays a short menu. */
export const MAX_LIST_VIEWS_PER_USER = 100;

export type ListColumn<List extends ListViewList = ListViewList> = (typeof LIST_COLUMNS)[List][number];

/** What a view restores: the search, the filters, the columns, the order and the page size. */
export type ListViewState = {
  q?: string;
  filters: Record<string, string>;
  columns: string[];
  order?: (typeof LIST_VIEW_ORDERS)[number];
  pageSize?: (typeof LIST_VIEW_PAGE_SIZES)[number];
};

export type ListViewEntry = {
  documentId: string;
  name: string;
  state: ListViewState;
  updatedAt: string;
};

/** A user's columns for a list; `null` until they choose (the list's default columns). */
export type ListColumnsEntry = { columns: string[] | null };
