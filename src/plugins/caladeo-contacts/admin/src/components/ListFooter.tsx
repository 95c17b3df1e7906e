import { memo, type ReactNode } from 'react';
import { Button, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import type { ListPagination } from '../../../shared/contracts/admin';
import { PAGE_SIZES } from '../utils/useList';
import { useT } from '../utils/translate';

/** The line under a list: how many rows, which page, and the buttons to the pages around it. */
const FooterLayout = ({
  total,
  page,
  hasNext,
  onPrevious,
  onNext,
  extra,
}: {
  total: string;
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Shown before the page buttons (the page-size choice). */
  extra?: ReactNode;
}) => {
  const { t } = useT();
  return (
    <Flex justifyContent="space-between" paddingTop={4}>
      <Typography variant="pi" textColor="neutral600">
        {total} · {t('list.page', { page })}
      </Typography>
      <Flex gap={2}>
        {extra}
        <Button variant="tertiary" disabled={page <= 1} onClick={onPrevious}>
          {t('list.previous')}
        </Button>
        <Button variant="tertiary" disabled={!hasNext} onClick={onNext}>
          {t('list.next')}
        </Button>
      </Flex>
    </Flex>
  );
};

/** How many rows a page shows, among PAGE_SIZES. */
const PageSizeSelect = ({ value, onChange }: { value: number; onChange: (size: number) => void }) => {
  const { t } = useT();
  return (
    <SingleSelect
      aria-label={t('list.pageSize')}
      size="S"
      value={String(value)}
      onChange={(chosen: string | number) => onChange(Number(chosen))}
    >
      {PAGE_SIZES.map((size) => (
        <SingleSelectOption key={size} value={String(size)}>
          {t('list.perPage', { size })}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};

type ListFooterProps = {
  pagination: ListPagination;
  /** The total read apart could not be had. */
  countFailed?: boolean;
  page: number;
  onPrevious: () => void;
  onNext: () => void;
  pageSize?: number;
  onPageSize?: (size: number) => void;
};

/**
 * The footer of a list read by cursor (contacts, clients): its total may be a lower bound, and
 * may come after the rows (read apart: "Comptage…" until it answers). Memoised on the values its
 * pagination holds, a new object with each render of the list: give it stable callbacks.
 */
export const ListFooter = memo(
  ({ pagination, countFailed, page, onPrevious, onNext, pageSize, onPageSize }: ListFooterProps) => {
    const { t } = useT();
    const total =
      pagination.total === undefined
        ? t(countFailed ? 'list.totalUnavailable' : 'list.totalCounting')
        : pagination.totalIsExact
          ? t('list.total', { total: pagination.total })
          : t('list.totalAtLeast', { total: pagination.total });
    return (
      <FooterLayout
        total={total}
        page={page}
        hasNext={Boolean(pagination.nextCursor)}
        onPrevious={onPrevious}
        onNext={onNext}
        extra={pageSize && onPageSize ? <PageSizeSelect value={pageSize} onChange={onPageSize} /> : undefined}
      />
    );
  },
  (previous, next) =>
    previous.pagination.total === next.pagination.total &&
    previous.pagination.totalIsExact === next.pagination.totalIsExact &&
    previous.pagination.nextCursor === next.pagination.nextCursor &&
    previous.pagination.pageSize === next.pagination.pageSize &&
    previous.countFailed === next.countFailed &&
    previous.page === next.page &&
    previous.pageSize === next.pageSize &&
    previous.onPrevious === next.onPrevious &&
    previous.onNext === next.onNext &&
    previous.onPageSize === next.onPageSize
);
ListFooter.displayName = 'ListFooter';

/** The footer of a list read by page number, with an exact total (jobs, duplicate pairs, imports). */
export const PagedListFooter = ({
  total,
  page,
  pageSize,
  onPage,
}: {
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) => {
  const { t } = useT();
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  return (
    <FooterLayout
      total={t('list.total', { total })}
      page={page}
      hasNext={page < lastPage}
      onPrevious={() => onPage(page - 1)}
      onNext={() => onPage(page + 1)}
    />
  );
};
