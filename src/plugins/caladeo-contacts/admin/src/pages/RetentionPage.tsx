import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { RETENTION_POLICIES, type RetentionPolicy } from '../../../shared/constants';
import { TabNav } from '../components/TabNav';
import { API, refusalOf } from '../utils/api';
import { useT, type MessageKey } from '../utils/translate';

const PAGE_SIZE = 25;

type Policy = {
  policy: RetentionPolicy;
  enabled: boolean;
  months: number;
  source: 'config' | 'admin';
  changedBy: string | null;
  changedAt: string | null;
};
type DueContact = {
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  policy: RetentionPolicy;
  dueAt: string;
};
type Preview = {
  data: DueContact[];
  meta: { nextRunAt: string; counts: Record<RetentionPolicy, number>; nextAfter: number | null };
};
type Hold = {
  documentId: string;
  contactDocumentId: string;
  reason: string;
  placedAt: string;
  placedByName: string | null;
  placedByKind: string;
};
type Run = {
  id: number;
  status: 'running' | 'completed' | 'failed';
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  dueCount: number;
  erasedCount: number;
  errorCount: number;
  failures: { policy: RetentionPolicy | null; message: string }[] | null;
};

const RUN_BADGE = {
  running: { backgroundColor: 'primary100', textColor: 'primary700' },
  completed: { backgroundColor: 'success100', textColor: 'success700' },
  failed: { backgroundColor: 'danger100', textColor: 'danger700' },
} as const;

const Heading = ({ children }: { children: string }) => (
  <Box paddingTop={6} paddingBottom={2}>
    <Typography variant="delta" tag="h2">
      {children}
    </Typography>
  </Box>
);

const Headings = ({ labels }: { labels: string[] }) => (
  <Thead>
    <Tr>
      {labels.map((label) => (
        <Th key={label}>
          <Typography variant="sigma">{label}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

/** One policy: switched on or off and its period, saved on its own. */
const PolicyRow = ({ policy, onSave }: { policy: Policy; onSave: (next: Policy) => Promise<void> }) => {
  const { t, locale } = useT();
  const [enabled, setEnabled] = useState(policy.enabled);
  const [months, setMonths] = useState(String(policy.months));
  useEffect(() => {
    setEnabled(policy.enabled);
    setMonths(String(policy.months));
  }, [policy]);
  return (
    <Tr>
      <Td>
        <Typography fontWeight="bold">{t(`retention.policy.${policy.policy}` as MessageKey)}</Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t(`retention.policy.${policy.policy}.rule` as MessageKey)}
        </Typography>
      </Td>
      <Td>
        <Checkbox checked={enabled} onCheckedChange={(checked) => setEnabled(checked === true)}>
          {t('retention.enabled')}
        </Checkbox>
      </Td>
      <Td>
        <Field.Root>
          <TextInput
            aria-label={t('retention.months')}
            value={months}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setMonths(event.target.value)}
          />
        </Field.Root>
      </Td>
      <Td>
        <Typography variant="pi" textColor="neutral600">
          {policy.source === 'admin'
            ? t('retention.changedBy', {
                who: policy.changedBy ?? '',
                date: policy.changedAt ? new Date(policy.changedAt).toLocaleString(locale) : '',
              })
            : t('retention.fromConfig')}
        </Typography>
      </Td>
      <Td>
        <Button
          variant="secondary"
          size="S"
          onClick={() => void onSave({ ...policy, enabled, months: Number(months) })}
        >
          {t('retention.save')}
        </Button>
      </Td>
    </Tr>
  );
};

/**
 * "Conservation des données": the policies in force, what the next run will do (and to whom),
 * legal holds, and the reports of past runs. Every route behind it needs `privacy.settings`.
 */
const RetentionPage = () => {
  const { t, locale, intl } = useT();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [policies, setPolicies] = useState<Policy[]>([]);
  const [policy, setPolicy] = useState<RetentionPolicy>('prospect');
  // the row ids each page of the preview starts after: the last one is the page shown
  const [afters, setAfters] = useState<number[]>([0]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [holds, setHolds] = useState<Hold[]>([]);
  const [runs, setRuns] = useState<Run[]>([]);
  const [holdContact, setHoldContact] = useState('');
  const [holdReason, setHoldReason] = useState('');
  const [liftReasons, setLiftReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const after = afters[afters.length - 1] ?? 0;
  const date = (value: string | null) => (value ? new Date(value).toLocaleString(locale) : '');
  const fail = (caught: unknown, fields: string[]) =>
    toggleNotification({ type: 'danger', message: refusalOf(caught, intl, fields) });

  const load = useCallback(async () => {
    try {
      const [policyList, due, holdList, runList] = await Promise.all([
        get<{ data: Policy[] }>(`${API}/retention/policies`),
        get<Preview>(`${API}/retention/preview`, {
          params: { policy, after: String(after), pageSize: String(PAGE_SIZE) },
        }),
        get<{ data: Hold[] }>(`${API}/retention/holds`, { params: { active: 'true', pageSize: '100' } }),
        get<{ data: Run[] }>(`${API}/retention/runs`, { params: { pageSize: '20' } }),
      ]);
      setPolicies(policyList.data.data);
      setPreview(due.data);
      setHolds(holdList.data.data);
      setRuns(runList.data.data);
      setError(null);
    } catch (caught) {
      setError(refusalOf(caught, intl, []));
    }
  }, [get, intl, policy, after]);

  useEffect(() => void load(), [load]);

  const savePolicy = async (next: Policy) => {
    try {
      await put(`${API}/retention/policies/${next.policy}`, {
        data: { enabled: next.enabled, months: next.months },
      });
      toggleNotification({ type: 'success', message: t('retention.saved') });
      setAfters([0]);
      await load();
    } catch (caught) {
      fail(caught, ['data.months', 'data.enabled']);
    }
  };

  const placeHold = async () => {
    try {
      await post(`${API}/retention/holds`, { data: { contact: holdContact.trim(), reason: holdReason } });
      toggleNotification({ type: 'success', message: t('retention.hold.placed') });
      setHoldContact('');
      setHoldReason('');
      await load();
    } catch (caught) {
      fail(caught, ['contact', 'data.contact', 'data.reason']);
    }
  };

  const liftHold = async (hold: Hold) => {
    try {
      await post(`${API}/retention/holds/${hold.documentId}/lift`, {
        data: { reason: liftReasons[hold.documentId] ?? '' },
      });
      toggleNotification({ type: 'success', message: t('retention.hold.lifted') });
      await load();
    } catch (caught) {
      fail(caught, ['holdId', 'data.reason']);
    }
  };

  const personOf = (contact: DueContact) =>
    [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || contact.documentId;

  return (
    <Page.Main>
      <Page.Title>{t('retention.title')}</Page.Title>
      <Layouts.Header title={t('retention.title')} subtitle={t('retention.subtitle')} />
      <Layouts.Content>
        <TabNav current="retention" />
        {error && (
          <Typography textColor="danger600" tag="p">
            {error}
          </Typography>
        )}

        <Heading>{t('retention.policies')}</Heading>
        <Table colCount={5} rowCount={policies.length + 1}>
          <Headings
            labels={[
              t('retention.policy'),
              t('retention.enabled'),
              t('retention.months'),
              t('retention.source'),
              '',
            ]}
          />
          <Tbody>
            {policies.map((entry) => (
              <PolicyRow key={entry.policy} policy={entry} onSave={savePolicy} />
            ))}
          </Tbody>
        </Table>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('retention.evidenceKept')}
        </Typography>

        <Heading>{t('retention.nextRun')}</Heading>
        {preview && (
          <Typography tag="p">
            {t('retention.nextRunSummary', {
              date: date(preview.meta.nextRunAt),
              prospect: preview.meta.counts.prospect ?? 0,
              client: preview.meta.counts.client ?? 0,
            })}
          </Typography>
        )}
        <Box paddingTop={2} paddingBottom={2} maxWidth="300px">
          <SingleSelect
            aria-label={t('retention.policy')}
            value={policy}
            onChange={(value: string | number) => {
              setPolicy(value as RetentionPolicy);
              setAfters([0]);
            }}
          >
            {RETENTION_POLICIES.map((value) => (
              <SingleSelectOption key={value} value={value}>
                {t(`retention.policy.${value}` as MessageKey)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
        <Table colCount={3} rowCount={(preview?.data.length ?? 0) + 1}>
          <Headings labels={[t('retention.contact'), t('retention.policy'), t('retention.dueAt')]} />
          <Tbody>
            {(preview?.data ?? []).map((contact) => (
              <Tr key={contact.documentId}>
                <Td>
                  <Typography>{personOf(contact)}</Typography>
                </Td>
                <Td>
                  <Typography>{t(`retention.policy.${contact.policy}` as MessageKey)}</Typography>
                </Td>
                <Td>
                  <Typography>{date(contact.dueAt)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {preview && preview.data.length === 0 && (
          <Box padding={4}>
            <Typography textColor="neutral600">{t('retention.nobodyDue')}</Typography>
          </Box>
        )}
        <Flex gap={2} justifyContent="flex-end" paddingTop={2}>
          <Button
            variant="tertiary"
            disabled={afters.length <= 1}
            onClick={() => setAfters(afters.slice(0, -1))}
          >
            {t('list.previous')}
          </Button>
          <Button
            variant="tertiary"
            disabled={!preview?.meta.nextAfter}
            onClick={() => preview?.meta.nextAfter && setAfters([...afters, preview.meta.nextAfter])}
          >
            {t('list.next')}
          </Button>
        </Flex>

        <Heading>{t('retention.holds')}</Heading>
        <Flex gap={3} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
          <Field.Root>
            <Field.Label>{t('retention.hold.contact')}</Field.Label>
            <TextInput
              value={holdContact}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setHoldContact(event.target.value)}
            />
          </Field.Root>
          <Box minWidth="320px">
            <Field.Root>
              <Field.Label>{t('retention.hold.reason')}</Field.Label>
              <TextInput
                value={holdReason}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setHoldReason(event.target.value)}
              />
            </Field.Root>
          </Box>
          <Button variant="secondary" disabled={!holdContact || !holdReason} onClick={() => void placeHold()}>
            {t('retention.hold.place')}
          </Button>
        </Flex>
        <Table colCount={4} rowCount={holds.length + 1}>
          <Headings
            labels={[
              t('retention.contact'),
              t('retention.hold.reason'),
              t('retention.hold.placedBy'),
              t('retention.hold.lift'),
            ]}
          />
          <Tbody>
            {holds.map((hold) => (
              <Tr key={hold.documentId}>
                <Td>
                  <Typography>{hold.contactDocumentId}</Typography>
                </Td>
                <Td>
                  <Typography>{hold.reason}</Typography>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {t('retention.changedBy', {
                      who: hold.placedByName ?? hold.placedByKind,
                      date: date(hold.placedAt),
                    })}
                  </Typography>
                </Td>
                <Td>
                  <Flex gap={2}>
                    <TextInput
                      aria-label={t('retention.hold.liftReason')}
                      placeholder={t('retention.hold.liftReason')}
                      value={liftReasons[hold.documentId] ?? ''}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        setLiftReasons({ ...liftReasons, [hold.documentId]: event.target.value })
                      }
                    />
                    <Button
                      variant="danger-light"
                      size="S"
                      disabled={!liftReasons[hold.documentId]}
                      onClick={() => void liftHold(hold)}
                    >
                      {t('retention.hold.lift')}
                    </Button>
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {holds.length === 0 && (
          <Box padding={4}>
            <Typography textColor="neutral600">{t('retention.hold.none')}</Typography>
          </Box>
        )}

        <Heading>{t('retention.runs')}</Heading>
        <Table colCount={5} rowCount={runs.length + 1}>
          <Headings
            labels={[
              t('retention.run.startedAt'),
              t('retention.run.status'),
              t('retention.run.due'),
              t('retention.run.erased'),
              t('retention.run.errors'),
            ]}
          />
          <Tbody>
            {runs.map((run) => (
              <Tr key={run.id}>
                <Td>
                  <Typography>{date(run.startedAt)}</Typography>
                </Td>
                <Td>
                  <Badge {...RUN_BADGE[run.status]}>{t(`retention.run.${run.status}` as MessageKey)}</Badge>
                </Td>
                <Td>
                  <Typography>{run.dueCount}</Typography>
                </Td>
                <Td>
                  <Typography>{run.erasedCount}</Typography>
                </Td>
                <Td>
                  <Typography
                    textColor={run.errorCount ? 'danger600' : undefined}
                    title={(run.failures ?? []).map((failure) => failure.message).join('\n')}
                  >
                    {run.errorCount}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {runs.length === 0 && (
          <Box padding={4}>
            <Typography textColor="neutral600">{t('retention.run.none')}</Typography>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default RetentionPage;
