import type { ReactNode } from 'react';
import { Box, Button, Dialog, Grid, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useT, type MessageKey } from '../utils/translate';

/** A white card of a detail page, with its heading. */
export const SectionCard = ({ title, children }: { title?: string; children: ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
    {title && (
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
    )}
    {children}
  </Box>
);

/** The record's own fields, label above value; an empty value reads "—". */
export const FactsCard = ({ facts, columns }: { facts: Array<[MessageKey, ReactNode]>; columns: 3 | 4 }) => {
  const { t } = useT();
  return (
    <SectionCard>
      <Grid.Root gap={4}>
        {facts.map(([label, value]) => (
          <Grid.Item key={label} col={columns} s={6} direction="column" alignItems="flex-start">
            <Typography variant="sigma" textColor="neutral600">
              {t(label)}
            </Typography>
            {typeof value === 'string' || !value ? <Typography>{value || '—'}</Typography> : value}
          </Grid.Item>
        ))}
      </Grid.Root>
    </SectionCard>
  );
};

/** A dialog's footer: Cancel, then the dialog's own action. */
export const DialogActions = ({ children }: { children: ReactNode }) => {
  const { t } = useT();
  return (
    <Dialog.Footer>
      <Dialog.Cancel>
        <Button variant="tertiary">{t('form.cancel')}</Button>
      </Dialog.Cancel>
      <Dialog.Action>{children}</Dialog.Action>
    </Dialog.Footer>
  );
};

/** A button whose action runs only after a confirmation saying what it does. */
export const ConfirmButton = ({
  label,
  title,
  message,
  onConfirm,
  variant = 'danger-light',
  startIcon,
}: {
  label: string;
  title: string;
  message: string;
  onConfirm: () => void;
  variant?: 'danger-light' | 'secondary';
  startIcon?: ReactNode;
}) => (
  <Dialog.Root>
    <Dialog.Trigger>
      <Button variant={variant} startIcon={startIcon}>
        {label}
      </Button>
    </Dialog.Trigger>
    <Dialog.Content>
      <Dialog.Header>{title}</Dialog.Header>
      <Dialog.Body>
        <Typography>{message}</Typography>
      </Dialog.Body>
      <DialogActions>
        <Button variant="danger" onClick={onConfirm}>
          {label}
        </Button>
      </DialogActions>
    </Dialog.Content>
  </Dialog.Root>
);

/** Delete, after a confirmation that says what goes with the record. */
export const DeleteButton = (props: { title: string; message: string; onConfirm: () => void }) => {
  const { t } = useT();
  return <ConfirmButton label={t('form.delete')} startIcon={<Trash />} {...props} />;
};
