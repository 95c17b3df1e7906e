import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Dialog,
  Flex,
  IconButton,
  Link,
  MenuItem,
  SimpleMenu,
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
import { Cross, Plus } from '@strapi/icons';
import { NavLink } from 'react-router-dom';
import { DialogActions } from './DetailParts';
import { groupLinksByTarget, primaryLoser, rolesLeft, type LinkGroup, type LinkRow } from '../utils/links';
import { useT, type MessageKey } from '../utils/translate';

export type { LinkRow } from '../utils/links';

/** How long a detached role can be given back from the table's banner. */
const UNDO_MS = 10_000;

type Pending = { kind: 'detach' | 'primary'; row: LinkRow } | null;

/**
 * A contact's roles on clients or offers, or a client's contacts: one line per client, offer or
 * contact, its roles as tags. Editable when handlers are given: each role can be changed, made
 * primary (after a confirmation naming who loses it) or removed (after a confirmation, then
 * undone from a banner when `onUndoDetach` is given); a role can be added to a line.
 */
export const LinksTable = ({
  rows,
  nameLabel,
  emptyLabel,
  onRole,
  onPrimary,
  onDetach,
  onUndoDetach,
  onAddRole,
  rowActions,
  pageName,
  rowsAreContacts = false,
}: {
  /** One per link; the table groups them by their other end. */
  rows: LinkRow[];
  nameLabel: string;
  emptyLabel: string;
  onRole?: (row: LinkRow, role: string) => void;
  onPrimary?: (row: LinkRow) => void;
  /** Resolving to false means the detach was refused: no undo is offered then. */
  onDetach?: (row: LinkRow) => void | Promise<unknown>;
  onUndoDetach?: (row: LinkRow) => void | Promise<unknown>;
  /** Gives the contact another role on the line's target (the row is one of the line's links). */
  onAddRole?: (row: LinkRow, role: string) => void;
  /** Actions on the linked record itself (an offer's quote), once per line, before the roles' own. */
  rowActions?: (row: LinkRow) => React.ReactNode;
  /** The record whose page this is, for the confirmations' wording. */
  pageName?: string;
  /** True on a client's or an offer's page, where each line is a contact. */
  rowsAreContacts?: boolean;
}) => {
  const { t } = useT();
  const [pending, setPending] = useState<Pending>(null);
  const [undoable, setUndoable] = useState<LinkRow | null>(null);
  useEffect(() => {
    if (!undoable) return undefined;
    const timer = setTimeout(() => setUndoable(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable]);

  const groups = groupLinksByTarget(rows);
  // a read-only table has no empty Actions column
  const hasActions = Boolean(rowActions || onAddRole);
  const roleName = (role: string) => t(`role.${role}` as MessageKey);
  const ends = (row: LinkRow) =>
    pageName
      ? {
          person: rowsAreContacts ? row.name : pageName,
          target: rowsAreContacts ? pageName : row.name,
        }
      : { person: null, target: row.name };

  const confirm = async () => {
    if (!pending) return;
    const { kind, row } = pending;
    setPending(null);
    if (kind === 'primary') {
      onPrimary?.(row);
      return;
    }
    const result = await onDetach?.(row);
    if (result !== false && onUndoDetach) setUndoable(row);
  };

  const undo = async (row: LinkRow) => {
    setUndoable(null);
    await onUndoDetach?.(row);
  };

  const dialog = () => {
    if (!pending) return null;
    const { person, target } = ends(pending.row);
    if (pending.kind === 'detach') {
      const values = { person: person ?? '', target, role: roleName(pending.row.role) };
      return {
        title: t('links.detachTitle'),
        lines: [t(person ? 'links.detachConfirm' : 'links.detachConfirmTarget', values)],
        action: t('links.detach'),
        variant: 'danger' as const,
      };
    }
    const loser = primaryLoser(pending.row, groups, rowsAreContacts);
    return {
      title: t('links.primaryTitle'),
      lines: [
        t(person ? 'links.primaryConfirm' : 'links.primaryConfirmTarget', {
          person: person ?? '',
          target,
          role: roleName(pending.row.role),
        }),
        ...(loser ? [t('links.primaryLoses', { name: loser, target })] : []),
      ],
      action: t('links.makePrimary'),
      variant: 'default' as const,
    };
  };
  const shown = dialog();

  const roleTag = (group: LinkGroup, row: LinkRow) => (
    <Flex
      key={row.documentId}
      gap={1}
      paddingLeft={onRole ? 0 : 1}
      paddingRight={1}
      hasRadius
      background={row.isPrimary ? 'primary100' : 'neutral100'}
      borderColor={row.isPrimary ? 'primary200' : 'neutral200'}
      borderStyle="solid"
      borderWidth="1px"
    >
      {onRole ? (
        <SingleSelect
          aria-label={t('links.roleOf', { name: group.name })}
          size="S"
          value={row.role}
          onChange={(value: string | number) => {
            if (String(value) !== row.role) onRole(row, String(value));
          }}
        >
          {[row.role, ...rolesLeft(group)].map((role) => (
            <SingleSelectOption key={role} value={role}>
              {roleName(role)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      ) : (
        <Typography variant="omega" fontWeight="semiBold">
          {roleName(row.role)}
        </Typography>
      )}
      {/* Strapi's active badge (primary600 on primary200) is below the 4.5:1 contrast small text needs */}
      {row.isPrimary && (
        <Badge textColor="primary700" backgroundColor="primary100">
          {t('links.primaryBadge')}
        </Badge>
      )}
      {onPrimary && !row.isPrimary && (
        <Button size="S" variant="ghost" onClick={() => setPending({ kind: 'primary', row })}>
          {t('links.makePrimary')}
        </Button>
      )}
      {onDetach && (
        <IconButton
          size="S"
          variant="ghost"
          label={t('links.removeRole', { role: roleName(row.role), name: group.name })}
          onClick={() => setPending({ kind: 'detach', row })}
        >
          <Cross />
        </IconButton>
      )}
    </Flex>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {undoable && (
        <Alert
          variant="success"
          title={t('links.detachedTitle')}
          closeLabel={t('links.close')}
          onClose={() => setUndoable(null)}
          action={
            <Button size="S" variant="secondary" onClick={() => void undo(undoable)}>
              {t('links.undo')}
            </Button>
          }
        >
          {t('links.detached', { role: roleName(undoable.role), name: undoable.name })}
        </Alert>
      )}
      {groups.length === 0 ? (
        <Typography textColor="neutral600">{emptyLabel}</Typography>
      ) : (
        <Table colCount={hasActions ? 3 : 2} rowCount={groups.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{nameLabel}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('links.roles')}</Typography>
              </Th>
              {hasActions && (
                <Th>
                  <Typography variant="sigma">{t('links.actions')}</Typography>
                </Th>
              )}
            </Tr>
          </Thead>
          <Tbody>
            {groups.map((group) => {
              const [first] = group.links as [LinkRow];
              const left = rolesLeft(group);
              return (
                <Tr key={group.key}>
                  <Td>
                    {group.to ? (
                      <Link tag={NavLink} to={group.to}>
                        {group.name}
                      </Link>
                    ) : (
                      <Typography>{group.name}</Typography>
                    )}
                  </Td>
                  <Td style={{ whiteSpace: 'normal' }}>
                    <Flex gap={2} wrap="wrap" paddingTop={2} paddingBottom={2}>
                      {group.links.map((row) => roleTag(group, row))}
                    </Flex>
                  </Td>
                  {hasActions && (
                    <Td>
                      <Flex gap={2}>
                        {rowActions?.(first)}
                        {onAddRole && left.length > 0 && (
                          <SimpleMenu
                            label={t('links.addRole')}
                            aria-label={t('links.addRoleTo', { name: group.name })}
                            variant="tertiary"
                            size="S"
                            startIcon={<Plus />}
                          >
                            {left.map((role) => (
                              <MenuItem key={role} onSelect={() => onAddRole(first, role)}>
                                {roleName(role)}
                              </MenuItem>
                            ))}
                          </SimpleMenu>
                        )}
                      </Flex>
                    </Td>
                  )}
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
      <Dialog.Root open={shown !== null} onOpenChange={(open: boolean) => !open && setPending(null)}>
        {shown && (
          <Dialog.Content>
            <Dialog.Header>{shown.title}</Dialog.Header>
            <Dialog.Body>
              <Flex direction="column" gap={2}>
                {shown.lines.map((line) => (
                  <Typography key={line} textAlign="center">
                    {line}
                  </Typography>
                ))}
              </Flex>
            </Dialog.Body>
            <DialogActions>
              <Button variant={shown.variant} onClick={() => void confirm()}>
                {shown.action}
              </Button>
            </DialogActions>
          </Dialog.Content>
        )}
      </Dialog.Root>
    </Flex>
  );
};
