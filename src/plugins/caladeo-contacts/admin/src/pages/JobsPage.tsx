import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { JOB_STATES, type JobState } from '../../../shared/constants';
import type { JobEntry, JobListResponse } from '../../../shared/contracts/admin';
import { PagedListFooter } from '../components/ListFooter';
import { TabNav } from '../components/TabNav';
import { allOf } from '../permissions';
import { API, refusalOf } from '../utils/api';
import { useJobKindLabel } from '../utils/job-kind';
import { useT, type MessageKey } from '../utils/translate';

/** Running jobs move: the list is read again this often while the page is open. */
const REFRESH_MS = 5000;
const PAGE_SIZE = 25;

const STATE_BADGE: Record<JobState, { backgroundColor: string; textColor: string }> = {
  queued: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  running: { backgroundColor: 'primary100', textColor: 'primary700' },
  completed: { backgroundColor: 'success100', textColor: 'success700' },
  dead: { backgroundColor: 'danger100', textColor: 'danger700' },
  cancelled: { backgroundColor: 'warning100', textColor: 'warning700' },
};

const progressOf = (job: JobEntry) =>
  job.progressTotal
    ? `${job.progressDone ?? 0} / ${job.progressTotal}`
    : job.progressDone
      ? String(job.progressDone)
      : '';

/** The "Tâches" page: background jobs by state, with their last error, retry and cancel. */
const JobsPage = () => {
  const { t, locale, intl } = useT();
  const kindLabel = useJobKindLabel();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(allOf('jobs'));
  const [params, setParams] = useSearchParams();
  const [list, setList] = useState<{ data?: JobListResponse; error?: string }>({});
  const state = params.get('state') ?? '';
  const kind = params.get('kind') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const query: Record<string, string> = { page: String(page), pageSize: String(PAGE_SIZE) };
      if (state) query.state = state;
      if (kind) query.kind = kind;
      try {
        const { data } = await get<JobListResponse>(`${API}/jobs`, { params: query, signal });
        setList({ data });
      } catch (error) {
        if (!signal?.aborted) setList({ error: refusalOf(error, intl, []) });
      }
    },
    [get, intl, page, state, kind]
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => void load(controller.signal), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [load]);

  const filter = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('page');
    setParams(next);
  };

  const act = async (job: JobEntry, action: 'retry' | 'cancel') => {
    try {
      await post(`${API}/jobs/${job.id}/${action}`, {});
      toggleNotification({
        type: 'success',
        message: t(action === 'retry' ? 'jobs.retried' : 'jobs.cancelled'),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalOf(error, intl, ['state']) });
    }
    await load();
  };

  const meta = list.data?.meta;
  const date = (value: string | null) => (value ? new Date(value).toLocaleString(locale) : '');

  return (
    <Page.Main>
      <Page.Title>{t('jobs.title')}</Page.Title>
      <Layouts.Header title={t('jobs.title')} subtitle={t('jobs.subtitle')} />
      <Layouts.Content>
        <TabNav current="jobs" />
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <Box minWidth="220px">
            <SingleSelect
              aria-label={t('jobs.state')}
              placeholder={t('jobs.allStates')}
              value={state}
              onChange={(value: string | number) => filter({ state: String(value) })}
              onClear={() => filter({ state: '' })}
            >
              {JOB_STATES.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {`${t(`jobs.state.${value}` as MessageKey)} (${meta?.counts[value] ?? 0})`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="260px">
            <SingleSelect
              aria-label={t('jobs.kind')}
              placeholder={t('jobs.allKinds')}
              value={kind}
              onChange={(value: string | number) => filter({ kind: String(value) })}
              onClear={() => filter({ kind: '' })}
            >
              {(meta?.kinds ?? []).map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {kindLabel(value)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        </Flex>
        {list.error && (
          <Typography textColor="danger600" tag="p">
            {list.error}
          </Typography>
        )}
        <Table colCount={7} rowCount={(list.data?.data.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('jobs.kind')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('jobs.state')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('jobs.attempts')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('jobs.progress')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('jobs.lastError')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('jobs.when')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('jobs.actions')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {(list.data?.data ?? []).map((job) => (
              <Tr key={job.id} data-job-id={job.id}>
                <Td>
                  <Typography>{kindLabel(job.kind)}</Typography>
                </Td>
                <Td>
                  <Badge {...STATE_BADGE[job.state]}>{t(`jobs.state.${job.state}` as MessageKey)}</Badge>
                  {job.cancelRequested && job.state === 'running' && (
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {t('jobs.cancelRequested')}
                    </Typography>
                  )}
                </Td>
                <Td>
                  <Typography>{`${job.attempts} / ${job.maxAttempts}`}</Typography>
                </Td>
                <Td>
                  <Typography>{progressOf(job)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="danger600" ellipsis title={job.lastError ?? undefined}>
                    {job.lastError ?? ''}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {job.finishedAt
                      ? t('jobs.finishedAt', { date: date(job.finishedAt) })
                      : job.state === 'queued'
                        ? t('jobs.availableAt', { date: date(job.availableAt) })
                        : t('jobs.startedAt', { date: date(job.startedAt) })}
                  </Typography>
                </Td>
                <Td>
                  {allowedActions.canManage && (job.state === 'dead' || job.state === 'cancelled') && (
                    <Button variant="secondary" size="S" onClick={() => void act(job, 'retry')}>
                      {t('jobs.retry')}
                    </Button>
                  )}
                  {allowedActions.canManage &&
                    (job.state === 'queued' || (job.state === 'running' && !job.cancelRequested)) && (
                      <Button variant="danger-light" size="S" onClick={() => void act(job, 'cancel')}>
                        {t('jobs.cancel')}
                      </Button>
                    )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {list.data && list.data.data.length === 0 && (
          <Box padding={6}>
            <Typography textColor="neutral600">{t('jobs.empty')}</Typography>
          </Box>
        )}
        <PagedListFooter
          total={meta?.pagination.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={(target) => setParams({ ...Object.fromEntries(params), page: String(target) })}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

export default JobsPage;
