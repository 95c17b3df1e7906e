import { SingleSelect, SingleSelectOption, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { ImportMapping, ImportPreview } from '../../../shared/contracts/admin';
import type { ImportTarget } from '../../../shared/imports';
import { importTargetOptions } from '../utils/imports';
import { useT, type MessageKey } from '../utils/translate';
import { TableHeadings } from './TableHeadings';

/** The value of the select for an ignored column (a select's value cannot be null). */
const IGNORED = '__ignored__';
const SAMPLES = 3;
const HEADINGS: MessageKey[] = [
  'imports.mapping.column',
  'imports.mapping.samples',
  'imports.mapping.target',
];

type Props = {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (header: string, target: ImportTarget | null) => void;
};

/** One line per column of the file: its header, a few of its values, and where it goes. */
export const ImportMappingTable = ({ preview, mapping, onChange }: Props) => {
  const { t, locale } = useT();
  const options = importTargetOptions(locale.startsWith('fr') ? 'fr' : 'en');
  return (
    <Table colCount={3} rowCount={preview.headers.length + 1}>
      <TableHeadings keys={HEADINGS} />
      <Tbody>
        {preview.headers.map((header, column) =>
          header === '' ? null : (
            <Tr key={header} data-column={header}>
              <Td>
                <Typography fontWeight="bold">{header}</Typography>
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral600">
                  {preview.rows
                    .map((row) => row[column] ?? '')
                    .filter((value) => value.trim() !== '')
                    .slice(0, SAMPLES)
                    .join(' · ')}
                </Typography>
              </Td>
              <Td>
                <SingleSelect
                  aria-label={t('imports.mapping.targetOf', { header })}
                  value={mapping[header] ?? IGNORED}
                  onChange={(value: string | number) =>
                    onChange(header, value === IGNORED ? null : (String(value) as ImportTarget))
                  }
                >
                  <SingleSelectOption value={IGNORED}>{t('imports.mapping.ignore')}</SingleSelectOption>
                  {options.map((option) => (
                    <SingleSelectOption key={option.value} value={option.value}>
                      {option.label}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Td>
            </Tr>
          )
        )}
      </Tbody>
    </Table>
  );
};
