import { MenuItem, SimpleMenu } from '@strapi/design-system';
import type { usePersonExport } from '../utils/usePersonExport';
import { useT } from '../utils/translate';

/** "Exporter ses données": the JSON file (portability) or the readable summary (access). */
export const PersonExportMenu = ({
  documentId,
  exports,
}: {
  documentId: string;
  exports: ReturnType<typeof usePersonExport>;
}) => {
  const { t } = useT();
  return (
    <SimpleMenu
      label={exports.pending === documentId ? t('privacy.exporting') : t('privacy.export')}
      variant="secondary"
      disabled={exports.pending === documentId}
    >
      <MenuItem onSelect={() => void exports.download(documentId, 'json')}>
        {t('privacy.exportJson')}
      </MenuItem>
      <MenuItem onSelect={() => void exports.download(documentId, 'html')}>
        {t('privacy.exportSummary')}
      </MenuItem>
    </SimpleMenu>
  );
};
