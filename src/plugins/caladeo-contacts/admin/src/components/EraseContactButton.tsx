import { useState, type ChangeEvent } from 'react';
import { Button, Dialog, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useT } from '../utils/translate';
import { DialogActions } from './DetailParts';

/** A typed name matches whatever its case and the spaces around it. */
const sameName = (typed: string, name: string) =>
  typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();

/**
 * "Effacer les données personnelles": a danger button whose dialog names the person, says the
 * erasure cannot be undone, and acts only once the user has typed the person's name as shown.
 * Shown only to roles holding "Erase a person's personal data" (the server refuses the others).
 */
export const EraseContactButton = ({ name, onConfirm }: { name: string; onConfirm: () => Promise<void> }) => {
  const { t } = useT();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const confirmed = sameName(typed, name);

  return (
    <Dialog.Root onOpenChange={() => setTyped('')}>
      <Dialog.Trigger>
        <Button variant="danger" startIcon={<Trash />}>
          {t('erasure.button')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('erasure.title', { name })}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>{t('erasure.explanation', { name })}</Typography>
            <Typography fontWeight="bold">{t('erasure.irreversible')}</Typography>
            <Field.Root name="erasure-confirm-name" hint={t('erasure.typeNameHint', { name })}>
              <Field.Label>{t('erasure.typeName')}</Field.Label>
              <TextInput
                value={typed}
                autoComplete="off"
                onChange={(event: ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)}
              />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <DialogActions>
          <Button
            variant="danger"
            disabled={!confirmed || busy}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm();
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('erasure.confirm')}
          </Button>
        </DialogActions>
      </Dialog.Content>
    </Dialog.Root>
  );
};
