import {
  Badge,
  Button,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { LINK_ROLES } from '../../../shared/constants';
import { useT, type MessageKey } from '../utils/translate';

export type LinkRow = {
  documentId: string;
  role: string;
  isPrimary: boolean;
  name: string;
  to: string | null;
};

/** A contact's roles on clients or offers, or a client's contacts; editable when handlers are given. */
export const LinksTable = ({
  rows,
  nameLabel,
  emptyLabel,
  onRole,
  onPrimary,
  onDetach,
  rowActions,
}: {
  rows: LinkRow[];
  nameLabel: string;
  emptyLabel: string;
  onRole?: (row: LinkRow, role: string) => void;
  onPrimary?: (row: LinkRow) => void;
  onDetach?: (row: LinkRow) => void;
  /** Actions on the linked record itself (an offer's quote), before the link's own. */
  rowActions?: (row: LinkRow) => React.ReactNode;
}) => {
  const { t } = useT();
  // a read-only table has no empty Actions column
  const hasActions = Boolean(onPrimary || onDetach || rowActions);
  if (rows.length === 0) {
    return <Typography textColor="neutral600">{emptyLabel}</Typography>;
  }
  return (
    <Table colCount={hasActions ? 3 : 2} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{nameLabel}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('links.role')}</Typography>
          </Th>
          {hasActions && (
            <Th>
              <Typography variant="sigma">{t('links.actions')}</Typography>
            </Th>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.documentId}>
            <Td>
              <Flex gap={2}>
                {row.to ? (
                  <Link tag={NavLink} to={row.to}>
                    {row.name}
                  </Link>
                ) : (
                  <Typography>{row.name}</Typography>
                )}
                {/* Strapi's active badge (primary600 on primary200) is below the 4.5:1 contrast small text needs */}
                {row.isPrimary && (
                  <Badge textColor="primary700" backgroundColor="primary100">
                    {t('links.primaryBadge')}
                  </Badge>
                )}
              </Flex>
            </Td>
            <Td>
              {onRole ? (
                <SingleSelect
                  aria-label={t('links.role')}
                  size="S"
                  value={row.role}
                  onChange={(value: string | number) => onRole(row, String(value))}
                >
                  {LINK_ROLES.map((role) => (
                    <SingleSelectOption key={role} value={role}>
                      {t(`role.${role}` as MessageKey)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              ) : (
                <Badge>{t(`role.${row.role}` as MessageKey)}</Badge>
              )}
            </Td>
            {hasActions && (
              <Td>
                <Flex gap={2}>
                  {rowActions?.(row)}
                  {onPrimary && !row.isPrimary && (
                    <Button size="S" variant="tertiary" onClick={() => onPrimary(row)}>
                      {t('links.makePrimary')}
                    </Button>
                  )}
                  {onDetach && (
                    <Button size="S" variant="danger-light" onClick={() => onDetach(row)}>
                      {t('links.detach')}
                    </Button>
                  )}
                </Flex>
              </Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
