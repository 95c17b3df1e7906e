import { useState } from 'react';
import { Button, Flex, Modal, Radio, Typography } from '@strapi/design-system';
import { Link as LinkIcon, Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { BulkDeleteResult, BulkJob, BulkLinksResult, Contact } from '../../../shared/contracts/admin';
import { API, refusalOf } from '../utils/api';
import type { Selection } from '../utils/useSelection';
import { isMergeableCount, MAX_MERGED, MIN_MERGED } from '../utils/merge';
import { PATHS } from '../utils/paths';
import { useT } from '../utils/translate';
import { BulkJobProgress } from './BulkJobProgress';
import { ExportDialog } from './ExportDialog';
import { TypedConfirmDialog } from './TypedConfirmDialog';
import { RoleSelect } from './RoleSelect';
import { ClientPicker, OfferPicker } from './SearchPicker';
import { MergeHint, MergeSelectedButton, SelectionBar } from './SelectionBar';

type Target = 'offer' | 'client';

/** What the bulk routes act on: the rows ticked, or every result of the list's search. */
const selectionBody = (selection: Selection<Contact>, query: Record<string, string>) =>
  selection.allResults ? { search: query } : { contacts: selection.documentIds };

/** "Associer…": one role on one offer or client for every contact selected (never primary). */
const AttachDialog = ({
  count,
  disabled,
  onAttach,
}: {
  count: number;
  disabled: boolean;
  onAttach: (target: Target, documentId: string, role: string) => Promise<boolean>;
}) => {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<Target>('offer');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const Picker = target === 'offer' ? OfferPicker : ClientPicker;

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<LinkIcon />} disabled={disabled}>
          {t('bulk.attach')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('bulk.attachTitle', { count })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Radio.Group
              aria-label={t('bulk.target')}
              value={target}
              onValueChange={(value: string) => {
                setTarget(value as Target);
                setDocumentId(null);
              }}
            >
              <Radio.Item value="offer">{t('bulk.targetOffer')}</Radio.Item>
              <Radio.Item value="client">{t('bulk.targetClient')}</Radio.Item>
            </Radio.Group>
            <Picker
              key={target}
              label={t(target === 'offer' ? 'bulk.targetOffer' : 'bulk.targetClient')}
              value={documentId}
              onChange={setDocumentId}
            />
            <RoleSelect value={role} onChange={setRole} />
            <Typography variant="pi" textColor="neutral600">
              {t('bulk.attachHint')}
            </Typography>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('form.cancel')}</Button>
          </Modal.Close>
          <Button
            startIcon={<LinkIcon />}
            disabled={!documentId || !role || busy}
            loading={busy}
            onClick={async () => {
              if (!documentId || !role) return;
              setBusy(true);
              try {
                if (await onAttach(target, documentId, role)) {
                  setOpen(false);
                  setDocumentId(null);
                  setRole('');
                }
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('bulk.attachConfirm', { count })}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** "Supprimer": says how many contacts go, and acts once that number is typed. */
const DeleteDialog = ({
  count,
  disabled,
  onDelete,
}: {
  count: number;
  disabled: boolean;
  onDelete: () => Promise<void>;
}) => {
  const { t } = useT();
  return (
    <TypedConfirmDialog
      trigger={
        <Button variant="danger-light" startIcon={<Trash />} disabled={disabled}>
          {t('bulk.delete')}
        </Button>
      }
      title={t('bulk.deleteTitle', { count })}
      field={{
        name: 'bulk-delete-count',
        label: t('bulk.deleteType', { count }),
        hint: t('bulk.deleteTypeHint', { count }),
        numeric: true,
      }}
      matches={(typed) => typed.trim() === String(count)}
      confirmLabel={t('bulk.deleteConfirm', { count })}
      onConfirm={onDelete}
    >
      <Typography>{t('bulk.deleteExplanation', { count })}</Typography>
    </TypedConfirmDialog>
  );
};

/**
 * A bulk route's answer: 200 with what was done, or 202 with the job that will do it. The admin's
 * fetch client gives a JSON answer's body without its status, so the job is told by its shape:
 * only a job has a progress.
 */
const jobOf = <Result extends object>(response: { data: { data: Result | BulkJob } }) => {
  const answer = response.data.data;
  return 'progress' in answer ? (answer as BulkJob) : null;
};

/**
 * The bar over the contact list once rows are ticked: how many, and what can be done with them
 * (attach to an offer or a client with a role, export, delete, merge 2 to 5 of them on the merge
 * page), each shown to the roles holding its action. "Every result of the search" acts through
 * the search itself. Past the contacts a request waits for, attach and delete answer with a job,
 * whose progress is shown above the bar until it is dismissed; the server refuses a selection
 * past its job limit. Delete needs the exact count typed, so not an estimated total.
 */
export const BulkActions = ({
  selection,
  total,
  totalIsExact,
  query,
  listParams,
  exportKeys,
  can,
  onDone,
}: {
  selection: Selection<Contact>;
  /** The list's total, for "every result"; undefined while it is being counted again. */
  total: number | undefined;
  totalIsExact: boolean | undefined;
  query: Record<string, string>;
  listParams: URLSearchParams;
  exportKeys: readonly string[];
  can: { update: boolean; delete: boolean; export: boolean; merge: boolean };
  onDone: () => void;
}) => {
  const { t, intl } = useT();
  const navigate = useNavigate();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [job, setJob] = useState<BulkJob | null>(null);
  // after a bulk action the list is counted again: "every result" waits for the new total
  const counting = selection.allResults && total === undefined;
  const count = selection.allResults ? (total ?? 0) : selection.count;
  const countUnknown = selection.allResults && !counting && !totalIsExact;
  // a merge names its contacts one by one: "every result" is never one
  const mergeable = !selection.allResults && isMergeableCount(count);
  if (count === 0 && !counting && !job) return null;

  /** The action became a job: its progress replaces the selection, which the job has copied. */
  const follow = (started: BulkJob) => {
    setJob(started);
    toggleNotification({ type: 'info', message: t('bulk.job.started', { count: started.progress.total }) });
    selection.clear();
  };

  const attach = async (target: Target, documentId: string, role: string) => {
    try {
      const response = await post<{ data: BulkLinksResult | BulkJob }>(`${API}/contacts/bulk/links`, {
        ...selectionBody(selection, query),
        target,
        documentId,
        role,
      });
      const started = jobOf(response);
      if (started) {
        follow(started);
        return true;
      }
      const result = response.data.data as BulkLinksResult;
      toggleNotification({
        type: result.refused > 0 ? 'warning' : 'success',
        message: t('bulk.attached', {
          attached: result.attached,
          already: result.already,
          refused: result.refused,
        }),
      });
      selection.clear();
      onDone();
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalOf(error, intl, ['contacts', 'search', 'role']) });
      return false;
    }
  };

  const remove = async () => {
    try {
      const response = await post<{ data: BulkDeleteResult | BulkJob }>(`${API}/contacts/bulk/delete`, {
        ...selectionBody(selection, query),
        confirm: count,
      });
      const started = jobOf(response);
      if (started) {
        follow(started);
        return;
      }
      const result = response.data.data as BulkDeleteResult;
      toggleNotification({ type: 'success', message: t('bulk.deleted', { count: result.deleted }) });
      selection.clear();
      onDone();
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: refusalOf(error, intl, ['confirm', 'contacts', 'search']),
      });
    }
  };

  const progress = job && (
    <BulkJobProgress
      key={`${job.action}-${job.id}`}
      job={job}
      onEnded={onDone}
      onDismiss={() => setJob(null)}
    />
  );
  if (count === 0 && !counting) return progress;

  return (
    <>
      {progress}
      <SelectionBar
        status={
          counting
            ? t('list.totalCounting')
            : selection.allResults
              ? t(totalIsExact ? 'bulk.allSelected' : 'bulk.allSelectedAtLeast', { count })
              : t('bulk.selected', { count })
        }
        hints={
          <>
            {countUnknown && can.delete && (
              <Typography variant="pi" textColor="neutral700">
                {t('bulk.countUnknownHint')}
              </Typography>
            )}
            {can.merge && !mergeable && (
              <MergeHint>{t('bulk.mergeHint', { min: MIN_MERGED, max: MAX_MERGED })}</MergeHint>
            )}
          </>
        }
      >
        {can.merge && (
          <MergeSelectedButton
            mergeable={mergeable}
            onMerge={() => navigate(PATHS.merge(selection.documentIds))}
          />
        )}
        {can.update && <AttachDialog count={count} disabled={counting} onAttach={attach} />}
        {can.export && (
          <ExportDialog
            type="contact"
            path={`${API}/contacts/export`}
            listParams={listParams}
            keys={selection.allResults ? exportKeys : ['order']}
            documentIds={selection.allResults ? undefined : selection.documentIds}
            label={t('bulk.export')}
          />
        )}
        {can.delete && <DeleteDialog count={count} disabled={countUnknown || counting} onDelete={remove} />}
        <Button variant="tertiary" onClick={selection.clear}>
          {t('bulk.clear')}
        </Button>
      </SelectionBar>
    </>
  );
};
