import { useState } from 'react';
import { Box, Button, Checkbox, Flex, Modal, Radio, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  CSV_DELIMITERS,
  EXPORT_FORMATS,
  defaultExportColumns,
  exportColumnHeader,
  exportColumns,
  type CsvDelimiter,
  type ExportFormat,
  type ExportedType,
} from '../../../shared/exports';
import { fileNameOf, saveFile } from '../utils/download';
import { useT, type MessageKey } from '../utils/translate';

/** One choice among a few, all shown, under its label. */
const ChoiceGroup = <Value extends string>({
  label,
  value,
  onChange,
  choices,
}: {
  label: string;
  value: Value;
  onChange: (value: Value) => void;
  choices: Array<[Value, string]>;
}) => (
  <Box>
    <Typography variant="sigma" tag="p" textColor="neutral600">
      {label}
    </Typography>
    <Radio.Group
      aria-label={label}
      value={value}
      onValueChange={(chosen: string) => onChange(chosen as Value)}
    >
      {choices.map(([choice, text]) => (
        <Radio.Item key={choice} value={choice}>
          {text}
        </Radio.Item>
      ))}
    </Radio.Group>
  </Box>
);

/**
 * "Exporter": the list as searched and filtered on screen, to CSV (for Excel: `;` in French, `,`
 * in English) or XLSX, with the columns ticked here, headed by their labels in the admin's
 * language. The server writes every row of the list, not only the page shown.
 */
export const ExportDialog = ({
  type,
  path,
  listParams,
  keys,
  documentIds,
  label,
}: {
  type: ExportedType;
  /** The list's export route. */
  path: string;
  /** The list on screen's query, and which of its keys the export takes (search, order, filters). */
  listParams: URLSearchParams;
  keys: readonly string[];
  /** The rows ticked in the list: only they are exported (in the list's order). */
  documentIds?: readonly string[];
  /** The button's text, when it is not the list's own "Exporter". */
  label?: string;
}) => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [delimiter, setDelimiter] = useState<CsvDelimiter>(locale.startsWith('fr') ? ';' : ',');
  const [columns, setColumns] = useState<string[]>(() => defaultExportColumns(type));
  const [pending, setPending] = useState(false);

  const language = locale.startsWith('fr') ? 'fr' : 'en';
  const all = exportColumns(type);
  const toggle = (column: string, on: boolean) =>
    // the file's columns keep the catalogue's order, whatever the order they were ticked in
    setColumns((current) => all.filter((name) => (name === column ? on : current.includes(name))));

  const download = async () => {
    setPending(true);
    try {
      const { data, headers } = await get(path, {
        params: {
          ...Object.fromEntries(
            keys.flatMap((key) => (listParams.get(key) ? [[key, listParams.get(key)]] : []))
          ),
          ...(documentIds ? { documentIds: documentIds.join(',') } : {}),
          format,
          delimiter,
          columns: columns.join(','),
          headers: language,
        },
        responseType: 'blob',
      });
      saveFile(data, fileNameOf(headers) ?? `${type}s.${format}`);
    } catch {
      toggleNotification({ type: 'danger', message: t('export.failed') });
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal.Root>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Download />}>
          {label ?? t('export.open')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t(type === 'contact' ? 'export.titleContacts' : 'export.titleClients')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={5}>
            <Typography variant="omega" textColor="neutral600">
              {documentIds ? t('export.scopeSelection', { count: documentIds.length }) : t('export.scope')}
            </Typography>
            <ChoiceGroup
              label={t('export.format')}
              value={format}
              onChange={setFormat}
              choices={EXPORT_FORMATS.map((value) => [value, t(`export.format.${value}` as MessageKey)])}
            />
            {format === 'csv' && (
              <ChoiceGroup
                label={t('export.delimiter')}
                value={delimiter}
                onChange={setDelimiter}
                choices={CSV_DELIMITERS.map((value) => [
                  value,
                  t(value === ';' ? 'export.delimiter.semicolon' : 'export.delimiter.comma'),
                ])}
              />
            )}
            <Box>
              <Typography variant="sigma" tag="p" textColor="neutral600">
                {t('export.columns')}
              </Typography>
              <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={2}>
                {all.map((column) => (
                  <Checkbox
                    key={column}
                    checked={columns.includes(column)}
                    onCheckedChange={(checked) => toggle(column, checked === true)}
                  >
                    {exportColumnHeader(type, column, language)}
                  </Checkbox>
                ))}
              </Flex>
            </Box>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('form.cancel')}</Button>
          </Modal.Close>
          <Button
            startIcon={<Download />}
            onClick={download}
            loading={pending}
            disabled={columns.length === 0}
          >
            {t('export.download')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
