import { Flex, Typography } from '@strapi/design-system';
import type { LastChange } from '../../../shared/contracts/admin';
import { useJobKindLabel } from '../utils/job-kind';
import { lastChangeText } from '../utils/last-change';
import { useT } from '../utils/translate';

/** The last change line of a detail page (utils/last-change.ts). */
export const LastChangeLine = ({ change, feminine = false }: { change: LastChange; feminine?: boolean }) => {
  const { t, intl } = useT();
  const jobKindLabel = useJobKindLabel();
  const text = lastChangeText(t, intl, jobKindLabel, change, feminine);
  return (
    <Typography variant="pi" textColor="neutral600" tag="p" data-last-change="">
      {text}
    </Typography>
  );
};

/** A detail page's subtitle: its usual line (e-mail, type, reference) and the last change below. */
export const DetailSubtitle = ({
  text,
  change,
  feminine,
}: {
  text?: string | null;
  change: LastChange;
  feminine?: boolean;
}) => (
  <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={1}>
    {text && (
      <Typography variant="epsilon" textColor="neutral600" tag="p">
        {text}
      </Typography>
    )}
    <LastChangeLine change={change} feminine={feminine} />
  </Flex>
);
