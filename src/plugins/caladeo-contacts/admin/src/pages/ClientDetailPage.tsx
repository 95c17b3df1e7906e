import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useNavigate, useParams } from 'react-router-dom';
import type { ClientDetail, DetailResponse } from '../../../shared/contracts/admin';
import { AttachForm } from '../components/AttachForm';
import { BackLink } from '../components/BackLink';
import { ClientDuplicates } from '../components/ClientDuplicates';
import { EmailLink, PhoneLink } from '../components/ContactPoints';
import { DeleteButton, FactsCard, SectionCard } from '../components/DetailParts';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { DetailSubtitle } from '../components/LastChangeLine';
import { LinksTable, type LinkRow } from '../components/LinksTable';
import { QuoteButton } from '../components/QuoteButton';
import { ContactPicker } from '../components/SearchPicker';
import { allOf, PERMISSIONS } from '../permissions';
import { API, messageOf, refusalOf } from '../utils/api';
import { countryName } from '../utils/countries';
import { contactDisplayName } from '../utils/names';
import { distinctCount, primaryLoserOnAttach } from '../utils/links';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';
import { useLinkEditing } from '../utils/useLinkEditing';
import { useQuoteDownload } from '../utils/useQuoteDownload';

const ClientDetailPage = () => {
  const { t, locale, intl } = useT();
  const { documentId = '' } = useParams();
  const navigate = useNavigate();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(allOf('clients'));
  const contactsRbac = useRBAC(allOf('contacts'));
  const offersRbac = useRBAC(PERMISSIONS.offers.read);
  const quotes = useQuoteDownload();
  const [client, setClient] = useState<ClientDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [attachError, setAttachError] = useState<string | undefined>();

  const load = useCallback(() => {
    get<DetailResponse<ClientDetail>>(`${API}/clients/${documentId}`)
      .then(({ data }) => setClient(data.data))
      .catch(() => setFailed(true));
  }, [documentId, get]);
  useEffect(load, [load]);

  // the link routes answer with the contact; this page reads the client again instead
  const editing = useLinkEditing(
    'client',
    (row) => (row.targetId ? { contact: row.targetId, target: documentId } : undefined),
    load
  );

  if (failed) return <Page.Error />;
  if (!client) return <Page.Loading />;

  const contactRows: LinkRow[] = client.contactLinks.map((link) => ({
    documentId: link.documentId,
    role: link.role,
    isPrimary: link.isPrimary,
    name: contactDisplayName(link.contact),
    to: link.contact && contactsRbac.allowedActions.canRead ? PATHS.contact(link.contact.documentId) : null,
    targetId: link.contact?.documentId,
  }));

  /** Gives a contact a role on this client, through the contact's own route (it needs contacts.update). */
  const attachContact = async (contact: string, role: string, isPrimary: boolean) => {
    try {
      await post(`${API}/contacts/${contact}/client-links`, { client: documentId, role, isPrimary });
      setAttachError(undefined);
      toggleNotification({ type: 'success', message: t('form.saved') });
      load();
      return true;
    } catch (error) {
      const shown = refusalOf(error, intl, ['role', 'client']);
      setAttachError(shown);
      toggleNotification({ type: 'danger', message: shown });
      return false;
    }
  };

  const remove = async () => {
    try {
      await del(`${API}/clients/${documentId}`);
      toggleNotification({ type: 'success', message: t('client.deleted') });
      navigate(PATHS.clients);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };

  const facts: Array<[MessageKey, ReactNode]> = [
    ['client.type', t(`clientType.${client.type}` as MessageKey)],
    ['client.email', <EmailLink email={client.email} />],
    ['client.phone', <PhoneLink phone={client.phone} />],
    [
      'contact.address',
      [client.addressLine1, client.addressLine2, [client.postalCode, client.city].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', '),
    ],
    ['client.country', countryName(client.country, locale)],
    ['client.siret', client.siret ?? ''],
  ];

  return (
    <Page.Main>
      <Page.Title>{client.name}</Page.Title>
      <Layouts.Header
        title={client.name}
        subtitle={
          <DetailSubtitle text={t(`clientType.${client.type}` as MessageKey)} change={client.lastChange} />
        }
        navigationAction={<BackLink to={PATHS.clients}>{t('nav.backToClients')}</BackLink>}
        primaryAction={
          <Flex gap={2}>
            {allowedActions.canUpdate && (
              <Button startIcon={<Pencil />} onClick={() => navigate(PATHS.editClient(documentId))}>
                {t('form.edit')}
              </Button>
            )}
            {allowedActions.canDelete && (
              <DeleteButton
                title={t('client.deleteTitle')}
                message={t('client.deleteConfirm', {
                  name: client.name,
                  contacts: distinctCount(client.contactLinks.map((link) => link.contact?.documentId)),
                })}
                onConfirm={remove}
              />
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <FactsCard facts={facts} columns={4} />
          {allowedActions.canMerge && <ClientDuplicates documentId={documentId} version={client.updatedAt} />}
          <SectionCard title={t('links.contacts')}>
            <Box paddingTop={4}>
              <LinksTable
                rows={contactRows}
                nameLabel={t('links.contact')}
                emptyLabel={t('links.noContacts')}
                pageName={client.name}
                rowsAreContacts
                {...(contactsRbac.allowedActions.canUpdate ? editing : {})}
              />
            </Box>
            {contactsRbac.allowedActions.canUpdate && contactsRbac.allowedActions.canRead && (
              <AttachForm
                target={null}
                error={attachError}
                picker={(value, onChange) => (
                  <ContactPicker label={t('links.pickContact')} value={value} onChange={onChange} />
                )}
                onAttach={attachContact}
                primaryLoss={async (contact) => {
                  const name = primaryLoserOnAttach(client.contactLinks, contact);
                  return name ? { name, target: client.name } : null;
                }}
              />
            )}
          </SectionCard>
          <SectionCard title={t('links.offers')}>
            <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={4}>
              {client.offers.length === 0 ? (
                <Typography textColor="neutral600">{t('links.noOffers')}</Typography>
              ) : (
                client.offers.map((offer) => (
                  <Flex key={offer.documentId} gap={2}>
                    <Typography fontWeight="bold">{offer.reference}</Typography>
                    {offersRbac.allowedActions.canRead ? (
                      <Link tag={NavLink} to={PATHS.offer(offer.documentId)}>
                        {offer.title}
                      </Link>
                    ) : (
                      <Typography>{offer.title}</Typography>
                    )}
                    <Badge>{t(`offerStatus.${offer.offerStatus}` as MessageKey)}</Badge>
                    {quotes.canGenerate && <QuoteButton offer={offer} quotes={quotes} />}
                  </Flex>
                ))
              )}
            </Flex>
          </SectionCard>
          <HistoryTimeline targetType="client" documentId={documentId} version={client.updatedAt} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ClientDetailPage;
