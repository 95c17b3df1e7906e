import { Box, Td, Tr, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { consentEventWording } from '../../../shared/constants';
import { SectionCard } from '../components/DetailParts';
import {
  MergedLinksCard,
  MergeFieldsTable,
  MergeFrame,
  useMergeValueText,
  type MergedLinkRow,
} from '../components/MergeParts';
import type { FieldRow } from '../utils/merge';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';
import { CONTACT_MERGE_ROUTES, useMerge } from '../utils/useMerge';

type PreviewContact = {
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  newsletter: boolean;
};

type Target = { documentId: string; name?: string; title?: string; reference?: string };

type LinkPreview = {
  documentId: string;
  target: Target;
  role: string;
  isPrimary: boolean;
  from: string | null;
};

/** The preview the merge route answers with `?preview=true` (server module merges, `describe`). */
type MergePreview = {
  survivor: string;
  contacts: PreviewContact[];
  fields: FieldRow[];
  links: { clients: LinkPreview[]; offers: LinkPreview[] };
  newsletter: {
    after: boolean;
    basedOn: {
      action: string;
      occurredAt: string;
      newsletter: boolean | null;
      contact: string | null;
    } | null;
  };
  aliases: string[];
  addresseeChanges: { offer: Target; from: string | null; to: string }[];
};

const nameOf = (contact: PreviewContact | undefined) =>
  contact
    ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || contact.documentId
    : '—';

const targetLabel = (target: Target) =>
  target.name ?? ([target.reference, target.title].filter(Boolean).join(' · ') || target.documentId);

/**
 * The merge page of contacts: 2 to 5 contacts side by side, the one kept (the survivor) and the
 * value kept for each field chosen by radio (components/MergeParts.tsx, shared with the clients'
 * merge page); the preview says what the survivor will hold (links, primaries, newsletter consent,
 * the offers whose documents change addressee) and is asked again at each choice. "Merge" asks
 * for a confirmation; once merged, the merge can be undone from here.
 */
const MergePage = () => {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const flow = useMerge<MergePreview>(CONTACT_MERGE_ROUTES);
  const { ids, preview, survivor, done } = flow;

  const contactOf = (documentId: string | null) =>
    preview?.contacts.find((contact) => contact.documentId === documentId);

  const shown = useMergeValueText((field, value) =>
    field === 'gender' ? t(`gender.${String(value)}` as MessageKey) : undefined
  );

  const linkRows = (links: LinkPreview[]): MergedLinkRow[] =>
    links.map((link) => ({
      key: link.documentId,
      name: targetLabel(link.target),
      role: link.role,
      isPrimary: link.isPrimary,
      from: nameOf(contactOf(link.from)),
    }));

  return (
    <MergeFrame
      flow={flow}
      title={t('merge.title')}
      subtitle={t('merge.subtitle', { count: ids.length })}
      back={{ to: PATHS.duplicates, label: t('doublons.title') }}
      confirm={{
        title: t('merge.confirmTitle'),
        message: t('merge.confirm', { count: ids.length, name: nameOf(contactOf(survivor)) }),
      }}
      needTwo={t('merge.needTwo')}
      doneAlert={{
        title: t('merge.doneTitle'),
        message: t('merge.done', { count: done?.count ?? ids.length }),
        survivor: { to: PATHS.contact(done?.survivor ?? survivor), label: t('merge.openSurvivor') },
      }}
      recordPath={PATHS.contact}
      onUndone={() => {
        toggleNotification({ type: 'success', message: t('merge.undone', { count: ids.length }) });
        navigate(PATHS.duplicates);
      }}
    >
      {preview && (
        <>
          <MergeFieldsTable
            flow={flow}
            wording="merge"
            columns={ids.map((id) => ({
              documentId: id,
              name: nameOf(contactOf(id)),
              detail: contactOf(id)?.email ?? '',
            }))}
            fieldLabel={(field) => t(`contact.${field}` as MessageKey)}
            shown={shown}
            extraRows={
              <Tr>
                <Td>
                  <Typography fontWeight="bold">{t('contact.newsletter' as MessageKey)}</Typography>
                </Td>
                {ids.map((id) => (
                  <Td key={id}>
                    <Typography>{shown('newsletter', contactOf(id)?.newsletter ?? null)}</Typography>
                  </Td>
                ))}
              </Tr>
            }
          />
          <SectionCard title={t('merge.consent')}>
            <Typography tag="p">
              {t(preview.newsletter.after ? 'merge.consentYes' : 'merge.consentNo')}
            </Typography>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {preview.newsletter.basedOn
                ? t('merge.consentBasedOn', {
                    action: t(
                      `consent.action.${consentEventWording(preview.newsletter.basedOn)}` as MessageKey
                    ),
                    date: new Date(preview.newsletter.basedOn.occurredAt).toLocaleString(locale),
                    name: nameOf(contactOf(preview.newsletter.basedOn.contact)),
                  })
                : t('merge.consentNone')}
            </Typography>
          </SectionCard>
          <MergedLinksCard
            title={t('links.clients')}
            nameHeader="links.client"
            rows={linkRows(preview.links.clients)}
          />
          <MergedLinksCard
            title={t('links.offers')}
            nameHeader="links.offer"
            rows={linkRows(preview.links.offers)}
          />
          <SectionCard title={t('merge.addressees')}>
            {preview.addresseeChanges.length === 0 ? (
              <Typography textColor="neutral600">{t('merge.noAddresseeChange')}</Typography>
            ) : (
              <Box tag="ul" paddingTop={2}>
                {preview.addresseeChanges.map((change) => (
                  <li key={change.offer.documentId}>
                    <Typography>
                      {t('merge.addresseeChange', {
                        offer: targetLabel(change.offer),
                        from: nameOf(contactOf(change.from)),
                        to: nameOf(contactOf(change.to)),
                      })}
                    </Typography>
                  </li>
                ))}
              </Box>
            )}
          </SectionCard>
          {preview.aliases.length > 0 && (
            <SectionCard title={t('merge.aliases')}>
              <Typography tag="p">{preview.aliases.join(', ')}</Typography>
            </SectionCard>
          )}
        </>
      )}
    </MergeFrame>
  );
};

export default MergePage;
