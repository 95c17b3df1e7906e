import { Box, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { ImportListResponse, ImportSummary } from '../../../shared/contracts/admin';
import { useT, type MessageKey } from '../utils/translate';
import { PagedListFooter } from './ListFooter';
import { ErrorFileButton, ImportCountsLine, ImportStatusBadge, UndoButton } from './ImportParts';
import { TableHeadings } from './TableHeadings';

type Props = {
  list: ImportListResponse | undefined;
  page: number;
  onPage: (page: number) => void;
  canUndo: boolean;
  onUndo: (summary: ImportSummary) => void;
};

const HEADINGS: MessageKey[] = [
  'imports.history.when',
  'imports.history.who',
  'imports.history.file',
  'imports.mode',
  'imports.history.status',
  'imports.history.counts',
  'imports.history.actions',
];

/** Past imports, newest first: who brought which file in, how, and what it did; error file and undo. */
export const ImportHistory = ({ list, page, onPage, canUndo, onUndo }: Props) => {
  const { t, locale } = useT();
  const rows = list?.data ?? [];
  const total = list?.meta.pagination.total ?? 0;
  return (
    <Box paddingTop={8}>
      <Typography variant="delta" tag="h2">
        {t('imports.history.title')}
      </Typography>
      <Box paddingTop={4}>
        <Table colCount={HEADINGS.length} rowCount={rows.length + 1}>
          <TableHeadings keys={HEADINGS} />
          <Tbody>
            {rows.map((summary) => (
              <Tr key={summary.documentId} data-import-id={summary.documentId}>
                <Td>
                  <Typography variant="pi">{new Date(summary.createdAt).toLocaleString(locale)}</Typography>
                </Td>
                <Td>
                  <Typography variant="pi">{summary.requestedBy ?? ''}</Typography>
                </Td>
                <Td>
                  <Typography variant="pi">{summary.fileName ?? ''}</Typography>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {t(`imports.mode.${summary.mode}` as MessageKey)}
                    {summary.dryRun ? ` · ${t('imports.dryRun')}` : ''}
                  </Typography>
                </Td>
                <Td>
                  <ImportStatusBadge status={summary.status} />
                </Td>
                <Td>
                  <ImportCountsLine summary={summary} compact />
                </Td>
                <Td>
                  <Flex gap={2}>
                    <ErrorFileButton summary={summary} />
                    {canUndo && <UndoButton summary={summary} onUndo={onUndo} />}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {list && rows.length === 0 && (
          <Box padding={6}>
            <Typography textColor="neutral600">{t('imports.history.empty')}</Typography>
          </Box>
        )}
        <PagedListFooter
          total={total}
          page={page}
          pageSize={list?.meta.pagination.pageSize ?? 1}
          onPage={onPage}
        />
      </Box>
    </Box>
  );
};
