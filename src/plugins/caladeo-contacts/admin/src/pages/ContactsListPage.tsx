import {
  Badge,
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { LINK_ROLES } from '../../../shared/constants';
import type { Contact } from '../../../shared/contracts/admin';
import { EmailLink, PhoneLink } from '../components/ContactPoints';
import { ExportDialog } from '../components/ExportDialog';
import { RecordTable } from '../components/RecordTable';
import { SearchBox } from '../components/SearchBox';
import { ClientPicker } from '../components/SearchPicker';
import { TabNav } from '../components/TabNav';
import { allOf } from '../permissions';
import { API } from '../utils/api';
import { countryOptions } from '../utils/countries';
import { PATHS } from '../utils/paths';
import { useList } from '../utils/useList';
import { useT, type MessageKey } from '../utils/translate';

const FILTERS = ['client', 'country', 'newsletter', 'role'] as const;
const ANY = '';

const ContactsListPage = () => {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { allowedActions } = useRBAC(allOf('contacts'));
  const clientsRbac = useRBAC(allOf('clients'));
  const list = useList<Contact>(`${API}/contacts`, FILTERS);
  const order = list.params.get('order') ?? '';

  const sortBy = (column: 'name' | 'created') => {
    if (column === 'name') list.update({ order: 'name' });
    else list.update({ order: order === 'newest' ? 'oldest' : 'newest' });
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
          columns={[
            {
              key: 'name',
              header: {
                label: t('contact.name'),
                onSort: () => sortBy('name'),
                arrow: order === 'name' || (!order && !list.params.get('q')) ? '↑' : null,
              },
              cell: (contact) => <Typography fontWeight="bold">{fullName(contact)}</Typography>,
            },
            {
              key: 'email',
              header: t('contact.email'),
              cell: (contact) => <EmailLink email={contact.email} />,
            },
            {
              key: 'phone',
              header: t('contact.phone'),
              cell: (contact) => <PhoneLink phone={contact.phone} />,
            },
            {
              key: 'city',
              header: t('contact.city'),
              cell: (contact) => <Typography>{contact.city}</Typography>,
            },
            {
              key: 'newsletter',
              header: t('contact.newsletter'),
              cell: (contact) =>
                contact.newsletter ? (
                  <Badge textColor="primary700" backgroundColor="primary100">
                    {t('filters.newsletterYes')}
                  </Badge>
                ) : (
                  <Typography textColor="neutral600">{t('filters.newsletterNo')}</Typography>
                ),
            },
            {
              key: 'createdAt',
              header: {
                label: t('contact.createdAt'),
                onSort: () => sortBy('created'),
                arrow: order === 'newest' ? '↓' : order === 'oldest' ? '↑' : null,
              },
              cell: (contact) => (
                <Typography>{new Date(contact.createdAt).toLocaleDateString(locale)}</Typography>
              ),
            },
          ]}
        />
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
