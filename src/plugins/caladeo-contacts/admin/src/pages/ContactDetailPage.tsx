import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Box, Button, Flex } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import type {
  ClientDetail,
  ContactDetail,
  DetailResponse,
  OfferDetail,
} from '../../../shared/contracts/admin';
import { AttachForm } from '../components/AttachForm';
import { BackLink } from '../components/BackLink';
import { ConsentLog } from '../components/ConsentLog';
import { EmailLink, PhoneLink } from '../components/ContactPoints';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { DetailSubtitle } from '../components/LastChangeLine';
import { DeleteButton, FactsCard, SectionCard } from '../components/DetailParts';
import { EraseContactButton } from '../components/EraseContactButton';
import { LinksTable, type LinkRow } from '../components/LinksTable';
import { MergeWithButton } from '../components/MergeWithButton';
import { PersonExportMenu } from '../components/PersonExportMenu';
import { QuoteButton } from '../components/QuoteButton';
import { ClientPicker, OfferPicker } from '../components/SearchPicker';
import { allOf, PERMISSIONS } from '../permissions';
import { API, messageOf, refusalOf } from '../utils/api';
import { countryName } from '../utils/countries';
import { distinctCount, primaryLoserOnAttach } from '../utils/links';
import { personName } from '../utils/names';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';
import { useLinkEditing } from '../utils/useLinkEditing';
import { usePersonExport } from '../utils/usePersonExport';
import { useQuoteDownload } from '../utils/useQuoteDownload';

const ContactDetailPage = () => {
  const { t, locale, intl } = useT();
  const { documentId = '' } = useParams();
  const navigate = useNavigate();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(allOf('contacts'));
  const clientsRbac = useRBAC(allOf('clients'));
  const offersRbac = useRBAC(PERMISSIONS.offers.read);
  const privacyRbac = useRBAC(allOf('privacy'));
  const quotes = useQuoteDownload();
  const personExport = usePersonExport();
  const [contact, setContact] = useState<ContactDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [attachErrors, setAttachErrors] = useState<{ client?: string; offer?: string }>({});
  const [erasedAt, setErasedAt] = useState<string | null>(null);

  const load = useCallback(() => {
    get<DetailResponse<ContactDetail>>(`${API}/contacts/${documentId}`)
      .then(({ data }) => setContact(data.data))
      .catch(() => setFailed(true));
    get<{ data: { erasedAt: string } | null }>(`${API}/contacts/${documentId}/erasure`)
      .then(({ data }) => setErasedAt(data.data?.erasedAt ?? null))
      .catch(() => setErasedAt(null));
  }, [documentId, get]);
  useEffect(load, [load]);

  const shown = (answer: DetailResponse<ContactDetail | null>) => {
    if (answer.data) setContact(answer.data);
  };
  // the row's other end is the client or offer; it stays known after the link is removed
  const endsOf = (row: LinkRow) => (row.targetId ? { contact: documentId, target: row.targetId } : undefined);
  const clientEditing = useLinkEditing('client', endsOf, shown);
  const offerEditing = useLinkEditing('offer', endsOf, shown);

  if (failed) return <Page.Error />;
  if (!contact) return <Page.Loading />;

  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || t('contact.unnamed');

  /** Runs a change of the contact's roles; the server answers with the contact as it now is. */
  const change = async (
    request: () => Promise<{ data: DetailResponse<ContactDetail> }>,
    kind?: 'client' | 'offer'
  ) => {
    try {
      const { data } = await request();
      setContact(data.data);
      setAttachErrors({});
      toggleNotification({ type: 'success', message: t('form.saved') });
      return true;
    } catch (error) {
      const shown = refusalOf(error, intl, kind ? ['role', kind] : ['role']);
      if (kind) setAttachErrors({ [kind]: shown });
      toggleNotification({ type: 'danger', message: shown });
      return false;
    }
  };

  const clientRows: LinkRow[] = contact.clientLinks.map((link) => ({
    documentId: link.documentId,
    role: link.role,
    isPrimary: link.isPrimary,
    name: link.client?.name ?? '—',
    to: link.client && clientsRbac.allowedActions.canRead ? PATHS.client(link.client.documentId) : null,
    targetId: link.client?.documentId,
    primaryName: link.primaryContact ? personName(link.primaryContact) : null,
  }));
  const offerRows: LinkRow[] = contact.offerLinks.map((link) => ({
    documentId: link.documentId,
    role: link.role,
    isPrimary: link.isPrimary,
    name: link.offer ? `${link.offer.reference} · ${link.offer.title}` : '—',
    to: link.offer && offersRbac.allowedActions.canRead ? PATHS.offer(link.offer.documentId) : null,
    targetId: link.offer?.documentId,
    primaryName: link.primaryContact ? personName(link.primaryContact) : null,
  }));
  const offerOfLink = new Map(contact.offerLinks.map((link) => [link.documentId, link.offer]));

  // before attaching this contact as primary, who stops being primary of the client or offer chosen
  const clientPrimaryLoss = async (client: string) => {
    const { data } = await get<DetailResponse<ClientDetail>>(`${API}/clients/${client}`);
    const name = primaryLoserOnAttach(data.data.contactLinks, documentId);
    return name ? { name, target: data.data.name } : null;
  };
  const offerPrimaryLoss = async (offer: string) => {
    if (offersRbac.allowedActions.canRead) {
      const { data } = await get<DetailResponse<OfferDetail>>(`${API}/offers/${offer}`);
      const name = primaryLoserOnAttach(data.data.contactLinks, documentId);
      return name ? { name, target: data.data.title } : null;
    }
    // without the offers' page, only an offer this contact is on already names its primary
    const known = contact.offerLinks.find((link) => link.offer?.documentId === offer);
    const name =
      known && primaryLoserOnAttach([{ isPrimary: true, contact: known.primaryContact }], documentId);
    return name && known.offer ? { name, target: known.offer.title } : null;
  };
  const quoteAction = (row: LinkRow) => {
    const offer = offerOfLink.get(row.documentId);
    return offer ? <QuoteButton offer={offer} quotes={quotes} /> : null;
  };
  const canEdit = allowedActions.canUpdate;
  const editing = (kind: 'client' | 'offer') =>
    canEdit ? (kind === 'client' ? clientEditing : offerEditing) : {};

  const remove = async () => {
    try {
      await del(`${API}/contacts/${documentId}`);
      toggleNotification({ type: 'success', message: t('contact.deleted') });
      navigate(PATHS.contacts);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };

  const erase = async () => {
    try {
      const { data } = await post<
        DetailResponse<ContactDetail> & { meta: { erasure: { erasedAt: string } } }
      >(`${API}/contacts/${documentId}/erase`, { data: { confirm: true } });
      setContact(data.data);
      setErasedAt(data.meta.erasure.erasedAt);
      toggleNotification({ type: 'success', message: t('erasure.done') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalOf(error, intl, ['confirm', 'documentId']) });
    }
  };

  const facts: Array<[MessageKey, ReactNode]> = [
    ['contact.email', <EmailLink email={contact.email} />],
    ['contact.phone', <PhoneLink phone={contact.phone} />],
    ['contact.gender', t(`gender.${contact.gender}` as MessageKey)],
    [
      'contact.address',
      [
        contact.addressLine1,
        contact.addressLine2,
        [contact.postalCode, contact.city].filter(Boolean).join(' '),
      ]
        .filter(Boolean)
        .join(', '),
    ],
    ['contact.region', contact.region ?? ''],
    ['contact.country', countryName(contact.country, locale)],
    ['contact.preferredLanguage', t(`language.${contact.preferredLanguage}` as MessageKey)],
    ['contact.newsletter', contact.newsletter ? t('form.yes') : t('form.no')],
  ];

  return (
    <Page.Main>
      <Page.Title>{name}</Page.Title>
      <Layouts.Header
        title={name}
        subtitle={<DetailSubtitle text={contact.email} change={contact.lastChange} />}
        navigationAction={<BackLink to={PATHS.contacts}>{t('nav.backToContacts')}</BackLink>}
        primaryAction={
          <Flex gap={2}>
            {/* an erased person's fields take no value again; its links and roles still change */}
            {allowedActions.canUpdate && !erasedAt && (
              <Button startIcon={<Pencil />} onClick={() => navigate(PATHS.editContact(documentId))}>
                {t('form.edit')}
              </Button>
            )}
            {allowedActions.canMerge && !erasedAt && <MergeWithButton documentId={documentId} />}
            {privacyRbac.allowedActions.canErase && !erasedAt && (
              <EraseContactButton name={name} onConfirm={erase} />
            )}
            {personExport.canExport && <PersonExportMenu documentId={documentId} exports={personExport} />}
            {allowedActions.canDelete && (
              <DeleteButton
                title={t('contact.deleteTitle')}
                message={t('contact.deleteConfirm', {
                  name,
                  clients: distinctCount(contact.clientLinks.map((link) => link.client?.documentId)),
                  offers: distinctCount(contact.offerLinks.map((link) => link.offer?.documentId)),
                })}
                onConfirm={remove}
              />
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {erasedAt && (
            <Alert variant="default" title={t('erasure.noticeTitle')} closeLabel={t('erasure.close')}>
              {t('erasure.notice', {
                date: intl.formatDate(erasedAt, { dateStyle: 'long', timeStyle: 'short' }),
              })}
            </Alert>
          )}
          <FactsCard facts={facts} columns={3} />
          <SectionCard title={t('links.clients')}>
            <Box paddingTop={4}>
              <LinksTable
                rows={clientRows}
                nameLabel={t('links.client')}
                emptyLabel={t('links.noClients')}
                pageName={name}
                {...editing('client')}
              />
            </Box>
            {canEdit && clientsRbac.allowedActions.canRead && (
              <AttachForm
                target={null}
                error={attachErrors.client}
                picker={(value, onChange) => (
                  <ClientPicker label={t('links.pickClient')} value={value} onChange={onChange} />
                )}
                primaryLoss={clientPrimaryLoss}
                onAttach={(client, role, isPrimary) =>
                  change(
                    () => post(`${API}/contacts/${documentId}/client-links`, { client, role, isPrimary }),
                    'client'
                  )
                }
              />
            )}
          </SectionCard>
          <SectionCard title={t('links.offers')}>
            <Box paddingTop={4}>
              <LinksTable
                rows={offerRows}
                nameLabel={t('links.offer')}
                emptyLabel={t('links.noOffers')}
                rowActions={quotes.canGenerate ? quoteAction : undefined}
                pageName={name}
                {...editing('offer')}
              />
            </Box>
            {canEdit && (
              <AttachForm
                target={null}
                error={attachErrors.offer}
                picker={(value, onChange) => (
                  <OfferPicker label={t('links.pickOffer')} value={value} onChange={onChange} />
                )}
                primaryLoss={offerPrimaryLoss}
                onAttach={(offer, role, isPrimary) =>
                  change(
                    () => post(`${API}/contacts/${documentId}/offer-links`, { offer, role, isPrimary }),
                    'offer'
                  )
                }
              />
            )}
          </SectionCard>
          <ConsentLog documentId={documentId} version={contact.updatedAt} />
          <HistoryTimeline targetType="contact" documentId={documentId} version={contact.updatedAt} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ContactDetailPage;
