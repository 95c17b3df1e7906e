import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Flex,
  Link as DSLink,
  Radio,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { NavLink, useNavigate, useSearchParams } from 'react-router-dom';
import { consentEventWording } from '../../../shared/constants';
import { BackLink } from '../components/BackLink';
import { ConfirmButton, SectionCard } from '../components/DetailParts';
import { API, refusalOf } from '../utils/api';
import { countryName } from '../utils/countries';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';

type PreviewContact = {
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  newsletter: boolean;
};

type FieldRow = {
  field: string;
  values: { documentId: string; value: unknown }[];
  proposed: string;
  chosen: string;
  value: unknown;
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

type Done = { mergeId: string; survivor: string; count: number };

const FIELD_ERRORS = ['survivor', 'merged', 'values'] as const;

const nameOf = (contact: PreviewContact | undefined) =>
  contact
    ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || contact.documentId
    : '—';

const targetLabel = (target: Target) =>
  target.name ?? ([target.reference, target.title].filter(Boolean).join(' · ') || target.documentId);

/** The ids of the query string `?ids=A,B`, each once, in their order. */
const idsOf = (raw: string | null) => [
  ...new Set(
    (raw ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
  ),
];

/**
 * The merge page: 2 to 5 contacts side by side, the one kept (the survivor) and the value kept
 * for each field chosen by radio; the preview says what the survivor will hold (links, primaries,
 * newsletter consent, the offers whose documents change addressee) and is asked again at each
 * choice. "Merge" asks for a confirmation; once merged, the merge can be undone from here.
 */
const MergePage = () => {
  const { t, locale, intl } = useT();
  const { post } = useFetchClient();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [params] = useSearchParams();
  const ids = idsOf(params.get('ids'));
  const idsKey = ids.join(',');
  const [survivor, setSurvivor] = useState<string>(ids[0] ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  const body = useCallback(
    () => ({
      data: { survivor, merged: idsKey.split(',').filter((id) => id !== survivor), values },
    }),
    [survivor, values, idsKey]
  );

  useEffect(() => {
    if (done || idsKey.split(',').length < 2) return;
    const controller = new AbortController();
    (async () => {
      try {
        const { data } = await post<{ data: MergePreview }>(`${API}/contacts/merge?preview=true`, body(), {
          signal: controller.signal,
        });
        setPreview(data.data);
        setError(null);
      } catch (caught) {
        if (!controller.signal.aborted) setError(refusalOf(caught, intl, FIELD_ERRORS));
      }
    })();
    return () => controller.abort();
  }, [post, body, intl, done, idsKey]);

  const contactOf = (documentId: string | null) =>
    preview?.contacts.find((contact) => contact.documentId === documentId);

  const shown = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
    if (field === 'gender') return t(`gender.${String(value)}` as MessageKey);
    if (field === 'country') return countryName(String(value), locale);
    return String(value);
  };

  const merge = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ meta: { mergeId: string } }>(`${API}/contacts/merge`, body());
      setDone({ mergeId: data.meta.mergeId, survivor, count: ids.length });
      setError(null);
    } catch (caught) {
      setError(refusalOf(caught, intl, FIELD_ERRORS));
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (!done) return;
    setBusy(true);
    try {
      await post(`${API}/merges/${done.mergeId}/undo`, {});
      toggleNotification({ type: 'success', message: t('merge.undone', { count: done.count }) });
      navigate(PATHS.duplicates);
    } catch (caught) {
      setError(refusalOf(caught, intl, ['mergeId']));
    } finally {
      setBusy(false);
    }
  };

  const chooseSurvivor = (documentId: string) => {
    setSurvivor(documentId);
  };

  const columns = ids.map((id) => contactOf(id) ?? null);

  const linksTable = (title: string, links: LinkPreview[], target: MessageKey) => (
    <SectionCard title={title}>
      {links.length === 0 ? (
        <Typography textColor="neutral600">{t('merge.noLinks')}</Typography>
      ) : (
        <Table colCount={3} rowCount={links.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t(target)}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('links.role')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('merge.from')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {links.map((link) => (
              <Tr key={link.documentId}>
                <Td>
                  <Typography>{targetLabel(link.target)}</Typography>
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Typography>{t(`role.${link.role}` as MessageKey)}</Typography>
                    {link.isPrimary && <Badge>{t('links.primaryBadge')}</Badge>}
                  </Flex>
                </Td>
                <Td>
                  <Typography>{nameOf(contactOf(link.from))}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </SectionCard>
  );

  return (
    <Page.Main>
      <Page.Title>{t('merge.title')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackLink to={PATHS.duplicates}>{t('doublons.title')}</BackLink>}
        title={t('merge.title')}
        subtitle={t('merge.subtitle', { count: ids.length })}
        primaryAction={
          !done && preview ? (
            <ConfirmButton
              variant="secondary"
              label={t('merge.submit')}
              title={t('merge.confirmTitle')}
              message={t('merge.confirm', { count: ids.length, name: nameOf(contactOf(survivor)) })}
              onConfirm={() => void merge()}
            />
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {ids.length < 2 && (
            <Alert variant="danger" title={t('merge.title')} closeLabel={t('duplicates.close')}>
              {t('merge.needTwo')}
            </Alert>
          )}
          {error && (
            <Alert
              variant="danger"
              title={t('merge.error')}
              closeLabel={t('duplicates.close')}
              onClose={() => setError(null)}
            >
              {error}
            </Alert>
          )}
          {done && (
            <Alert
              variant="success"
              title={t('merge.doneTitle')}
              closeLabel={t('duplicates.close')}
              action={
                <Flex gap={2}>
                  <Button variant="secondary" loading={busy} onClick={() => void undo()}>
                    {t('merge.undo')}
                  </Button>
                  <DSLink tag={NavLink} to={PATHS.contact(done.survivor)}>
                    {t('merge.openSurvivor')}
                  </DSLink>
                </Flex>
              }
            >
              {t('merge.done', { count: done.count })}
            </Alert>
          )}
          {!done && preview && (
            <>
              <SectionCard title={t('merge.fields')}>
                <Table colCount={ids.length + 1} rowCount={preview.fields.length + 3}>
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">{t('merge.field')}</Typography>
                      </Th>
                      {columns.map((contact, index) => (
                        <Th key={ids[index]}>
                          <Flex
                            direction="column"
                            alignItems="flex-start"
                            gap={1}
                            paddingTop={2}
                            paddingBottom={2}
                          >
                            <Typography fontWeight="bold">{nameOf(contact ?? undefined)}</Typography>
                            <Typography variant="pi">{contact?.email ?? ''}</Typography>
                          </Flex>
                        </Th>
                      ))}
                    </Tr>
                  </Thead>
                  <Tbody>
                    <Tr>
                      <Td>
                        <Typography fontWeight="bold">{t('merge.survivor')}</Typography>
                      </Td>
                      {ids.map((id) => (
                        <Td key={id}>
                          <Radio.Group
                            aria-label={t('merge.chooseSurvivor', { name: nameOf(contactOf(id)) })}
                            value={survivor === id ? id : ''}
                            onValueChange={chooseSurvivor}
                          >
                            <Radio.Item value={id}>{t('merge.keepThis')}</Radio.Item>
                          </Radio.Group>
                        </Td>
                      ))}
                    </Tr>
                    {preview.fields.map((row) => {
                      const label = t(`contact.${row.field}` as MessageKey);
                      return (
                        <Tr key={row.field}>
                          <Td>
                            <Typography fontWeight="bold">{label}</Typography>
                          </Td>
                          {ids.map((id) => {
                            const value = row.values.find((entry) => entry.documentId === id)?.value;
                            return (
                              <Td key={id}>
                                <Radio.Group
                                  aria-label={t('merge.keepValue', {
                                    field: label,
                                    name: nameOf(contactOf(id)),
                                  })}
                                  value={row.chosen === id ? id : ''}
                                  onValueChange={(chosen: string) =>
                                    setValues((current) => ({ ...current, [row.field]: chosen }))
                                  }
                                >
                                  <Radio.Item value={id}>{shown(row.field, value)}</Radio.Item>
                                </Radio.Group>
                              </Td>
                            );
                          })}
                        </Tr>
                      );
                    })}
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
                  </Tbody>
                </Table>
              </SectionCard>
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
              {linksTable(t('links.clients'), preview.links.clients, 'links.client')}
              {linksTable(t('links.offers'), preview.links.offers, 'links.offer')}
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
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default MergePage;
