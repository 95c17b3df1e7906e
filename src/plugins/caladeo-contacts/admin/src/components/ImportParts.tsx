import { Badge, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ImportStatus } from '../../../shared/constants';
import type { ImportSummary } from '../../../shared/contracts/admin';
import { API } from '../utils/api';
import { fileNameOf, saveFile } from '../utils/download';
import { formatDuration, paceOf } from '../utils/imports';
import { useT, type MessageKey } from '../utils/translate';
import { ConfirmButton } from './DetailParts';

const STATUS_BADGE: Record<ImportStatus, { backgroundColor: string; textColor: string }> = {
  queued: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  running: { backgroundColor: 'primary100', textColor: 'primary700' },
  completed: { backgroundColor: 'success100', textColor: 'success700' },
  failed: { backgroundColor: 'danger100', textColor: 'danger700' },
  cancelled: { backgroundColor: 'warning100', textColor: 'warning700' },
  undoing: { backgroundColor: 'primary100', textColor: 'primary700' },
  undone: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

export const ImportStatusBadge = ({ status }: { status: ImportStatus }) => {
  const { t } = useT();
  return <Badge {...STATUS_BADGE[status]}>{t(`imports.status.${status}` as MessageKey)}</Badge>;
};

/** "4 988 créés · 0 mis à jour · 0 inchangés · 12 en erreur". */
export const ImportCountsLine = ({ summary, compact }: { summary: ImportSummary; compact?: boolean }) => {
  const { t, locale } = useT();
  const counts = summary.counts;
  if (!counts) return null;
  const key = summary.dryRun ? 'imports.countsDryRun' : 'imports.counts';
  const number = (value: number) => value.toLocaleString(locale);
  return (
    <Typography data-import-counts="" variant={compact ? 'pi' : 'omega'}>
      {t(key, {
        created: number(counts.created),
        updated: number(counts.updated),
        unchanged: number(counts.unchanged),
        failed: number(counts.failed),
      })}
    </Typography>
  );
};

/** Downloads the rows an import could not take, as the server names the file. */
export const ErrorFileButton = ({ summary }: { summary: ImportSummary }) => {
  const { t } = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  if (!summary.counts?.failed) return null;
  const download = async () => {
    try {
      const { data, headers } = await get(`${API}/imports/${summary.documentId}/errors`, {
        responseType: 'blob',
      });
      saveFile(data, fileNameOf(headers) ?? 'import-errors.csv');
    } catch {
      toggleNotification({ type: 'danger', message: t('imports.errorFileFailed') });
    }
  };
  return (
    <Button variant="tertiary" size="S" startIcon={<Download />} onClick={() => void download()}>
      {t('imports.errorFile', { failed: summary.counts.failed })}
    </Button>
  );
};

/** The bar of a running import: rows done out of all, its pace, and the time left at that pace. */
export const ImportProgress = ({ summary, now }: { summary: ImportSummary; now: number }) => {
  const { t, locale } = useT();
  const { done, total } = summary.progress;
  const pace = paceOf(summary, now);
  const number = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 0 });
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ProgressBar
        value={total > 0 ? (100 * done) / total : 0}
        aria-label={t('imports.progress')}
        // the design system's bar is a few centimetres wide: here it is the import's main sight
        style={{ width: '100%' }}
      />
      <Typography data-import-progress="">
        {t('imports.progressLine', { done: number(done), total: number(total) })}
        {pace &&
          ` · ${t('imports.pace', { rate: number(pace.rowsPerSecond), left: formatDuration(pace.secondsLeft) })}`}
      </Typography>
    </Flex>
  );
};

/** "Annuler l'import", on a completed import that was no dry run, after a confirmation saying what it puts back. */
export const UndoButton = ({
  summary,
  onUndo,
}: {
  summary: ImportSummary;
  onUndo: (summary: ImportSummary) => void;
}) => {
  const { t } = useT();
  if (summary.status !== 'completed' || summary.dryRun) return null;
  return (
    <ConfirmButton
      label={t('imports.undo')}
      title={t('imports.undo')}
      message={t('imports.undoConfirm', {
        created: summary.counts?.created ?? 0,
        updated: summary.counts?.updated ?? 0,
      })}
      onConfirm={() => onUndo(summary)}
    />
  );
};
