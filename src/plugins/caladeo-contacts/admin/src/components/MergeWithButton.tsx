import { useState } from 'react';
import { Box, Button, Dialog } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import { PATHS } from '../utils/paths';
import { useT } from '../utils/translate';
import { ContactPicker } from './SearchPicker';
import { DialogActions } from './DetailParts';

/** "Fusionner…" on a contact's page: another contact found by search, then the merge page of both. */
export const MergeWithButton = ({ documentId }: { documentId: string }) => {
  const { t } = useT();
  const navigate = useNavigate();
  const [other, setOther] = useState<string | null>(null);
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="secondary">{t('merge.with')}</Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('merge.withTitle')}</Dialog.Header>
        <Dialog.Body>
          <Box width="100%">
            <ContactPicker label={t('merge.withPick')} value={other} onChange={setOther} />
          </Box>
        </Dialog.Body>
        <DialogActions>
          <Button
            disabled={!other || other === documentId}
            onClick={() => other && navigate(PATHS.merge([documentId, other]))}
          >
            {t('merge.withContinue')}
          </Button>
        </DialogActions>
      </Dialog.Content>
    </Dialog.Root>
  );
};
