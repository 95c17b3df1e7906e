import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { Client } from '../../../shared/contracts/admin';
import { ListFooter } from '../components/ListFooter';
import { SearchBox } from '../components/SearchBox';
import { TabNav } from '../components/TabNav';
import { allOf } from '../permissions';
import { API } from '../utils/api';
import { countryName } from '../utils/countries';
import { PATHS } from '../utils/paths';
import { useList } from '../utils/useList';
import { useT, type MessageKey } from '../utils/translate';

const ClientsListPage = () => {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { allowedActions } = useRBAC(allOf('clients'));
  const list = useList<Client>(`${API}/clients`, []);
  const order = list.params.get('order') ?? '';

  return (
    <Page.Main>
      <Page.Title>{t('clients.title')}</Page.Title>
      <Layouts.Header
        title={t('clients.title')}
        subtitle={t('clients.subtitle')}
        primaryAction={
          allowedActions.canCreate ? (
            <Button startIcon={<Plus />} onClick={() => navigate(PATHS.newClient)}>
              {t('clients.new')}
            </Button>
          ) : undefined
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
        {list.error ? (
          <Page.Error />
        ) : !list.data ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('list.loading')}</Loader>
          </Flex>
        ) : list.data.results.length === 0 ? (
          <EmptyStateLayout
            content={list.params.toString() ? t('clients.emptySearch') : t('clients.empty')}
          />
        ) : (
          <>
            <Table colCount={4} rowCount={list.data.results.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Button variant="ghost" size="S" onClick={() => list.update({ order: 'name' })}>
                      {t('client.name')}
                    </Button>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('client.type')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('client.city')}</Typography>
                  </Th>
                  <Th>
                    <Button
                      variant="ghost"
                      size="S"
                      onClick={() => list.update({ order: order === 'newest' ? 'oldest' : 'newest' })}
                    >
                      {t('contact.createdAt')}
                      {order === 'newest' ? ' ↓' : order === 'oldest' ? ' ↑' : ''}
                    </Button>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {list.data.results.map((client) => (
                  <Tr
                    key={client.documentId}
                    onClick={() => navigate(PATHS.client(client.documentId))}
                    style={{ cursor: 'pointer' }}
                  >
                    <Td>
                      <Typography fontWeight="bold">{client.name}</Typography>
                    </Td>
                    <Td>
                      <Typography>{t(`clientType.${client.type}` as MessageKey)}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {[client.city, countryName(client.country, locale)].filter(Boolean).join(', ')}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{new Date(client.createdAt).toLocaleDateString(locale)}</Typography>
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
      </Layouts.Content>
    </Page.Main>
  );
};

export default ClientsListPage;
