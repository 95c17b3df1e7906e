import {
  Badge,
  Box,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  DatePicker,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { OFFER_STATUSES } from '../../../shared/constants';
import type { OfferListItem } from '../../../shared/contracts/admin';
import { RecordTable } from '../components/RecordTable';
import { SearchBox } from '../components/SearchBox';
import { TabNav } from '../components/TabNav';
import { API } from '../utils/api';
import { formatOfferShortDate } from '../utils/offers';
import { PATHS } from '../utils/paths';
import { useList } from '../utils/useList';
import { useT, type MessageKey } from '../utils/translate';

const ANY = '';
const FILTERS = ['status', 'startFrom', 'startTo'] as const;

/** 'YYYY-MM-DD' as the date picker holds it: that day at local midnight. */
const pickedDay = (value: string) => {
  const [year, month, day] = value.split('-').map(Number);
  return value && year && month && day ? new Date(year, month - 1, day) : undefined;
};
const isoDay = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
    .join('-');

/** A start-date bound of the filter, written as the interface language writes dates. */
const DateBound = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) => {
  const { t, locale } = useT();
  return (
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      <DatePicker
        locale={locale}
        value={pickedDay(value)}
        onChange={(date?: Date) => onChange(date ? isoDay(date) : '')}
        onClear={() => onChange('')}
        clearLabel={t('offers.clearDate')}
      />
    </Field.Root>
  );
};

/**
 * The offers: searched by title, reference or client, filtered by status and start date, by start
 * date (latest trips first) unless sorted by reference; a row opens the offer's page.
 */
const OffersListPage = () => {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const list = useList<OfferListItem>(`${API}/offer-list`, FILTERS);
  const order = list.params.get('order') ?? 'startDate';
  return (
    <Page.Main>
      <Page.Title>{t('offers.title')}</Page.Title>
      <Layouts.Header title={t('offers.title')} subtitle={t('offers.subtitle')} />
      <Layouts.Content>
        <TabNav current="offers" />
        <Flex gap={3} wrap="wrap" alignItems="flex-end" paddingBottom={4}>
          <Box minWidth="300px">
            <SearchBox
              value={list.params.get('q') ?? ''}
              onSearch={(text) => list.update({ q: text })}
              label={t('offers.search')}
              placeholder={t('offers.searchPlaceholder')}
            />
          </Box>
          <Box minWidth="180px">
            <SingleSelect
              aria-label={t('offers.status')}
              value={list.params.get('status') ?? ANY}
              onChange={(value: string | number) => list.update({ status: String(value) })}
            >
              <SingleSelectOption value={ANY}>{t('offers.anyStatus')}</SingleSelectOption>
              {OFFER_STATUSES.map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {t(`offerStatus.${status}` as MessageKey)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <DateBound
            label={t('offers.startFrom')}
            value={list.params.get('startFrom') ?? ''}
            onChange={(startFrom) => list.update({ startFrom })}
          />
          <DateBound
            label={t('offers.startTo')}
            value={list.params.get('startTo') ?? ''}
            onChange={(startTo) => list.update({ startTo })}
          />
        </Flex>
        <RecordTable
          list={list}
          empty={{ filtered: t('offers.emptySearch'), none: t('offers.empty') }}
          onOpen={(offer) => navigate(PATHS.offer(offer.documentId))}
          columns={[
            {
              key: 'reference',
              header: {
                label: t('offer.reference'),
                onSort: () => list.update({ order: 'reference' }),
                arrow: order === 'reference' ? '↑' : null,
              },
              cell: (offer) => <Typography fontWeight="bold">{offer.reference}</Typography>,
            },
            {
              key: 'title',
              header: t('offer.title'),
              cell: (offer) => <Typography>{offer.title}</Typography>,
            },
            {
              key: 'client',
              header: t('offer.client'),
              cell: (offer) => <Typography>{offer.client?.name ?? '—'}</Typography>,
            },
            {
              key: 'status',
              header: t('offer.offerStatus'),
              cell: (offer) => <Badge>{t(`offerStatus.${offer.offerStatus}` as MessageKey)}</Badge>,
            },
            {
              key: 'destination',
              header: t('offer.destination'),
              cell: (offer) => <Typography>{offer.destination ?? ''}</Typography>,
            },
            {
              key: 'startDate',
              header: {
                label: t('offer.startDate'),
                // latest trips first, then soonest first
                onSort: () => list.update({ order: order === 'startDate' ? 'startDateAsc' : null }),
                arrow: order === 'startDate' ? '↓' : order === 'startDateAsc' ? '↑' : null,
              },
              cell: (offer) => <Typography>{formatOfferShortDate(offer.startDate, locale)}</Typography>,
            },
            {
              key: 'endDate',
              header: t('offer.endDate'),
              cell: (offer) => <Typography>{formatOfferShortDate(offer.endDate, locale)}</Typography>,
            },
          ]}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

export default OffersListPage;
