import { useMemo } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { CLIENT_TYPES, MAX_LENGTH } from '../../../shared/constants';
import type { Client } from '../../../shared/contracts/admin';
import { ExportDialog } from '../components/ExportDialog';
import { FilterSelect } from '../components/FilterSelect';
import { CountryFilter, ResetFiltersButton } from '../components/ListFilters';
import { FilterText } from '../components/FilterText';
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
import { useFilterSetters, useYesNoFilterOptions } from '../utils/useListFilters';
import { useSelection } from '../utils/useSelection';
import { useT, type MessageKey } from '../utils/translate';

const FILTERS = ['type', 'city', 'country', 'hasPrimary'] as const;
const ANY = '';

const ClientsListPage = () => {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { allowedActions } = useRBAC(allOf('clients'));
  const list = useList<Client>(`${API}/clients`, FILTERS, { countUrl: `${API}/clients/count` });
  const setFilter = useFilterSetters(list.update, FILTERS);
  const primaryOptions = useYesNoFilterOptions('filters.primaryYes', 'filters.primaryNo');
  const types = useMemo(
    () => CLIENT_TYPES.map((type) => ({ value: type, label: t(`clientType.${type}` as MessageKey) })),
    [t]
  );
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
                keys={['q', 'order', ...FILTERS]}
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
        <Flex gap={3} wrap="wrap" alignItems="flex-end" paddingBottom={4}>
          <Box minWidth="280px">
            <SearchBox
              value={list.params.get('q') ?? ''}
              onSearch={(text) => list.update({ q: text })}
              label={t('clients.search')}
              placeholder={t('clients.searchPlaceholder')}
            />
          </Box>
          <Box minWidth="200px">
            <FilterSelect
              label={t('filters.type')}
              value={list.params.get('type') ?? ANY}
              anyLabel={t('filters.anyType')}
              options={types}
              onChange={setFilter.type}
            />
          </Box>
          <Box minWidth="160px">
            <FilterText
              label={t('filters.city')}
              value={list.params.get('city') ?? ''}
              placeholder={t('filters.cityPlaceholder')}
              maxLength={MAX_LENGTH.city}
              onChange={setFilter.city}
            />
          </Box>
          <CountryFilter value={list.params.get('country') ?? ANY} onChange={setFilter.country} />
          <Box minWidth="220px">
            <FilterSelect
              label={t('filters.primary')}
              value={list.params.get('hasPrimary') ?? ANY}
              anyLabel={t('filters.anyPrimary')}
              options={primaryOptions}
              onChange={setFilter.hasPrimary}
            />
          </Box>
          <ResetFiltersButton list={list} />
        </Flex>
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
