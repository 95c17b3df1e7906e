import { useState, type ChangeEvent, type ReactNode } from 'react';
import { Button, Dialog, Field, Flex, TextInput } from '@strapi/design-system';
import { DialogActions } from './DetailParts';

/**
 * A dialog for what cannot be undone: it says what will happen and acts only once the user has
 * typed what `matches` expects (a person's name, a count). The field empties each time it opens.
 */
export const TypedConfirmDialog = ({
  trigger,
  title,
  children,
  field,
  matches,
  confirmLabel,
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  children: ReactNode;
  field: { name: string; label: string; hint: string; numeric?: boolean };
  matches: (typed: string) => boolean;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
}) => {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog.Root onOpenChange={() => setTyped('')}>
      <Dialog.Trigger>{trigger}</Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {children}
            <Field.Root name={field.name} hint={field.hint}>
              <Field.Label>{field.label}</Field.Label>
              <TextInput
                value={typed}
                inputMode={field.numeric ? 'numeric' : undefined}
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
            disabled={!matches(typed) || busy}
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
            {confirmLabel}
          </Button>
        </DialogActions>
      </Dialog.Content>
    </Dialog.Root>
  );
};
