import { useEffect, useState } from 'react';
import { Box, Button, Checkbox, Field, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useStableCallback } from '../utils/useStableCallback';
import { useT } from '../utils/translate';
import { RoleSelect } from './RoleSelect';

/** Who stops being primary, and of what, when the contact chosen is attached as primary. */
export type PrimaryLoss = { name: string; target: string } | null;

const nobody = async (): Promise<PrimaryLoss> => null;

/**
 * Picks a client or an offer, a role and whether the contact is its primary contact. With the box
 * ticked, it says who stops being primary (`primaryLoss`, asked again when the choice changes), as
 * the roles tables do before making a role primary.
 */
export const AttachForm = ({
  picker,
  target,
  error,
  onAttach,
  primaryLoss = nobody,
}: {
  picker: (value: string | null, onChange: (documentId: string | null) => void) => React.ReactNode;
  target: string | null;
  error?: string;
  onAttach: (targetId: string, role: string, isPrimary: boolean) => Promise<boolean>;
  /** For the client, offer or contact chosen: who is its primary contact now, if another one. */
  primaryLoss?: (chosen: string) => Promise<PrimaryLoss>;
}) => {
  const { t } = useT();
  const [selected, setSelected] = useState<string | null>(target);
  const [role, setRole] = useState<string>('');
  const [isPrimary, setPrimary] = useState(false);
  const [loss, setLoss] = useState<PrimaryLoss>(null);
  const lossOf = useStableCallback(primaryLoss);

  useEffect(() => {
    setLoss(null);
    if (!selected || !isPrimary) return;
    let current = true;
    lossOf(selected)
      .then((found) => current && setLoss(found))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [selected, isPrimary, lossOf]);

  return (
    <Flex direction="column" alignItems="stretch" gap={2} paddingTop={4}>
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Box minWidth="260px">{picker(selected, setSelected)}</Box>
        <Box minWidth="220px">
          <Field.Root error={error}>
            <RoleSelect value={role} onChange={setRole} />
            <Field.Error />
          </Field.Root>
        </Box>
        <Checkbox
          checked={isPrimary}
          onCheckedChange={(checked: boolean | 'indeterminate') => setPrimary(checked === true)}
        >
          {t('links.primary')}
        </Checkbox>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          disabled={!selected || !role}
          onClick={async () => {
            if (selected && role && (await onAttach(selected, role, isPrimary))) {
              setSelected(null);
              setRole('');
              setPrimary(false);
            }
          }}
        >
          {t('links.attach')}
        </Button>
      </Flex>
      <Box role="status">
        {loss && (
          <Typography variant="pi" textColor="warning700">
            {t('links.primaryLoses', loss)}
          </Typography>
        )}
      </Box>
    </Flex>
  );
};
