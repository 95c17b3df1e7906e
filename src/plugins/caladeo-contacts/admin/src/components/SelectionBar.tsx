import type { ReactNode } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';

const MERGE_HINT_ID = 'bulk-merge-hint';

/**
 * The bar over a list once rows are ticked: how many (announced as it changes), why an action is
 * off, and the actions.
 */
export const SelectionBar = ({
  status,
  hints,
  children,
}: {
  status: string;
  hints: ReactNode;
  children: ReactNode;
}) => (
  <Box background="primary100" borderColor="primary200" hasRadius padding={3} marginBottom={4}>
    <Flex justifyContent="space-between" gap={3} wrap="wrap">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography fontWeight="bold" role="status">
          {status}
        </Typography>
        {hints}
      </Flex>
      <Flex gap={2} wrap="wrap">
        {children}
      </Flex>
    </Flex>
  </Box>
);

/** Why _Fusionner…_ is off: the button is described by it. */
export const MergeHint = ({ children }: { children: string }) => (
  <Typography id={MERGE_HINT_ID} variant="pi" textColor="neutral700">
    {children}
  </Typography>
);

/** _Fusionner…_ in a selection bar: off, and described by its hint, unless 2 to 5 rows are ticked. */
export const MergeSelectedButton = ({ mergeable, onMerge }: { mergeable: boolean; onMerge: () => void }) => {
  const { t } = useT();
  return (
    <Button
      variant="secondary"
      disabled={!mergeable}
      aria-describedby={mergeable ? undefined : MERGE_HINT_ID}
      onClick={onMerge}
    >
      {t('bulk.merge')}
    </Button>
  );
};
