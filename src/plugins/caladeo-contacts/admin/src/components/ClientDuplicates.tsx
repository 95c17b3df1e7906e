import { useEffect, useState } from 'react';
import { Badge, Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { LikelyClientDuplicate, LikelyClientDuplicatesResponse } from '../../../shared/contracts/admin';
import { API } from '../utils/api';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';
import { SectionCard } from './DetailParts';
import { RowLink } from './RecordTable';
import { TableHeadings } from './TableHeadings';

const HEADINGS = [
  'client.name',
  'client.city',
  'client.siret',
  'doublons.reasons',
  'doublons.actions',
] as const satisfies readonly MessageKey[];

/**
 * "Doublons possibles" on a client's page (roles holding `clients.merge`): the stored clients that
 * may be the same body (the same SIRET, the same name in the same town), best first, each with
 * why and _Fusionner_, the merge page of the pair with this client proposed as the one kept.
 * Nothing shows when there is none, or when the check fails: it must not get in the way.
 * `version` (the client's updatedAt) asks again after each change of the client.
 */
export const ClientDuplicates = ({ documentId, version }: { documentId: string; version: string }) => {
  const { t } = useT();
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [found, setFound] = useState<LikelyClientDuplicate[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    get<LikelyClientDuplicatesResponse>(`${API}/clients/${documentId}/duplicates`, {
      signal: controller.signal,
    })
      .then(({ data }) => setFound(data.data))
      .catch(() => !controller.signal.aborted && setFound([]));
    return () => controller.abort();
  }, [documentId, version, get]);

  if (found.length === 0) return null;
  return (
    <SectionCard title={t('clientDuplicates.title')}>
      <Flex direction="column" alignItems="stretch" gap={3} paddingTop={2}>
        <Typography textColor="neutral600">{t('clientDuplicates.intro')}</Typography>
        <Table colCount={5} rowCount={found.length + 1}>
          <TableHeadings keys={HEADINGS} />
          <Tbody>
            {found.map(({ client, reasons }) => (
              <Tr key={client.documentId}>
                <Td>
                  <RowLink to={PATHS.client(client.documentId)}>{client.name}</RowLink>
                </Td>
                <Td>
                  <Typography>{[client.postalCode, client.city].filter(Boolean).join(' ') || '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{client.siret ?? '—'}</Typography>
                </Td>
                <Td>
                  <Flex gap={1} wrap="wrap">
                    {reasons.map((reason) => (
                      <Badge key={reason}>{t(`clientDuplicates.reason.${reason}` as MessageKey)}</Badge>
                    ))}
                  </Flex>
                </Td>
                <Td>
                  <Button
                    variant="secondary"
                    size="S"
                    aria-label={t('clientDuplicates.mergeWith', { name: client.name })}
                    onClick={() => navigate(PATHS.clientMerge([documentId, client.documentId]))}
                  >
                    {t('clientDuplicates.merge')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Flex>
    </SectionCard>
  );
};
