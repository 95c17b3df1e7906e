import { Button, Flex, Typography } from '@strapi/design-system';
import type { ListPagination } from '../../../shared/contracts/admin';
import { useT } from '../utils/translate';

/** The line under a list: how many rows, which page, and the buttons to the pages around it. */
const FooterLayout = ({
  total,
  page,
  hasNext,
  onPrevious,
  onNext,
}: {
  total: string;
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) => {
  const { t } = useT();
  return (
    <Flex justifyContent="space-between" paddingTop={4}>
      <Typography variant="pi" textColor="neutral600">
        {total} · {t('list.page', { page })}
      </Typography>
      <Flex gap={2}>
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

/** The footer of a list read by cursor (contacts, clients): its total may be a lower bound. */
export const ListFooter = ({
  pagination,
  page,
  onPrevious,
  onNext,
}: {
  pagination: ListPagination;
  page: number;
  onPrevious: () => void;
  onNext: () => void;
}) => {
  const { t } = useT();
  const total = pagination.totalIsExact
    ? t('list.total', { total: pagination.total })
    : t('list.totalAtLeast', { total: pagination.total });
  return (
    <FooterLayout
      total={total}
      page={page}
      hasNext={Boolean(pagination.nextCursor)}
      onPrevious={onPrevious}
      onNext={onNext}
    />
  );
};

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
