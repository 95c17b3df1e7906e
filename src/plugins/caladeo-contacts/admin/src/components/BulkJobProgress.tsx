import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  BulkDeleteResult,
  BulkJob,
  BulkLinksCounts,
  DetailResponse,
} from '../../../shared/contracts/admin';
import { API, refusalOf } from '../utils/api';
import { useT, type MessageKey } from '../utils/translate';
import { useStableCallback } from '../utils/useStableCallback';

const POLL_MS = 1000;

const isLive = (job: BulkJob) => job.status === 'queued' || job.status === 'running';

/** What the job did so far, in the words the same action uses when done while the request waits. */
const useResultLine = () => {
  const { t } = useT();
  return useCallback(
    (job: BulkJob) => {
      if (job.action === 'links') {
        const { attached, already, refused } = job.result as BulkLinksCounts;
        return t('bulk.attached', { attached, already, refused });
      }
      return t('bulk.deleted', { count: (job.result as BulkDeleteResult).deleted });
    },
    [t]
  );
};

const STATUS_LINE: Record<BulkJob['status'], MessageKey> = {
  queued: 'bulk.job.queued',
  running: 'bulk.job.running',
  completed: 'bulk.job.completed',
  cancelled: 'bulk.job.cancelled',
  dead: 'bulk.job.dead',
};

/**
 * A bulk action over more contacts than a request waits for runs as a background job: its
 * progress, read again every second until it ends, a button to stop it (what was done stays done),
 * and once it has ended what it did.
 */
export const BulkJobProgress = ({
  job: submitted,
  onEnded: notifyEnded,
  onDismiss,
}: {
  job: BulkJob;
  /** The list is read again once the job has changed it. */
  onEnded: () => void;
  onDismiss: () => void;
}) => {
  const { t, intl, locale } = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const resultLine = useResultLine();
  const onEnded = useStableCallback(notifyEnded);
  const [job, setJob] = useState(submitted);
  const [cancelling, setCancelling] = useState(false);
  const path = `${API}/contacts/bulk/${job.action}/jobs/${job.id}`;
  const live = isLive(job);
  const statusLine = useRef<HTMLSpanElement>(null);

  // the dialog that started the job has gone with the selection bar: the keyboard goes on here
  useEffect(() => statusLine.current?.focus(), []);
  // the Stop button, disabled once clicked, lets go of the keyboard: it comes back to the status
  useEffect(() => {
    if (!live && document.activeElement === document.body) statusLine.current?.focus();
  }, [live]);

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      get<DetailResponse<BulkJob>>(path)
        .then(({ data }) => {
          setJob(data.data);
          if (!isLive(data.data)) {
            toggleNotification({
              type: data.data.status === 'completed' ? 'success' : 'warning',
              message: `${t(STATUS_LINE[data.data.status])} ${resultLine(data.data)}`,
            });
            onEnded();
          }
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live, path, get, toggleNotification, t, resultLine, onEnded]);

  const cancel = async () => {
    setCancelling(true);
    try {
      const { data } = await post<DetailResponse<BulkJob>>(`${path}/cancel`, {});
      setJob(data.data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalOf(error, intl, ['status']) });
    } finally {
      setCancelling(false);
    }
  };

  const { done, total } = job.progress;
  const percent = total > 0 ? Math.round((100 * done) / total) : 0;
  const number = (value: number) => value.toLocaleString(locale);
  return (
    <Box background="neutral0" borderColor="neutral200" hasRadius padding={3} marginBottom={4}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography ref={statusLine} tabIndex={-1} fontWeight="bold" role="status">
          {t(job.action === 'links' ? 'bulk.job.linksTitle' : 'bulk.job.deleteTitle', {
            count: total,
          })}{' '}
          · {t(STATUS_LINE[job.status])}
        </Typography>
        {/* the design system's bar draws its value without telling it to assistive technology */}
        <ProgressBar
          value={percent}
          aria-valuenow={percent}
          aria-label={t('bulk.job.progress', { done, total })}
        />
        <Typography variant="pi">
          {t('bulk.job.progress', { done: number(done), total: number(total) })} · {resultLine(job)}
        </Typography>
        {job.error && job.status === 'dead' && (
          <Typography variant="pi" textColor="danger600">
            {job.error}
          </Typography>
        )}
        <Flex gap={2}>
          {live ? (
            <Button
              variant="danger-light"
              onClick={() => void cancel()}
              loading={cancelling}
              disabled={cancelling || job.cancelRequested}
            >
              {t(job.cancelRequested ? 'bulk.job.stopping' : 'bulk.job.cancel')}
            </Button>
          ) : (
            <Button variant="tertiary" onClick={onDismiss}>
              {t('bulk.job.dismiss')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
