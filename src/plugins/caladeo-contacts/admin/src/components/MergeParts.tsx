import type { ReactNode } from 'react';
import {
  Alert,
  Badge,
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
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { useAgencyCountry } from '../utils/agency-country';
import { displayPhone } from '../utils/contact-points';
import { countryName } from '../utils/countries';
import type { FieldRow } from '../utils/merge';
import type { MergeFlow } from '../utils/useMerge';
import { useT, type MessageKey } from '../utils/translate';
import { BackLink } from './BackLink';
import { ConfirmButton, SectionCard } from './DetailParts';
import { TableHeadings } from './TableHeadings';

/**
 * A merge page's frame, for contacts and clients alike: the header with _Fusionner_ (after a
 * confirmation), the refusal, the success alert with _Annuler la fusion_ and a link to the record
 * kept; the comparison (`children`) once the preview is there and until the merge is done.
 */
export const MergeFrame = <Preview,>({
  flow,
  title,
  subtitle,
  back,
  confirm,
  needTwo,
  doneAlert,
  recordPath,
  onUndone,
  children,
}: {
  flow: MergeFlow<Preview>;
  title: string;
  subtitle: string;
  back: { to: string; label: string };
  confirm: { title: string; message: string };
  needTwo: string;
  doneAlert: { title: string; message: string; survivor: { to: string; label: string } };
  /** The page of a record of this kind, to open the one a colleague's merge kept. */
  recordPath: (documentId: string) => string;
  /** Once the undo is done: where to go, what to say. */
  onUndone: () => void;
  children: ReactNode;
}) => {
  const { t } = useT();
  const { ids, preview, refusal, done, busy } = flow;
  const undo = async () => {
    if (await flow.undo()) onUndone();
  };
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackLink to={back.to}>{back.label}</BackLink>}
        title={title}
        subtitle={subtitle}
        primaryAction={
          !done && preview ? (
            <ConfirmButton
              variant="secondary"
              label={t('merge.submit')}
              title={confirm.title}
              message={confirm.message}
              onConfirm={() => void flow.merge()}
            />
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {ids.length < 2 && (
            <Alert variant="danger" title={title} closeLabel={t('duplicates.close')}>
              {needTwo}
            </Alert>
          )}
          {refusal && (
            <Alert
              variant="danger"
              title={t(refusal.during === 'undo' ? 'merge.undoError' : 'merge.error')}
              closeLabel={t('duplicates.close')}
              onClose={flow.clearRefusal}
              action={
                refusal.mergedInto ? (
                  <DSLink tag={NavLink} to={recordPath(refusal.mergedInto)}>
                    {t('merge.openMergedInto')}
                  </DSLink>
                ) : undefined
              }
            >
              {refusal.message}
            </Alert>
          )}
          {done && (
            <Alert
              variant="success"
              title={doneAlert.title}
              closeLabel={t('duplicates.close')}
              action={
                <Flex gap={2}>
                  <Button variant="secondary" loading={busy} onClick={() => void undo()}>
                    {t('merge.undo')}
                  </Button>
                  <DSLink tag={NavLink} to={doneAlert.survivor.to}>
                    {doneAlert.survivor.label}
                  </DSLink>
                </Flex>
              }
            >
              {doneAlert.message}
            </Alert>
          )}
          {!done && preview && children}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/**
 * How a merge page writes a field's value, for contacts and clients alike: "—" when empty, yes or
 * no, the country's name, a phone as the list and detail pages show it (national format for the
 * agency's country, international otherwise); `special` words the values of the page's own kind
 * (a gender, a client type) and answers undefined for the others.
 */
export const useMergeValueText = (special: (field: string, value: unknown) => string | undefined) => {
  const { t, locale } = useT();
  const agencyCountry = useAgencyCountry();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    const own = special(field, value);
    if (own !== undefined) return own;
    if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
    if (field === 'country') return countryName(String(value), locale);
    if (field === 'phone') return displayPhone(String(value), agencyCountry)?.text ?? '—';
    return String(value);
  };
};

/** How the comparison names a record: in its column's heading and in its radios' names. */
export type MergeColumn = { documentId: string; name: string; detail: string };

/**
 * The records side by side: a column each, a radio per column for the record kept, and per field
 * a radio per cell for the value kept (by default the preview's proposed one). `extraRows` are
 * rows that show without being chosen (a contact's newsletter follows its consent log).
 */
export const MergeFieldsTable = <Preview extends { fields: FieldRow[] }>({
  flow,
  wording,
  columns,
  fieldLabel,
  shown,
  extraRows,
}: {
  flow: MergeFlow<Preview>;
  /** Whose strings name the table and the record kept: `merge.*` (contacts) or `clientMerge.*`. */
  wording: 'merge' | 'clientMerge';
  columns: MergeColumn[];
  fieldLabel: (field: string) => string;
  shown: (field: string, value: unknown) => string;
  extraRows?: ReactNode;
}) => {
  const { t } = useT();
  const { survivor, chooseSurvivor: onSurvivor, chooseValue: onValue } = flow;
  const fields = flow.preview?.fields ?? [];
  return (
    <SectionCard title={t(`${wording}.fields`)}>
      <Table colCount={columns.length + 1} rowCount={fields.length + 3}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('merge.field')}</Typography>
            </Th>
            {columns.map((column) => (
              <Th key={column.documentId}>
                <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                  <Typography fontWeight="bold">{column.name}</Typography>
                  <Typography variant="pi">{column.detail}</Typography>
                </Flex>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          <Tr>
            <Td>
              <Typography fontWeight="bold">{t(`${wording}.survivor`)}</Typography>
            </Td>
            {columns.map((column) => (
              <Td key={column.documentId}>
                <Radio.Group
                  aria-label={t(`${wording}.chooseSurvivor`, { name: column.name })}
                  value={survivor === column.documentId ? column.documentId : ''}
                  onValueChange={onSurvivor}
                >
                  <Radio.Item value={column.documentId}>{t(`${wording}.keepThis`)}</Radio.Item>
                </Radio.Group>
              </Td>
            ))}
          </Tr>
          {fields.map((row) => {
            const label = fieldLabel(row.field);
            return (
              <Tr key={row.field}>
                <Td>
                  <Typography fontWeight="bold">{label}</Typography>
                </Td>
                {columns.map((column) => {
                  const value = row.values.find((entry) => entry.documentId === column.documentId)?.value;
                  return (
                    <Td key={column.documentId}>
                      <Radio.Group
                        aria-label={t('merge.keepValue', { field: label, name: column.name })}
                        value={row.chosen === column.documentId ? column.documentId : ''}
                        onValueChange={(chosen: string) => onValue(row.field, chosen)}
                      >
                        <Radio.Item value={column.documentId}>{shown(row.field, value)}</Radio.Item>
                      </Radio.Group>
                    </Td>
                  );
                })}
              </Tr>
            );
          })}
          {extraRows}
        </Tbody>
      </Table>
    </SectionCard>
  );
};

/** A link the record kept will hold after the merge: with whom or what, the role, where it came from. */
export type MergedLinkRow = { key: string; name: string; role: string; isPrimary: boolean; from: string };

/** The links the record kept will hold, as the preview answers them. */
export const MergedLinksCard = ({
  title,
  nameHeader,
  rows,
}: {
  title: string;
  nameHeader: MessageKey;
  rows: MergedLinkRow[];
}) => {
  const { t } = useT();
  return (
    <SectionCard title={title}>
      {rows.length === 0 ? (
        <Typography textColor="neutral600">{t('merge.noLinks')}</Typography>
      ) : (
        <Table colCount={3} rowCount={rows.length + 1}>
          <TableHeadings keys={[nameHeader, 'links.role', 'merge.from']} />
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.key}>
                <Td>
                  <Typography>{row.name}</Typography>
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Typography>{t(`role.${row.role}` as MessageKey)}</Typography>
                    {row.isPrimary && <Badge>{t('links.primaryBadge')}</Badge>}
                  </Flex>
                </Td>
                <Td>
                  <Typography>{row.from}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </SectionCard>
  );
};
