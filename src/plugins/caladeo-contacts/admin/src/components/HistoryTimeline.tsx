import { useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { HISTORY_ACTIONS } from '../../../shared/constants';
import { PERMISSIONS } from '../permissions';
import { API } from '../utils/api';
import { historyFieldLabel, scrubbedFieldsText } from '../utils/history';
import { SectionCard } from './DetailParts';
import { useT, type MessageKey } from '../utils/translate';

type HistoryEntry = {
  occurredAt: string;
  actor: { type: string; id: string | null; name: string | null };
  entryPoint: string;
  action: string;
  link: { type: string; documentId: string | null; relatedDocumentId: string | null } | null;
  changedFields: string[];
  changes: Record<string, { before: unknown; after: unknown }> | null;
};
type HistoryPage = { data: HistoryEntry[]; meta: { pagination: { page: number; pageCount: number } } };

const PAGE_SIZE = 20;
const ALL = 'all';

/** A recorded value as a person reads it: yes/no, a role's name, "—" for none. */
const useValueText = () => {
  const { t } = useT();
  return (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
    if (field === 'role') return t(`role.${String(value)}` as MessageKey);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
};

/**
 * The history of a contact or a client, newest first: each change with its date, who made it,
 * through which entry point, and every field before → after. Shown only to roles holding "Read the
 * history of contacts and clients" (the server refuses the others). Read again when the record
 * changes (`version`).
 */
export const HistoryTimeline = ({
  targetType,
  documentId,
  version,
}: {
  targetType: 'contact' | 'client';
  documentId: string;
  version: string;
}) => {
  const { t } = useT();
  const { formatDate } = useIntl();
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.history.read);
  const valueText = useValueText();
  const [action, setAction] = useState<string>(ALL);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [page, setPage] = useState(1);
  const [pageCount, setPageCount] = useState(0);
  const [failed, setFailed] = useState(false);
  const allowed = allowedActions.canRead === true;

  useEffect(() => {
    if (!allowed) return undefined;
    const controller = new AbortController();
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (action !== ALL) params.set('action', action);
    get<HistoryPage>(`${API}/${targetType}s/${documentId}/history?${params.toString()}`, {
      signal: controller.signal,
    })
      .then(({ data }) => {
        setEntries((shown) => (page === 1 ? data.data : [...(shown ?? []), ...data.data]));
        setPageCount(data.meta.pagination.pageCount);
        setFailed(false);
      })
      .catch(() => !controller.signal.aborted && setFailed(true));
    return () => controller.abort();
  }, [allowed, action, documentId, get, page, targetType, version]);

  if (!allowed) return null;
  const who = (entry: HistoryEntry) => {
    const kind = t(`history.actor.${entry.actor.type}` as MessageKey);
    return entry.actor.name ? `${kind} · ${entry.actor.name}` : kind;
  };
  return (
    <SectionCard title={t('history.title')}>
      <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
        <Box width="16rem">
          <SingleSelect
            aria-label={t('history.filterAction')}
            size="S"
            value={action}
            onChange={(value: string | number) => {
              setAction(String(value));
              setPage(1);
            }}
          >
            <SingleSelectOption value={ALL}>{t('history.allActions')}</SingleSelectOption>
            {HISTORY_ACTIONS.map((name) => (
              <SingleSelectOption key={name} value={name}>
                {t(`history.action.${name}` as MessageKey)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
        {failed ? (
          <Typography textColor="neutral600">{t('history.unavailable')}</Typography>
        ) : entries === null ? (
          <Typography textColor="neutral600">{t('list.loading')}</Typography>
        ) : entries.length === 0 ? (
          <Typography textColor="neutral600">{t('history.empty')}</Typography>
        ) : (
          <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
            {entries.map((entry, index) => (
              <Box tag="li" key={`${entry.occurredAt}-${index}`} paddingLeft={3} borderColor="neutral200">
                <Flex gap={2} wrap="wrap">
                  <Badge>{t(`history.action.${entry.action}` as MessageKey)}</Badge>
                  <Typography fontWeight="bold">
                    {formatDate(entry.occurredAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                  </Typography>
                  <Typography textColor="neutral600">
                    {who(entry)} · {t(`history.entryPoint.${entry.entryPoint}` as MessageKey)}
                  </Typography>
                </Flex>
                <Box tag="ul" paddingTop={1}>
                  {entry.action === 'erase' ? (
                    <Typography tag="li" textColor="neutral600">
                      {t(
                        entry.changes?.reason?.after === 'retention'
                          ? 'history.erased.retention'
                          : 'history.erased.request'
                      )}
                    </Typography>
                  ) : entry.changes === null ? (
                    <Typography tag="li" textColor="neutral600">
                      {t('history.scrubbed', {
                        fields: scrubbedFieldsText(t, targetType, entry.link !== null, entry.changedFields),
                      })}
                    </Typography>
                  ) : (
                    Object.entries(entry.changes).map(([field, change]) => (
                      <Typography tag="li" key={field} variant="omega">
                        {historyFieldLabel(t, targetType, entry.link !== null, field)} :{' '}
                        {valueText(field, change.before)} → {valueText(field, change.after)}
                      </Typography>
                    ))
                  )}
                </Box>
              </Box>
            ))}
          </Flex>
        )}
        {entries !== null && page < pageCount && (
          <Box>
            <Button variant="tertiary" onClick={() => setPage(page + 1)}>
              {t('history.more')}
            </Button>
          </Box>
        )}
      </Flex>
    </SectionCard>
  );
};
