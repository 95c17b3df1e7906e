import { Box, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { SectionCard } from '../components/DetailParts';
import { MergedLinksCard, MergeFieldsTable, MergeFrame, useMergeValueText } from '../components/MergeParts';
import type { FieldRow } from '../utils/merge';
import { personName } from '../utils/names';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';
import { CLIENT_MERGE_ROUTES, useMerge } from '../utils/useMerge';

type PreviewClient = {
  documentId: string;
  name: string | null;
  city: string | null;
  siret: string | null;
};

type PreviewContact = {
  documentId: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
};

/** The preview `POST /clients/merge?preview=true` answers (server module merges, client-merges.ts `describe`). */
type ClientMergePreview = {
  survivor: string;
  clients: PreviewClient[];
  fields: FieldRow[];
  links: {
    documentId: string;
    contact: PreviewContact;
    role: string;
    isPrimary: boolean;
    from: string | null;
  }[];
  removedLinks: { documentId: string; contact: string; role: string; from: string | null }[];
  offers: { documentId: string; title: string; reference: string; from: string | null }[];
};

/**
 * The merge page of clients: 2 to 5 clients side by side, the one kept and the value kept for
 * each field chosen by radio, as on the contacts' merge page (components/MergeParts.tsx); below,
 * what the client kept will hold: its contacts with their roles and primary (the same contact in
 * the same role on two clients becomes one role), and the offers that move to it. Once merged,
 * _Annuler la fusion_ brings every client back as it was and opens the client kept.
 */
const ClientMergePage = () => {
  const { t } = useT();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const flow = useMerge<ClientMergePreview>(CLIENT_MERGE_ROUTES);
  const { ids, preview, survivor, done } = flow;

  const clientOf = (documentId: string | null) =>
    preview?.clients.find((client) => client.documentId === documentId);
  const nameOf = (documentId: string | null) => {
    const client = clientOf(documentId);
    return client?.name || client?.documentId || '—';
  };
  const contactName = (documentId: string) => {
    const link = preview?.links.find((candidate) => candidate.contact.documentId === documentId);
    return link ? personName(link.contact) : documentId;
  };

  const shown = useMergeValueText((field, value) =>
    field === 'type' ? t(`clientType.${String(value)}` as MessageKey) : undefined
  );

  const kept = done?.survivor ?? survivor;
  // the confirmation names the client as it will be: the name chosen may be another client's
  const chosenName = preview?.fields.find((row) => row.field === 'name')?.value;
  const keptName = typeof chosenName === 'string' && chosenName !== '' ? chosenName : nameOf(survivor);
  return (
    <MergeFrame
      flow={flow}
      title={t('clientMerge.title')}
      subtitle={t('clientMerge.subtitle', { count: ids.length })}
      back={{ to: PATHS.clients, label: t('nav.backToClients') }}
      confirm={{
        title: t('clientMerge.confirmTitle'),
        message: t('clientMerge.confirm', { count: ids.length, name: keptName }),
      }}
      needTwo={t('clientMerge.needTwo')}
      doneAlert={{
        title: t('clientMerge.doneTitle'),
        message: t('clientMerge.done', { count: done?.count ?? ids.length }),
        survivor: { to: PATHS.client(kept), label: t('clientMerge.openSurvivor') },
      }}
      recordPath={PATHS.client}
      onUndone={() => {
        toggleNotification({ type: 'success', message: t('clientMerge.undone', { count: ids.length }) });
        navigate(PATHS.client(kept));
      }}
    >
      {preview && (
        <>
          <MergeFieldsTable
            flow={flow}
            wording="clientMerge"
            columns={ids.map((id) => ({
              documentId: id,
              name: nameOf(id),
              detail: [clientOf(id)?.city, clientOf(id)?.siret].filter(Boolean).join(' · '),
            }))}
            fieldLabel={(field) => t(`client.${field}` as MessageKey)}
            shown={shown}
          />
          <MergedLinksCard
            title={t('clientMerge.contacts')}
            nameHeader="links.contact"
            rows={preview.links.map((link) => ({
              key: link.documentId,
              name: personName(link.contact),
              role: link.role,
              isPrimary: link.isPrimary,
              from: nameOf(link.from),
            }))}
          />
          {preview.removedLinks.length > 0 && (
            <SectionCard title={t('clientMerge.collapsed')}>
              <Box tag="ul" paddingTop={2}>
                {preview.removedLinks.map((link) => (
                  <li key={link.documentId}>
                    <Typography>
                      {t('clientMerge.collapsedRole', {
                        name: contactName(link.contact),
                        role: t(`role.${link.role}` as MessageKey),
                        from: nameOf(link.from),
                      })}
                    </Typography>
                  </li>
                ))}
              </Box>
            </SectionCard>
          )}
          <SectionCard title={t('clientMerge.offers')}>
            {preview.offers.length === 0 ? (
              <Typography textColor="neutral600">{t('clientMerge.noOffers')}</Typography>
            ) : (
              <Box tag="ul" paddingTop={2}>
                {preview.offers.map((offer) => (
                  <li key={offer.documentId}>
                    <Typography>
                      {t('clientMerge.offerFrom', {
                        offer: [offer.reference, offer.title].filter(Boolean).join(' · '),
                        from: nameOf(offer.from),
                      })}
                    </Typography>
                  </li>
                ))}
              </Box>
            )}
          </SectionCard>
        </>
      )}
    </MergeFrame>
  );
};

export default ClientMergePage;
