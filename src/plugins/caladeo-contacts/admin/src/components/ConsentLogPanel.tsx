import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

const CONTACT_UID = 'plugin::caladeo-contacts.contact';

type ConsentEvent = {
  documentId: string;
  action: string;
  occurredAt: string;
  source: string | null;
  consentTextVersion: string | null;
  ipAddress: string | null;
  actorKind: string;
  actorName: string | null;
};

/**
 * The contact's consent log beside its edit form. The server decides who may read it (the
 * "Read the consent log" action): without it the request is refused and the panel stays away.
 */
const ConsentLogContent = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const { formatMessage, formatDate } = useIntl();
  const [events, setEvents] = React.useState<ConsentEvent[] | null>(null);
  const [refused, setRefused] = React.useState(false);

  React.useEffect(() => {
    let active = true;
    get<{ data: ConsentEvent[] }>(`/${PLUGIN_ID}/contacts/${documentId}/consent-events`)
      .then((response) => active && setEvents(response.data.data))
      .catch(() => active && setRefused(true));
    return () => {
      active = false;
    };
  }, [documentId, get]);

  if (refused) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({
          id: `${PLUGIN_ID}.consent.unavailable`,
          defaultMessage: 'Consent log not available',
        })}
      </Typography>
    );
  }
  if (!events) return null;
  if (events.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: `${PLUGIN_ID}.consent.empty`, defaultMessage: 'No consent recorded yet' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {events.map((event) => (
        <Box key={event.documentId}>
          <Typography variant="omega" fontWeight="bold">
            {formatMessage({
              id: `${PLUGIN_ID}.consent.action.${event.action}`,
              defaultMessage: event.action,
            })}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {formatDate(event.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
            {event.source ? ` · ${event.source}` : ''}
            {event.consentTextVersion ? ` · ${event.consentTextVersion}` : ''}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {event.actorName ?? event.ipAddress ?? event.actorKind}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};

export const ConsentLogPanel: PanelComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  if (model !== CONTACT_UID || !documentId) return null;
  return {
    title: formatMessage({ id: `${PLUGIN_ID}.consent.title`, defaultMessage: 'Newsletter consent' }),
    content: <ConsentLogContent documentId={documentId} />,
  };
};
