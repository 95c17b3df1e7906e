import { memo, type MouseEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { styled } from 'styled-components';
import {
  Button,
  Checkbox,
  EmptyStateLayout,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import type { useList } from '../utils/useList';
import { useStableCallback } from '../utils/useStableCallback';
import { useT } from '../utils/translate';
import { ListFooter } from './ListFooter';

type ListState<Item> = ReturnType<typeof useList<Item>>;

/** The rows ticked, for the list's bulk actions; `label` names a row for its checkbox. */
export type RowSelection<Item> = {
  isSelected: (item: Item) => boolean;
  toggle: (item: Item, on: boolean) => void;
  togglePage: (items: Item[], on: boolean) => void;
  label: (item: Item) => string;
  pageLabel: string;
};

/**
 * A record's name as a real link to its page: Tab reaches it, Enter opens it, and the browser
 * offers to open it in a new tab. A click on it does not also count as a click on the row.
 */
const NameLink = styled(Link)`
  color: inherit;
  text-decoration: none;
  border-radius: ${({ theme }) => theme.borderRadius};

  &:hover {
    text-decoration: underline;
  }

  /* the admin's styles remove the browser's focus ring: the row's link shows its own */
  &:focus {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

export const RowLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <NameLink to={to} onClick={(event) => event.stopPropagation()}>
    <Typography fontWeight="bold" textColor="primary700">
      {children}
    </Typography>
  </NameLink>
);

/** A click on a checkbox, a link or a button inside a row is theirs, not the row's. */
const isOnControl = (event: MouseEvent) =>
  event.target instanceof Element &&
  event.target.closest('a, button, input, label, [role="checkbox"]') !== null;

export type Column<Item> = {
  key: string;
  /** A sortable column's header is a button; `arrow` tells the current direction. */
  header: string | { label: string; onSort: () => void; arrow?: '↑' | '↓' | null };
  cell: (item: Item) => ReactNode;
};

/**
 * A column's heading, rendered again only when its label or arrow changes; a sortable one calls
 * `onSort` with its column's key.
 */
const Heading = memo(
  ({
    columnKey,
    label,
    arrow,
    sortable,
    onSort,
  }: {
    columnKey: string;
    label: string;
    arrow?: '↑' | '↓' | null;
    sortable: boolean;
    onSort: (key: string) => void;
  }) => (
    <Th>
      {sortable ? (
        <Button variant="ghost" size="S" onClick={() => onSort(columnKey)}>
          {label}
          {arrow ? ` ${arrow}` : ''}
        </Button>
      ) : (
        <Typography variant="sigma">{label}</Typography>
      )}
    </Th>
  )
);
Heading.displayName = 'Heading';

/** The same fields with the same values: a row read again by a new search is the same row. */
const sameFields = (a: object, b: object) => {
  if (a === b) return true;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.is(a[key as keyof typeof a], b[key as keyof typeof b]))
  );
};

/** The columns' cells: same keys, same cell functions, in the same order. */
const sameCells = <Item,>(a: readonly Column<Item>[], b: readonly Column<Item>[]) =>
  a === b ||
  (a.length === b.length &&
    a.every((column, index) => column.key === b[index]?.key && column.cell === b[index]?.cell));

type RowProps<Item> = {
  item: Item;
  columns: Column<Item>[];
  /** Whether its checkbox is ticked; undefined when the list has no bulk actions. */
  selected?: boolean;
  checkboxLabel?: string;
  onOpen: (item: Item) => void;
  onToggle: (item: Item, on: boolean) => void;
};

const Row = <Item,>({ item, columns, selected, checkboxLabel, onOpen, onToggle }: RowProps<Item>) => (
  <Tr
    onClick={(event: MouseEvent) => {
      if (!isOnControl(event)) onOpen(item);
    }}
    style={{ cursor: 'pointer' }}
  >
    {selected !== undefined && (
      <Td>
        <Checkbox
          aria-label={checkboxLabel}
          checked={selected}
          onCheckedChange={(checked: boolean | 'indeterminate') => onToggle(item, checked === true)}
        />
      </Td>
    )}
    {columns.map((column) => (
      <Td key={column.key}>{column.cell(item)}</Td>
    ))}
  </Tr>
);

/**
 * A row renders again only when what it shows changes: its record's fields, its columns' cells,
 * its checkbox. A new search, its loading line or its count do not render the rows still shown,
 * and the rows a narrower search finds again are kept as they are. Give it stable `cell` functions
 * (callbacks are read through `useStableCallback`).
 */
const MemoRow = memo(
  Row,
  (previous, next) =>
    sameFields(previous.item as object, next.item as object) &&
    sameCells(previous.columns, next.columns) &&
    previous.selected === next.selected &&
    previous.checkboxLabel === next.checkboxLabel &&
    previous.onOpen === next.onOpen &&
    previous.onToggle === next.onToggle
) as typeof Row;

/**
 * A list page's results: loading, error and empty states, the rows (a click opens the record; each
 * name is also a link), a checkbox per row when the list has bulk actions, and the pagination
 * footer with the total and the page size.
 */
export const RecordTable = <Item extends { documentId: string }>({
  list,
  columns,
  empty,
  emptyAction,
  onOpen,
  selection,
}: {
  list: ListState<Item>;
  columns: Column<Item>[];
  /** What the empty state says, with and without a search or filter. */
  empty: { filtered: string; none: string };
  emptyAction?: ReactNode;
  onOpen: (item: Item) => void;
  selection?: RowSelection<Item>;
}) => {
  const { t } = useT();
  const open = useStableCallback(onOpen);
  const toggle = useStableCallback((item: Item, on: boolean) => selection?.toggle(item, on));
  // the latest columns' sorting, the latest list's paging: the headings and the footer keep their props
  const sort = useStableCallback((key: string) => {
    const header = columns.find((column) => column.key === key)?.header;
    if (header && typeof header !== 'string') header.onSort();
  });
  const previousPage = useStableCallback(() => list.previousPage());
  const nextPage = useStableCallback(() => list.nextPage());
  const setPageSize = useStableCallback((size: number) => list.setPageSize(size));
  if (list.error) return <Page.Error />;
  if (!list.data) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('list.loading')}</Loader>
      </Flex>
    );
  }
  if (list.data.results.length === 0) {
    return <EmptyStateLayout content={list.isFiltered ? empty.filtered : empty.none} action={emptyAction} />;
  }
  const rows = list.data.results;
  const selectedOnPage = selection ? rows.filter((item) => selection.isSelected(item)).length : 0;
  return (
    <>
      <Table colCount={columns.length + (selection ? 1 : 0)} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            {selection && (
              <Th>
                <Checkbox
                  aria-label={selection.pageLabel}
                  checked={
                    selectedOnPage === rows.length ? true : selectedOnPage > 0 ? 'indeterminate' : false
                  }
                  onCheckedChange={(checked: boolean | 'indeterminate') =>
                    selection.togglePage(rows, checked === true)
                  }
                />
              </Th>
            )}
            {columns.map(({ key, header }) => (
              <Heading
                key={key}
                columnKey={key}
                label={typeof header === 'string' ? header : header.label}
                arrow={typeof header === 'string' ? null : header.arrow}
                sortable={typeof header !== 'string'}
                onSort={sort}
              />
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((item) => (
            <MemoRow
              key={item.documentId}
              item={item}
              columns={columns}
              selected={selection ? selection.isSelected(item) : undefined}
              checkboxLabel={selection?.label(item)}
              onOpen={open}
              onToggle={toggle}
            />
          ))}
        </Tbody>
      </Table>
      <ListFooter
        pagination={list.data.pagination}
        countFailed={list.countFailed}
        page={list.page}
        onPrevious={previousPage}
        onNext={nextPage}
        pageSize={list.pageSize}
        onPageSize={setPageSize}
      />
    </>
  );
};
