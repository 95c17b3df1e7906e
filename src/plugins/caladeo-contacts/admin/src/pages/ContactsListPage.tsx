import { useCallback, useMemo } from 'react';
import { Badge, Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { LINK_ROLES } from '../../../shared/constants';
import type { Contact } from '../../../shared/contracts/admin';
import type { ListViewEntry, ListViewState } from '../../../shared/list-views';
import { BulkActions } from '../components/BulkActions';
import { ColumnsMenu } from '../components/ColumnsMenu';
import { EmailLink, PhoneLink } from '../components/ContactPoints';
import { ExportDialog } from '../components/ExportDialog';
import { FilterSelect } from '../components/FilterSelect';
import { CountryFilter, ResetFiltersButton } from '../components/ListFilters';
import { RecordTable, RowLink, type Column } from '../components/RecordTable';
import { SavedViewsMenu } from '../components/SavedViewsMenu';
import { SearchBox } from '../components/SearchBox';
import { ClientPicker } from '../components/SearchPicker';
import { TabNav } from '../components/TabNav';
import { allOf } from '../permissions';
import { API } from '../utils/api';
import { PATHS } from '../utils/paths';
import { PAGE_SIZES, useList } from '../utils/useList';
import { useFilterSetters, useYesNoFilterOptions } from '../utils/useListFilters';
import { useListSettings } from '../utils/useListSettings';
import { useSelection } from '../utils/useSelection';
import { useStableCallback } from '../utils/useStableCallback';
import { useT, type MessageKey } from '../utils/translate';

const FILTERS = ['client', 'country', 'newsletter', 'role'] as const;
const ANY = '';

const ContactsListPage = () => {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { allowedActions } = useRBAC(allOf('contacts'));
  const clientsRbac = useRBAC(allOf('clients'));
  // the rows first, the total when its own request answers (docs/search.md)
  const list = useList<Contact>(`${API}/contacts`, FILTERS, { countUrl: `${API}/contacts/count` });
  const settings = useListSettings('contacts');
  const order = list.params.get('order') ?? '';
  const setFilter = useFilterSetters(list.update, FILTERS);
  const newsletterOptions = useYesNoFilterOptions('filters.newsletterYes', 'filters.newsletterNo');
  const roles = useMemo(
    () => LINK_ROLES.map((role) => ({ value: role, label: t(`role.${role}` as MessageKey) })),
    [t]
  );

  const sortBy = useStableCallback((column: 'name' | 'created') => {
    if (column === 'name') list.update({ order: 'name' });
    else list.update({ order: order === 'newest' ? 'oldest' : 'newest' });
  });

  const fullName = useCallback(
    (contact: Contact) =>
      [contact.firstName, contact.lastName].filter(Boolean).join(' ') ||
      contact.email ||
      t('contact.unnamed'),
    [t]
  );
  const selection = useSelection<Contact>(JSON.stringify(list.query), fullName);
  const canBulk =
    allowedActions.canUpdate ||
    allowedActions.canDelete ||
    allowedActions.canExport ||
    allowedActions.canMerge;
  /** What a saved view keeps: the URL's search, filters, order and page size, and the columns shown. */
  const currentView = (): ListViewState => {
    const q = list.params.get('q');
    return {
      ...(q ? { q } : {}),
      filters: Object.fromEntries(
        FILTERS.flatMap((key) => {
          const value = list.params.get(key);
          return value ? [[key, value]] : [];
        })
      ),
      columns: settings.columns,
      ...(order ? { order: order as ListViewState['order'] } : {}),
      ...(list.pageSize !== PAGE_SIZES[0] ? { pageSize: list.pageSize as ListViewState['pageSize'] } : {}),
    };
  };
  /** A view rewrites the whole URL state (so the link shows what it shows) and the columns. */
  const applyView = ({ state }: ListViewEntry) => {
    list.update({
      q: state.q ?? null,
      order: state.order ?? null,
      pageSize: state.pageSize && state.pageSize !== PAGE_SIZES[0] ? String(state.pageSize) : null,
      ...Object.fromEntries(FILTERS.map((key) => [key, state.filters[key] ?? null])),
    });
    settings.setColumns(state.columns);
  };

  // the cells keep their identity while the language does, so that a row renders again only when
  // its contact changes (RecordTable), and one date format serves every row
  const cells = useMemo(() => {
    const dates = new Intl.DateTimeFormat(locale);
    return {
      name: (contact: Contact) => (
        <RowLink to={PATHS.contact(contact.documentId)}>{fullName(contact)}</RowLink>
      ),
      email: (contact: Contact) => <EmailLink email={contact.email} />,
      phone: (contact: Contact) => <PhoneLink phone={contact.phone} />,
      city: (contact: Contact) => <Typography>{contact.city}</Typography>,
      newsletter: (contact: Contact) =>
        contact.newsletter ? (
          <Badge textColor="primary700" backgroundColor="primary100">
            {t('filters.newsletterYes')}
          </Badge>
        ) : (
          <Typography textColor="neutral600">{t('filters.newsletterNo')}</Typography>
        ),
      createdAt: (contact: Contact) => <Typography>{dates.format(new Date(contact.createdAt))}</Typography>,
    };
  }, [fullName, locale, t]);

  const searched = Boolean(list.params.get('q'));
  const columns = useMemo<Column<Contact>[]>(
    () => [
      {
        key: 'name',
        header: {
          label: t('contact.name'),
          onSort: () => sortBy('name'),
          arrow: order === 'name' || (!order && !searched) ? '↑' : null,
        },
        cell: cells.name,
      },
      { key: 'email', header: t('contact.email'), cell: cells.email },
      { key: 'phone', header: t('contact.phone'), cell: cells.phone },
      { key: 'city', header: t('contact.city'), cell: cells.city },
      { key: 'newsletter', header: t('contact.newsletter'), cell: cells.newsletter },
      {
        key: 'createdAt',
        header: {
          label: t('contact.createdAt'),
          onSort: () => sortBy('created'),
          arrow: order === 'newest' ? '↓' : order === 'oldest' ? '↑' : null,
        },
        cell: cells.createdAt,
      },
    ],
    [cells, order, searched, sortBy, t]
  );
  const columnOptions = useMemo(
    () =>
      columns.map((column) => ({
        key: column.key,
        label: typeof column.header === 'string' ? column.header : column.header.label,
      })),
    [columns]
  );
  const shownColumns = settings.columns.flatMap((key) => columns.filter((column) => column.key === key));

  const pagination = list.data?.pagination;
  const rows = list.data?.results ?? [];
  const pageSelected = rows.length > 0 && rows.every((contact) => selection.isSelected(contact));

  return (
    <Page.Main>
      <Page.Title>{t('contacts.title')}</Page.Title>
      <Layouts.Header
        title={t('contacts.title')}
        subtitle={t('contacts.subtitle')}
        primaryAction={
          <Flex gap={2}>
            {allowedActions.canExport && (
              <ExportDialog
                type="contact"
                path={`${API}/contacts/export`}
                listParams={list.params}
                keys={['q', 'order', ...FILTERS]}
              />
            )}
            {allowedActions.canCreate && (
              <Button startIcon={<Plus />} onClick={() => navigate(PATHS.newContact)}>
                {t('contacts.new')}
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <TabNav current="contacts" />
        <Flex gap={3} wrap="wrap" alignItems="flex-end" paddingBottom={4}>
          <Box minWidth="280px">
            <SearchBox
              value={list.params.get('q') ?? ''}
              onSearch={(text) => list.update({ q: text })}
              label={t('contacts.search')}
              placeholder={t('contacts.searchPlaceholder')}
            />
          </Box>
          {clientsRbac.allowedActions.canRead && (
            <Box minWidth="220px">
              <ClientPicker
                label={t('filters.client')}
                placeholder={t('filters.client')}
                value={list.params.get('client')}
                onChange={setFilter.client}
              />
            </Box>
          )}
          <CountryFilter value={list.params.get('country') ?? ANY} onChange={setFilter.country} />
          <Box minWidth="160px">
            <FilterSelect
              label={t('filters.newsletter')}
              value={list.params.get('newsletter') ?? ANY}
              anyLabel={t('filters.anyNewsletter')}
              options={newsletterOptions}
              onChange={setFilter.newsletter}
            />
          </Box>
          <Box minWidth="200px">
            <FilterSelect
              label={t('filters.role')}
              value={list.params.get('role') ?? ANY}
              anyLabel={t('filters.anyRole')}
              options={roles}
              onChange={setFilter.role}
            />
          </Box>
          <ResetFiltersButton list={list} />
          {/* one group at the end of the line, never shrunk: once the search and filters fill the
              line, both menus wrap below them together instead of overflowing it */}
          <Flex gap={2} marginLeft="auto" shrink={0} wrap="wrap" justifyContent="flex-end">
            <ColumnsMenu
              options={columnOptions}
              shown={settings.columns}
              onChange={settings.setColumns}
              onReset={settings.resetColumns}
            />
            <SavedViewsMenu settings={settings} current={currentView} onApply={applyView} />
          </Flex>
        </Flex>

        {canBulk && pagination && (
          <BulkActions
            selection={selection}
            total={pagination.total}
            totalIsExact={pagination.totalIsExact}
            query={list.query}
            listParams={list.params}
            exportKeys={['q', 'order', ...FILTERS]}
            can={{
              update: Boolean(allowedActions.canUpdate),
              delete: Boolean(allowedActions.canDelete),
              export: Boolean(allowedActions.canExport),
              merge: Boolean(allowedActions.canMerge),
            }}
            onDone={list.reload}
          />
        )}
        {/* "every result" needs the total: offered once the count has answered */}
        {canBulk &&
          pagination?.total !== undefined &&
          pageSelected &&
          !selection.allResults &&
          pagination.total > rows.length && (
            <Flex gap={2} paddingBottom={3}>
              <Typography variant="omega">{t('bulk.pageSelected', { count: rows.length })}</Typography>
              <Button variant="ghost" onClick={selection.selectAllResults}>
                {t(pagination.totalIsExact ? 'bulk.selectAll' : 'bulk.selectAllAtLeast', {
                  count: pagination.total,
                })}
              </Button>
            </Flex>
          )}

        {!settings.loaded ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('list.loading')}</Loader>
          </Flex>
        ) : (
          <RecordTable
            list={list}
            empty={{ filtered: t('contacts.emptySearch'), none: t('contacts.empty') }}
            emptyAction={
              allowedActions.canCreate ? (
                <Button startIcon={<Plus />} onClick={() => navigate(PATHS.newContact)}>
                  {t('contacts.new')}
                </Button>
              ) : undefined
            }
            onOpen={(contact) => navigate(PATHS.contact(contact.documentId))}
            selection={
              canBulk
                ? {
                    isSelected: selection.isSelected,
                    toggle: selection.toggle,
                    togglePage: selection.togglePage,
                    label: (contact) => t('bulk.selectRow', { name: fullName(contact) }),
                    pageLabel: t('bulk.selectPage'),
                  }
                : undefined
            }
            columns={shownColumns}
          />
        )}
        {list.loading && list.data && (
          <Typography variant="pi" textColor="neutral500">
            {t('list.loading')}
          </Typography>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ContactsListPage;
