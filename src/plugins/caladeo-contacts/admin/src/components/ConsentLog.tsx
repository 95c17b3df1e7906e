import { useEffect, useState } from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { consentEventWording } from '../../../shared/constants';
import type { ConsentEventEntry, DetailResponse } from '../../../shared/contracts/admin';
import { PERMISSIONS } from '../permissions';
import { API } from '../utils/api';
import { SectionCard } from './DetailParts';
import { useT, type MessageKey } from '../utils/translate';

const COLUMNS: MessageKey[] = [
  'consent.event',
  'consent.date',
  'consent.source',
  'consent.textVersion',
  'consent.by',
];

/** Who caused the event: the admin or API token by name, a visitor by the IP address kept as evidence. */
const useActorLabel = () => {
  const { t } = useT();
  return (event: ConsentEventEntry) => {
    const who = event.actorKind === 'visitor' ? event.ipAddress : event.actorName;
    const kind = t(`consent.actor.${event.actorKind}` as MessageKey);
    return who ? `${kind} · ${who}` : kind;
  };
};

/**
 * The contact's newsletter consent log, the evidence of each sign-up, confirmation and withdrawal.
 * Shown only to roles holding "Read the consent log" (the server refuses the others). It is read
 * again whenever the contact changes (`version`), since an edit of the newsletter box adds a line.
 */
export const ConsentLog = ({ documentId, version }: { documentId: string; version: string }) => {
  const { t } = useT();
  const { formatDate } = useIntl();
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.consent.read);
  const actorLabel = useActorLabel();
  const [events, setEvents] = useState<ConsentEventEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const allowed = allowedActions.canRead === true;

  useEffect(() => {
    if (!allowed) return undefined;
    const controller = new AbortController();
    get<DetailResponse<ConsentEventEntry[]>>(`${API}/contacts/${documentId}/consent-events`, {
      signal: controller.signal,
    })
      .then(({ data }) => {
        setEvents(data.data);
        setFailed(false);
      })
      .catch(() => !controller.signal.aborted && setFailed(true));
    return () => controller.abort();
  }, [allowed, documentId, get, version]);

  if (!allowed) return null;
  return (
    <SectionCard title={t('consent.title')}>
      <Box paddingTop={4}>
        {failed ? (
          <Typography textColor="neutral600">{t('consent.unavailable')}</Typography>
        ) : events === null ? (
          <Typography textColor="neutral600">{t('list.loading')}</Typography>
        ) : events.length === 0 ? (
          <Typography textColor="neutral600">{t('consent.empty')}</Typography>
        ) : (
          <Table colCount={COLUMNS.length} rowCount={events.length + 1}>
            <Thead>
              <Tr>
                {COLUMNS.map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{t(column)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {events.map((event) => (
                <Tr key={event.documentId}>
                  <Td>
                    <Typography fontWeight="bold">
                      {t(`consent.action.${consentEventWording(event)}` as MessageKey)}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {formatDate(event.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{event.source ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{event.consentTextVersion ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{actorLabel(event)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>
    </SectionCard>
  );
};
