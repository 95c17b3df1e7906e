import type { ReactNode } from 'react';
import {
  Button,
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
import { useT } from '../utils/translate';
import { ListFooter } from './ListFooter';

type ListState<Item> = ReturnType<typeof useList<Item>>;

export type Column<Item> = {
  key: string;
  /** A sortable column's header is a button; `arrow` tells the current direction. */
  header: string | { label: string; onSort: () => void; arrow?: '↑' | '↓' | null };
  cell: (item: Item) => ReactNode;
};

const Header = ({ header }: { header: Column<unknown>['header'] }) =>
  typeof header === 'string' ? (
    <Typography variant="sigma">{header}</Typography>
  ) : (
    <Button variant="ghost" size="S" onClick={header.onSort}>
      {header.label}
      {header.arrow ? ` ${header.arrow}` : ''}
    </Button>
  );

/**
 * A list page's results: loading, error and empty states, the rows (a click opens the record) and
 * the pagination footer with the total.
 */
export const RecordTable = <Item extends { documentId: string }>({
  list,
  columns,
  empty,
  emptyAction,
  onOpen,
}: {
  list: ListState<Item>;
  columns: Column<Item>[];
  /** What the empty state says, with and without a search or filter. */
  empty: { filtered: string; none: string };
  emptyAction?: ReactNode;
  onOpen: (item: Item) => void;
}) => {
  const { t } = useT();
  if (list.error) return <Page.Error />;
  if (!list.data) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('list.loading')}</Loader>
      </Flex>
    );
  }
  if (list.data.results.length === 0) {
    return (
      <EmptyStateLayout content={list.params.toString() ? empty.filtered : empty.none} action={emptyAction} />
    );
  }
  return (
    <>
      <Table colCount={columns.length} rowCount={list.data.results.length + 1}>
        <Thead>
          <Tr>
            {columns.map((column) => (
              <Th key={column.key}>
                <Header header={column.header} />
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {list.data.results.map((item) => (
            <Tr key={item.documentId} onClick={() => onOpen(item)} style={{ cursor: 'pointer' }}>
              {columns.map((column) => (
                <Td key={column.key}>{column.cell(item)}</Td>
              ))}
            </Tr>
          ))}
        </Tbody>
      </Table>
      <ListFooter
        pagination={list.data.pagination}
        page={list.page}
        onPrevious={list.previousPage}
        onNext={() => list.nextPage()}
      />
    </>
  );
};
