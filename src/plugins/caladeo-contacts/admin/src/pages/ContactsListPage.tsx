import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Loader,
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
import { Download, Plus } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { LINK_ROLES } from '../../../server/src/constants';
import type { Contact } from '../../../shared/contracts/admin';
import { ListFooter } from '../components/ListFooter';
import { SearchBox } from '../components/SearchBox';
import { ClientPicker } from '../components/SearchPicker';
import { TabNav } from '../components/TabNav';
import { allOf } from '../permissions';
import { API } from '../utils/api';
import { countryOptions } from '../utils/countries';
import { saveFile } from '../utils/download';
import { PATHS } from '../utils/paths';
import { useList } from '../utils/useList';
import { useT, type MessageKey } from '../utils/translate';

const FILTERS = ['client', 'country', 'newsletter', 'role'] as const;
const ANY = '';

const ContactsListPage = () => {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC(allOf('contacts'));
  const clientsRbac = useRBAC(allOf('clients'));
  const list = useList<Contact>(`${API}/contacts`, FILTERS);
  const order = list.params.get('order') ?? '';

  const sortBy = (column: 'name' | 'created') => {
    if (column === 'name') list.update({ order: 'name' });
    else list.update({ order: order === 'newest' ? 'oldest' : 'newest' });
  };

  const exportCsv = async () => {
    const params: Record<string, string> = {};
    for (const key of ['q', ...FILTERS]) {
      const value = list.params.get(key);
      if (value) params[key] = value;
    }
    const { data } = await get(`${API}/contacts/export`, { params, responseType: 'blob' });
    saveFile(data, 'contacts.csv');
  };

  const fullName = (contact: Contact) =>
    [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || t('contact.unnamed');

  return (
    <Page.Main>
      <Page.Title>{t('contacts.title')}</Page.Title>
      <Layouts.Header
        title={t('contacts.title')}
        subtitle={t('contacts.subtitle')}
        primaryAction={
          <Flex gap={2}>
            {allowedActions.canExport && (
              <Button variant="secondary" startIcon={<Download />} onClick={exportCsv}>
                {t('contacts.export')}
              </Button>
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
                onChange={(client) => list.update({ client })}
              />
            </Box>
          )}
          <Box minWidth="180px">
            <SingleSelect
              aria-label={t('filters.country')}
              value={list.params.get('country') ?? ANY}
              onChange={(value: string | number) => list.update({ country: String(value) })}
            >
              <SingleSelectOption value={ANY}>{t('filters.anyCountry')}</SingleSelectOption>
              {countryOptions(locale).map((country) => (
                <SingleSelectOption key={country.code} value={country.code}>
                  {country.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="160px">
            <SingleSelect
              aria-label={t('filters.newsletter')}
              value={list.params.get('newsletter') ?? ANY}
              onChange={(value: string | number) => list.update({ newsletter: String(value) })}
            >
              <SingleSelectOption value={ANY}>{t('filters.anyNewsletter')}</SingleSelectOption>
              <SingleSelectOption value="true">{t('filters.newsletterYes')}</SingleSelectOption>
              <SingleSelectOption value="false">{t('filters.newsletterNo')}</SingleSelectOption>
            </SingleSelect>
          </Box>
          <Box minWidth="200px">
            <SingleSelect
              aria-label={t('filters.role')}
              value={list.params.get('role') ?? ANY}
              onChange={(value: string | number) => list.update({ role: String(value) })}
            >
              <SingleSelectOption value={ANY}>{t('filters.anyRole')}</SingleSelectOption>
              {LINK_ROLES.map((role) => (
                <SingleSelectOption key={role} value={role}>
                  {t(`role.${role}` as MessageKey)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        </Flex>

        {list.error ? (
          <Page.Error />
        ) : !list.data ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('list.loading')}</Loader>
          </Flex>
        ) : list.data.results.length === 0 ? (
          <EmptyStateLayout
            content={list.params.toString() ? t('contacts.emptySearch') : t('contacts.empty')}
            action={
              allowedActions.canCreate ? (
                <Button startIcon={<Plus />} onClick={() => navigate(PATHS.newContact)}>
                  {t('contacts.new')}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <>
            <Table colCount={6} rowCount={list.data.results.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Button variant="ghost" size="S" onClick={() => sortBy('name')}>
                      {t('contact.name')}
                      {order === 'name' || (!order && !list.params.get('q')) ? ' ↑' : ''}
                    </Button>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('contact.email')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('contact.phone')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('contact.city')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('contact.newsletter')}</Typography>
                  </Th>
                  <Th>
                    <Button variant="ghost" size="S" onClick={() => sortBy('created')}>
                      {t('contact.createdAt')}
                      {order === 'newest' ? ' ↓' : order === 'oldest' ? ' ↑' : ''}
                    </Button>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {list.data.results.map((contact) => (
                  <Tr
                    key={contact.documentId}
                    onClick={() => navigate(PATHS.contact(contact.documentId))}
                    style={{ cursor: 'pointer' }}
                  >
                    <Td>
                      <Typography fontWeight="bold">{fullName(contact)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{contact.email}</Typography>
                    </Td>
                    <Td>
                      <Typography>{contact.phone}</Typography>
                    </Td>
                    <Td>
                      <Typography>{contact.city}</Typography>
                    </Td>
                    <Td>
                      {contact.newsletter ? (
                        <Badge active>{t('filters.newsletterYes')}</Badge>
                      ) : (
                        <Typography textColor="neutral500">{t('filters.newsletterNo')}</Typography>
                      )}
                    </Td>
                    <Td>
                      <Typography>{new Date(contact.createdAt).toLocaleDateString(locale)}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListFooter
              pagination={list.data.pagination}
              page={list.page}
              onPrevious={list.previousPage}
              onNext={() => list.nextPage()}
            />
          </>
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
