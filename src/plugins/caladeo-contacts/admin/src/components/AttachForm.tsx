import { useState } from 'react';
import { Box, Button, Checkbox, Field, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useT } from '../utils/translate';
import { RoleSelect } from './RoleSelect';

/** Picks a client or an offer, a role and whether the contact is its primary contact. */
export const AttachForm = ({
  picker,
  target,
  error,
  onAttach,
}: {
  picker: (value: string | null, onChange: (documentId: string | null) => void) => React.ReactNode;
  target: string | null;
  error?: string;
  onAttach: (targetId: string, role: string, isPrimary: boolean) => Promise<boolean>;
}) => {
  const { t } = useT();
  const [selected, setSelected] = useState<string | null>(target);
  const [role, setRole] = useState<string>('');
  const [isPrimary, setPrimary] = useState(false);
  return (
    <Flex gap={3} alignItems="flex-end" wrap="wrap" paddingTop={4}>
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
  );
};
