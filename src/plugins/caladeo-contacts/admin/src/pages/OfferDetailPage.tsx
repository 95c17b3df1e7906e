import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Flex, Grid, LinkButton, Link, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import { LINK_ROLES, UID } from '../../../shared/constants';
import type { DetailResponse, OfferDetail } from '../../../shared/contracts/admin';
import { AttachForm } from '../components/AttachForm';
import { BackLink } from '../components/BackLink';
import { DetailSubtitle } from '../components/LastChangeLine';
import { SectionCard } from '../components/DetailParts';
import { LinksTable, type LinkRow } from '../components/LinksTable';
import { QuoteButton } from '../components/QuoteButton';
import { ContactPicker } from '../components/SearchPicker';
import { allOf, PERMISSIONS } from '../permissions';
import { API, refusalOf } from '../utils/api';
import { formatOfferDate, formatOfferPrice } from '../utils/offers';
import { contactDisplayName } from '../utils/names';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';
import { distinctCount, primaryLoserOnAttach } from '../utils/links';
import { useLinkEditing } from '../utils/useLinkEditing';
import { useQuoteDownload } from '../utils/useQuoteDownload';

/** Who may open the offer's edit view in the content manager. */
const EDIT_IN_CONTENT_MANAGER = [{ action: 'plugin::content-manager.explorer.update', subject: UID.offer }];

/** A label above its value, as the other pages' facts; the value may be a link. */
const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Grid.Item col={3} s={6} direction="column" alignItems="flex-start">
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {children}
  </Grid.Item>
);

/**
 * An offer: its client, reference, status, destination, dates and price, its quote, and its people
 * grouped by role (each group counted), attached, re-roled, made primary and detached from here
 * through the same link routes as a contact's page.
 */
const OfferDetailPage = () => {
  const { t, locale, intl } = useT();
  const { documentId = '' } = useParams();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const contactsRbac = useRBAC(allOf('contacts'));
  const clientsRbac = useRBAC(PERMISSIONS.clients.read);
  const contentManager = useRBAC(EDIT_IN_CONTENT_MANAGER);
  const quotes = useQuoteDownload();
  const [offer, setOffer] = useState<OfferDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [attachError, setAttachError] = useState<string | undefined>();

  const load = useCallback(
    () =>
      get<DetailResponse<OfferDetail>>(`${API}/offers/${documentId}`)
        .then(({ data }) => setOffer(data.data))
        .catch(() => setFailed(true)),
    [documentId, get]
  );
  useEffect(() => {
    void load();
  }, [load]);

  // the same confirmations and undo as the contact's and the client's pages; the page is read again
  const editing = useLinkEditing(
    'offer',
    (row) => (row.targetId ? { contact: row.targetId, target: documentId } : undefined),
    () => void load()
  );

  if (failed) return <Page.Error />;
  if (!offer) return <Page.Loading />;
  const primary = offer.contactLinks.find((link) => link.isPrimary);

  /** A change of the offer's people; the page is read again, as the link routes answer the contact. */
  const change = async (request: () => Promise<unknown>, fields: readonly string[] = ['role']) => {
    try {
      await request();
      setAttachError(undefined);
      toggleNotification({ type: 'success', message: t('form.saved') });
      await load();
      return true;
    } catch (error) {
      const shown = refusalOf(error, intl, fields);
      toggleNotification({ type: 'danger', message: shown });
      return shown;
    }
  };

  const canEdit = contactsRbac.allowedActions.canUpdate;

  const attachContact = async (contact: string, role: string, isPrimary: boolean) => {
    const result = await change(
      () => post(`${API}/offers/${documentId}/contact-links`, { contact, role, isPrimary }),
      ['role', 'contact']
    );
    if (result !== true) setAttachError(result);
    return result === true;
  };

  const rowOf = (link: OfferDetail['contactLinks'][number]): LinkRow => ({
    documentId: link.documentId,
    role: link.role,
    isPrimary: link.isPrimary,
    name: contactDisplayName(link.contact),
    to: link.contact && contactsRbac.allowedActions.canRead ? PATHS.contact(link.contact.documentId) : null,
    targetId: link.contact?.documentId,
    // who stops being primary when this one is made so, unless it is the same person
    primaryName:
      primary?.contact && primary.contact.documentId !== link.contact?.documentId
        ? contactDisplayName(primary.contact)
        : null,
  });
  // in the order documents list the roles; the primary contact first within its group
  const groups = LINK_ROLES.map((role) => ({
    role,
    rows: offer.contactLinks
      .filter((link) => link.role === role)
      .map(rowOf)
      .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.name.localeCompare(b.name, locale)),
  })).filter((group) => group.rows.length > 0);

  const status = t(`offerStatus.${offer.offerStatus}` as MessageKey);
  const dates =
    offer.startDate && offer.endDate
      ? t('offers.dateRange', {
          start: formatOfferDate(offer.startDate, locale),
          end: formatOfferDate(offer.endDate, locale),
        })
      : formatOfferDate(offer.startDate ?? offer.endDate, locale) || t('offers.noDates');

  return (
    <Page.Main>
      <Page.Title>{offer.title}</Page.Title>
      <Layouts.Header
        title={offer.title}
        subtitle={
          <DetailSubtitle text={`${offer.reference} · ${status}`} change={offer.lastChange} feminine />
        }
        navigationAction={<BackLink to={PATHS.offers}>{t('nav.backToOffers')}</BackLink>}
        primaryAction={
          <Flex gap={2}>
            {quotes.canGenerate && <QuoteButton offer={offer} quotes={quotes} />}
            {contentManager.allowedActions.canUpdate && (
              <LinkButton
                variant="secondary"
                startIcon={<Pencil />}
                href={`/admin/content-manager/collection-types/${UID.offer}/${offer.documentId}`}
              >
                {t('offer.editInContentManager')}
              </LinkButton>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <SectionCard>
            <Grid.Root gap={4}>
              <Fact label={t('offer.client')}>
                {offer.client && clientsRbac.allowedActions.canRead ? (
                  <Link tag={NavLink} to={PATHS.client(offer.client.documentId)}>
                    {offer.client.name}
                  </Link>
                ) : (
                  <Typography>{offer.client?.name ?? t('offer.noClient')}</Typography>
                )}
              </Fact>
              <Fact label={t('offer.reference')}>
                <Typography>{offer.reference}</Typography>
              </Fact>
              <Fact label={t('offer.offerStatus')}>
                <Badge>{status}</Badge>
              </Fact>
              <Fact label={t('offer.destination')}>
                <Typography>{offer.destination || '—'}</Typography>
              </Fact>
              <Fact label={t('offers.dates')}>
                <Typography>{dates}</Typography>
              </Fact>
              <Fact label={t('offer.pricePerPerson')}>
                <Typography>{formatOfferPrice(offer.pricePerPerson, locale) || '—'}</Typography>
              </Fact>
            </Grid.Root>
          </SectionCard>
          <SectionCard title={t('offer.people')}>
            <Typography textColor="neutral600">
              {t('offer.peopleCount', {
                // a person with two roles is one person
                count: distinctCount(offer.contactLinks.map((link) => link.contact?.documentId)),
              })}
            </Typography>
            {groups.length === 0 ? (
              <Box paddingTop={4}>
                <Typography textColor="neutral600">{t('offer.noPeople')}</Typography>
              </Box>
            ) : (
              groups.map((group) => (
                <Box key={group.role} paddingTop={5}>
                  <Box paddingBottom={2}>
                    <Typography variant="omega" fontWeight="bold" tag="h3">
                      {t('offer.roleGroup', {
                        role: t(`rolePlural.${group.role}` as MessageKey),
                        count: group.rows.length,
                      })}
                    </Typography>
                  </Box>
                  <LinksTable
                    rows={group.rows}
                    nameLabel={t('links.contact')}
                    emptyLabel={t('offer.noPeople')}
                    pageName={offer.title}
                    rowsAreContacts
                    {...(canEdit ? editing : {})}
                  />
                </Box>
              ))
            )}
            {canEdit && contactsRbac.allowedActions.canRead && (
              <AttachForm
                target={null}
                error={attachError}
                picker={(value, onChange) => (
                  <ContactPicker label={t('links.pickContact')} value={value} onChange={onChange} />
                )}
                onAttach={attachContact}
                primaryLoss={async (contact) => {
                  const name = primaryLoserOnAttach(offer.contactLinks, contact);
                  return name ? { name, target: offer.title } : null;
                }}
              />
            )}
          </SectionCard>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default OfferDetailPage;
