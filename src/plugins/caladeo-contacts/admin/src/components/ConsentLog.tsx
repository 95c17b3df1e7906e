import { useEffect, useState } from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { consentEventWording } from '../../../shared/constants';
import type {
  ConsentEventEntry,
  ConsentEvidenceEntry,
  DetailResponse,
} from '../../../shared/contracts/admin';
import { allOf } from '../permissions';
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

/** Who caused the event: the admin or API token by name, a visitor by kind (the evidence says more). */
const useActorLabel = () => {
  const { t } = useT();
  return (event: ConsentEventEntry) => {
    const kind = t(`consent.actor.${event.actorKind}` as MessageKey);
    return event.actorName && event.actorKind !== 'visitor' ? `${kind} · ${event.actorName}` : kind;
  };
};

const hasEvidence = (event: ConsentEventEntry | ConsentEvidenceEntry): event is ConsentEvidenceEntry =>
  'ipAddress' in event;

/** The IP address and browser a visitor's event was recorded with; a dash for the others. */
const Evidence = ({ event }: { event: ConsentEvidenceEntry }) =>
  event.ipAddress || event.userAgent ? (
    <>
      <Typography>{event.ipAddress ?? '—'}</Typography>
      {event.userAgent ? (
        <Box>
          <Typography variant="pi" textColor="neutral600">
            {event.userAgent}
          </Typography>
        </Box>
      ) : null}
    </>
  ) : (
    <Typography>—</Typography>
  );

/**
 * The contact's newsletter consent log, the evidence of each sign-up, confirmation and withdrawal.
 * Shown only to roles holding "Read the consent log" or "Read the consent log with its evidence"
 * (the server refuses the others); the IP address and browser of each event, and their column,
 * only to the latter, read from the evidence route. It is read again whenever the contact changes
 * (`version`), since an edit of the newsletter box adds a line.
 */
export const ConsentLog = ({ documentId, version }: { documentId: string; version: string }) => {
  const { t } = useT();
  const { formatDate } = useIntl();
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC(allOf('consent'));
  const actorLabel = useActorLabel();
  const [events, setEvents] = useState<(ConsentEventEntry | ConsentEvidenceEntry)[] | null>(null);
  const [failed, setFailed] = useState(false);
  const showsEvidence = allowedActions.canEvidence === true;
  const allowed = showsEvidence || allowedActions.canRead === true;
  const columns: MessageKey[] = showsEvidence ? [...COLUMNS, 'consent.evidence'] : COLUMNS;

  useEffect(() => {
    if (!allowed) return undefined;
    const controller = new AbortController();
    const route = showsEvidence ? 'consent-evidence' : 'consent-events';
    get<DetailResponse<(ConsentEventEntry | ConsentEvidenceEntry)[]>>(
      `${API}/contacts/${documentId}/${route}`,
      { signal: controller.signal }
    )
      .then(({ data }) => {
        setEvents(data.data);
        setFailed(false);
      })
      .catch(() => !controller.signal.aborted && setFailed(true));
    return () => controller.abort();
  }, [allowed, showsEvidence, documentId, get, version]);

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
          <Table colCount={columns.length} rowCount={events.length + 1}>
            <Thead>
              <Tr>
                {columns.map((column) => (
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
                  {showsEvidence ? (
                    <Td>{hasEvidence(event) ? <Evidence event={event} /> : <Typography>—</Typography>}</Td>
                  ) : null}
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>
    </SectionCard>
  );
};
