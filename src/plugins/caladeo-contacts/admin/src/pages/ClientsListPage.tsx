import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { Client } from '../../../shared/contracts/admin';
import { ExportDialog } from '../components/ExportDialog';
import { RecordTable, RowLink } from '../components/RecordTable';
import { SearchBox } from '../components/SearchBox';
import { MergeHint, MergeSelectedButton, SelectionBar } from '../components/SelectionBar';
import { TabNav } from '../components/TabNav';
import { allOf } from '../permissions';
import { API } from '../utils/api';
import { countryName } from '../utils/countries';
import { isMergeableCount, MAX_MERGED, MIN_MERGED } from '../utils/merge';
import { PATHS } from '../utils/paths';
import { useList } from '../utils/useList';
import { useSelection } from '../utils/useSelection';
import { useT, type MessageKey } from '../utils/translate';

const ClientsListPage = () => {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { allowedActions } = useRBAC(allOf('clients'));
  const list = useList<Client>(`${API}/clients`, []);
  const order = list.params.get('order') ?? '';
  // the only bulk action on clients is the merge: rows are ticked for roles that may merge
  const canMerge = Boolean(allowedActions.canMerge);
  const selection = useSelection<Client>(JSON.stringify(list.query), (client) => client.name);
  const mergeable = isMergeableCount(selection.count);
  return (
    <Page.Main>
      <Page.Title>{t('clients.title')}</Page.Title>
      <Layouts.Header
        title={t('clients.title')}
        subtitle={t('clients.subtitle')}
        primaryAction={
          <Flex gap={2}>
            {allowedActions.canExport && (
              <ExportDialog
                type="client"
                path={`${API}/clients/export`}
                listParams={list.params}
                keys={['q', 'order']}
              />
            )}
            {allowedActions.canCreate && (
              <Button startIcon={<Plus />} onClick={() => navigate(PATHS.newClient)}>
                {t('clients.new')}
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <TabNav current="clients" />
        <Box paddingBottom={4} maxWidth="420px">
          <SearchBox
            value={list.params.get('q') ?? ''}
            onSearch={(text) => list.update({ q: text })}
            label={t('clients.search')}
            placeholder={t('clients.searchPlaceholder')}
          />
        </Box>
        {canMerge && selection.count > 0 && (
          <SelectionBar
            status={t('clients.selected', { count: selection.count })}
            hints={
              !mergeable && (
                <MergeHint>{t('clients.mergeHint', { min: MIN_MERGED, max: MAX_MERGED })}</MergeHint>
              )
            }
          >
            <MergeSelectedButton
              mergeable={mergeable}
              onMerge={() => navigate(PATHS.clientMerge(selection.documentIds))}
            />
            <Button variant="tertiary" onClick={selection.clear}>
              {t('bulk.clear')}
            </Button>
          </SelectionBar>
        )}
        <RecordTable
          list={list}
          empty={{ filtered: t('clients.emptySearch'), none: t('clients.empty') }}
          onOpen={(client) => navigate(PATHS.client(client.documentId))}
          selection={
            canMerge
              ? {
                  isSelected: selection.isSelected,
                  toggle: selection.toggle,
                  togglePage: selection.togglePage,
                  label: (client) => t('bulk.selectRow', { name: client.name }),
                  pageLabel: t('clients.selectPage'),
                }
              : undefined
          }
          columns={[
            {
              key: 'name',
              header: { label: t('client.name'), onSort: () => list.update({ order: 'name' }) },
              cell: (client) => <RowLink to={PATHS.client(client.documentId)}>{client.name}</RowLink>,
            },
            {
              key: 'type',
              header: t('client.type'),
              cell: (client) => <Typography>{t(`clientType.${client.type}` as MessageKey)}</Typography>,
            },
            {
              key: 'city',
              header: t('client.city'),
              cell: (client) => (
                <Typography>
                  {[client.city, countryName(client.country, locale)].filter(Boolean).join(', ')}
                </Typography>
              ),
            },
            {
              key: 'createdAt',
              header: {
                label: t('contact.createdAt'),
                onSort: () => list.update({ order: order === 'newest' ? 'oldest' : 'newest' }),
                arrow: order === 'newest' ? '↓' : order === 'oldest' ? '↑' : null,
              },
              cell: (client) => (
                <Typography>{new Date(client.createdAt).toLocaleDateString(locale)}</Typography>
              ),
            },
          ]}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

export default ClientsListPage;
