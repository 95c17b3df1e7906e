import { Button, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useT } from '../utils/translate';
import { TypedConfirmDialog } from './TypedConfirmDialog';

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
  return (
    <TypedConfirmDialog
      trigger={
        <Button variant="danger" startIcon={<Trash />}>
          {t('erasure.button')}
        </Button>
      }
      title={t('erasure.title', { name })}
      field={{
        name: 'erasure-confirm-name',
        label: t('erasure.typeName'),
        hint: t('erasure.typeNameHint', { name }),
      }}
      matches={(typed) => sameName(typed, name)}
      confirmLabel={t('erasure.confirm')}
      onConfirm={onConfirm}
    >
      <Typography>{t('erasure.explanation', { name })}</Typography>
      <Typography fontWeight="bold">{t('erasure.irreversible')}</Typography>
    </TypedConfirmDialog>
  );
};
