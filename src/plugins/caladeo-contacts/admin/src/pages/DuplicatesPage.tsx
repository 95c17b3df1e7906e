import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  ProgressBar,
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
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DUPLICATE_REASONS, type DuplicateReason, type JobState } from '../../../shared/constants';
import { PhoneLink } from '../components/ContactPoints';
import { PagedListFooter } from '../components/ListFooter';
import { ClientPicker } from '../components/SearchPicker';
import { TabNav } from '../components/TabNav';
import { allOf } from '../permissions';
import { API, refusalOf } from '../utils/api';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';

type PairContact = {
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  city: string | null;
};

type DuplicatePair = {
  documentId: string;
  score: number;
  reasons: DuplicateReason[];
  contacts: [PairContact, PairContact];
};

type PairList = {
  data: DuplicatePair[];
  meta: { pagination: { page: number; pageSize: number; total: number } };
};

type ScanJob = {
  id: number;
  state: JobState;
  progressDone: number | null;
  progressTotal: number | null;
  finishedAt: string | null;
};

const PAGE_SIZE = 25;
/** While a scan runs, its progress and the list are read again this often. */
const SCAN_POLL_MS = 2000;

const isRunning = (scan: ScanJob | null) => scan?.state === 'queued' || scan?.state === 'running';

const ContactCell = ({ contact }: { contact: PairContact }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Link to={PATHS.contact(contact.documentId)}>
      <Typography fontWeight="bold">
        {[contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || '—'}
      </Typography>
    </Link>
    <Typography variant="pi">{contact.email ?? ''}</Typography>
    <PhoneLink phone={contact.phone} />
    <Typography variant="pi">{[contact.postalCode, contact.city].filter(Boolean).join(' ')}</Typography>
  </Flex>
);

/**
 * The "Doublons" page: the likely duplicate pairs the scan found, best first, both contacts side
 * by side with the reasons; filters by reason and client; a scan on demand with its progress;
 * per pair "Fusionner" (the merge page) and "Pas un doublon".
 */
const DuplicatesPage = () => {
  const { t, locale, intl } = useT();
  const { get, post } = useFetchClient();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(allOf('duplicates'));
  const { allowedActions: contactActions } = useRBAC(allOf('contacts'));
  const [params, setParams] = useSearchParams();
  const [list, setList] = useState<{ data?: PairList; error?: string }>({});
  const [scan, setScan] = useState<ScanJob | null>(null);
  const reason = params.get('reason') ?? '';
  const client = params.get('client');
  const page = Number(params.get('page') ?? '1') || 1;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const query: Record<string, string> = { page: String(page), pageSize: String(PAGE_SIZE) };
      if (reason) query.reason = reason;
      if (client) query.client = client;
      try {
        const [pairs, latest] = await Promise.all([
          get<PairList>(`${API}/duplicate-pairs`, { params: query, signal }),
          get<{ data: ScanJob | null }>(`${API}/duplicate-pairs/scan`, { signal }),
        ]);
        setList({ data: pairs.data });
        setScan(latest.data.data);
      } catch (error) {
        if (!signal?.aborted) setList({ error: refusalOf(error, intl, ['reason', 'client']) });
      }
    },
    [get, intl, page, reason, client]
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const scanning = isRunning(scan);
  useEffect(() => {
    if (!scanning) return;
    const timer = setInterval(() => void load(), SCAN_POLL_MS);
    return () => clearInterval(timer);
  }, [scanning, load]);

  const filter = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('page');
    setParams(next);
  };

  const startScan = async () => {
    try {
      const { data } = await post<{ data: ScanJob }>(`${API}/duplicate-pairs/scan`, {});
      setScan(data.data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalOf(error, intl, []) });
    }
  };

  const dismiss = async (pair: DuplicatePair) => {
    try {
      await post(`${API}/duplicate-pairs/${pair.documentId}/dismiss`, {});
      toggleNotification({ type: 'success', message: t('doublons.dismissed') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalOf(error, intl, ['status']) });
    }
    await load();
  };

  const meta = list.data?.meta;
  const percent =
    scan?.progressTotal && scan.progressTotal > 0
      ? Math.round((100 * (scan.progressDone ?? 0)) / scan.progressTotal)
      : 0;

  return (
    <Page.Main>
      <Page.Title>{t('doublons.title')}</Page.Title>
      <Layouts.Header
        title={t('doublons.title')}
        subtitle={t('doublons.subtitle')}
        primaryAction={
          allowedActions.canManage ? (
            <Button onClick={() => void startScan()} loading={scanning} disabled={scanning}>
              {t('doublons.scan')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <TabNav current="duplicates" />
        {scanning && (
          <Box paddingBottom={4}>
            <Typography variant="pi">{t('doublons.scanning', { percent })}</Typography>
            <ProgressBar value={percent} />
          </Box>
        )}
        {!scanning && scan?.finishedAt && (
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t('doublons.lastScan', { date: new Date(scan.finishedAt).toLocaleString(locale) })}
          </Typography>
        )}
        <Flex gap={4} paddingBottom={4} paddingTop={2} alignItems="flex-end">
          <Box minWidth="280px">
            <SingleSelect
              aria-label={t('doublons.reason')}
              placeholder={t('doublons.allReasons')}
              value={reason}
              onChange={(value: string | number) => filter({ reason: String(value) })}
              onClear={() => filter({ reason: '' })}
            >
              {DUPLICATE_REASONS.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {t(`duplicates.reason.${value}` as MessageKey)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="280px">
            <ClientPicker
              label={t('doublons.client')}
              value={client}
              onChange={(documentId) => filter({ client: documentId })}
            />
          </Box>
        </Flex>
        {list.error && (
          <Typography textColor="danger600" tag="p">
            {list.error}
          </Typography>
        )}
        <Table colCount={5} rowCount={(list.data?.data.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('doublons.score')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('doublons.contactA')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('doublons.contactB')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('doublons.reasons')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('doublons.actions')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {(list.data?.data ?? []).map((pair) => (
              <Tr key={pair.documentId} data-pair-id={pair.documentId}>
                <Td>
                  <Typography fontWeight="bold">{`${Math.round(pair.score * 100)} %`}</Typography>
                </Td>
                <Td>
                  <ContactCell contact={pair.contacts[0]} />
                </Td>
                <Td>
                  <ContactCell contact={pair.contacts[1]} />
                </Td>
                <Td>
                  <Flex gap={1} wrap="wrap">
                    {pair.reasons.map((value) => (
                      <Badge key={value}>{t(`duplicates.reason.${value}` as MessageKey)}</Badge>
                    ))}
                  </Flex>
                </Td>
                <Td>
                  <Flex gap={2}>
                    {contactActions.canMerge && (
                      <Button
                        size="S"
                        variant="secondary"
                        onClick={() =>
                          navigate(PATHS.merge(pair.contacts.map((contact) => contact.documentId)))
                        }
                      >
                        {t('doublons.merge')}
                      </Button>
                    )}
                    {allowedActions.canManage && (
                      <Button size="S" variant="tertiary" onClick={() => void dismiss(pair)}>
                        {t('doublons.dismiss')}
                      </Button>
                    )}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {list.data && list.data.data.length === 0 && (
          <Box padding={6}>
            <Typography textColor="neutral600">{t('doublons.empty')}</Typography>
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

export default DuplicatesPage;
