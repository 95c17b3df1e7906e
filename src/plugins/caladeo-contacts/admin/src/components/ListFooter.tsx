import { Button, Flex, Typography } from '@strapi/design-system';
import type { ListPagination } from '../../../shared/contracts/admin';
import { useT } from '../utils/translate';

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
    <Flex justifyContent="space-between" paddingTop={4}>
      <Typography variant="pi" textColor="neutral600">
        {total} · {t('list.page', { page })}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" disabled={page <= 1} onClick={onPrevious}>
          {t('list.previous')}
        </Button>
        <Button variant="tertiary" disabled={!pagination.nextCursor} onClick={onNext}>
          {t('list.next')}
        </Button>
      </Flex>
    </Flex>
  );
};
