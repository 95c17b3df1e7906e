import { Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useT, type MessageKey } from '../utils/translate';

/** The heading row of a table, one translated title per column. */
export const TableHeadings = ({ keys }: { keys: readonly MessageKey[] }) => {
  const { t } = useT();
  return (
    <Thead>
      <Tr>
        {keys.map((key) => (
          <Th key={key}>
            <Typography variant="sigma">{t(key)}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );
};
