import { useCallback, useEffect, useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { IMPORT_MODES, type ImportMode } from '../../../shared/constants';
import type {
  DetailResponse,
  ImportListResponse,
  ImportMapping,
  ImportPreview,
  ImportSummary,
  ImportTemplateEntry,
} from '../../../shared/contracts/admin';
import { ConfirmButton, SectionCard } from '../components/DetailParts';
import { ImportHistory } from '../components/ImportHistory';
import { ImportMappingTable } from '../components/ImportMappingTable';
import {
  ErrorFileButton,
  ImportCountsLine,
  ImportProgress,
  ImportStatusBadge,
  UndoButton,
} from '../components/ImportParts';
import { TabNav } from '../components/TabNav';
import { allOf } from '../permissions';
import { API, refusalOf } from '../utils/api';
import { isLive, isRunning } from '../utils/imports';
import { useT, type MessageKey } from '../utils/translate';

/** A running import is read again this often, for its progress bar. */
const POLL_MS = 1000;
const HISTORY_PAGE_SIZE = 10;
/** The value of a select left to the server's detection. */
const DETECT = '__detect__';
const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15', 'utf-16le'];
const DELIMITERS: Array<{ value: string; key: MessageKey }> = [
  { value: ';', key: 'imports.delimiter.semicolon' },
  { value: ',', key: 'imports.delimiter.comma' },
  { value: '\t', key: 'imports.delimiter.tab' },
  { value: '|', key: 'imports.delimiter.pipe' },
];
const REFUSAL_FIELDS = ['file', 'mapping', 'consent', 'encoding', 'delimiter', 'sheet', 'name', 'status'];

type ReadOverrides = { encoding: string; delimiter: string; sheet: string };

/** How to read the file: left to the server's detection (an empty value) or given. */
const DetectedOrGiven = ({
  name,
  value,
  options,
  onChange,
}: {
  name: 'encoding' | 'delimiter';
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) => {
  const { t } = useT();
  return (
    <Field.Root name={name}>
      <Field.Label>{t(`imports.${name}`)}</Field.Label>
      <SingleSelect
        value={value || DETECT}
        onChange={(chosen: string | number) => onChange(chosen === DETECT ? '' : String(chosen))}
      >
        <SingleSelectOption value={DETECT}>{t('imports.detect')}</SingleSelectOption>
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
};

/**
 * The Imports page: choose a file, check how its columns map to the contact's fields (or apply a
 * saved template), try it without writing (dry run), import it with a progress bar, then download
 * the rows it could not take or undo it; below, the history of past imports.
 */
const ImportsPage = () => {
  const { t, intl, locale } = useT();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(allOf('imports'));
  const canCreate = allowedActions.canCreate === true;
  const canManage = allowedActions.canManage === true;

  const [file, setFile] = useState<File | null>(null);
  const [overrides, setOverrides] = useState<ReadOverrides>({ encoding: '', delimiter: '', sheet: '' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [mode, setMode] = useState<ImportMode>('upsert');
  const [clearEmpty, setClearEmpty] = useState(false);
  const [consent, setConsent] = useState({ source: '', consentedAt: '' });
  const [templates, setTemplates] = useState<ImportTemplateEntry[]>([]);
  const [templateName, setTemplateName] = useState('');
  const [current, setCurrent] = useState<ImportSummary | null>(null);
  const [history, setHistory] = useState<ImportListResponse | undefined>();
  const [historyPage, setHistoryPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(Date.now());

  const refuse = useCallback(
    (error: unknown) =>
      toggleNotification({ type: 'danger', message: refusalOf(error, intl, REFUSAL_FIELDS) }),
    [intl, toggleNotification]
  );

  const loadHistory = useCallback(async () => {
    try {
      const { data } = await get<ImportListResponse>(`${API}/imports`, {
        params: { page: String(historyPage), pageSize: String(HISTORY_PAGE_SIZE) },
      });
      setHistory(data);
    } catch (error) {
      refuse(error);
    }
  }, [get, historyPage, refuse]);

  const loadTemplates = useCallback(async () => {
    try {
      const { data } = await get<DetailResponse<ImportTemplateEntry[]>>(`${API}/import-templates`);
      setTemplates(data.data);
    } catch (error) {
      refuse(error);
    }
  }, [get, refuse]);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);
  useEffect(() => {
    void loadTemplates();
  }, [loadTemplates]);

  // the file is read again whenever it or how to read it changes
  useEffect(() => {
    if (!file || !canCreate) return;
    let stale = false;
    const form = new FormData();
    form.append('file', file);
    for (const [key, value] of Object.entries(overrides)) if (value) form.append(key, value);
    setBusy(true);
    post<DetailResponse<ImportPreview>>(`${API}/imports/preview`, form)
      .then(({ data }) => {
        if (stale) return;
        setPreview(data.data);
        setMapping(data.data.mapping);
        setCurrent(null);
      })
      .catch((error: unknown) => {
        if (stale) return;
        setPreview(null);
        refuse(error);
      })
      .finally(() => !stale && setBusy(false));
    return () => {
      stale = true;
    };
  }, [file, overrides, canCreate, post, refuse]);

  // a moving import is followed until it settles; the history is then read again
  const following = current && isLive(current) ? current.documentId : null;
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      get<DetailResponse<ImportSummary>>(`${API}/imports/${following}`)
        .then(({ data }) => {
          setCurrent(data.data);
          if (!isLive(data.data)) void loadHistory();
        })
        .catch(refuse);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [following, get, loadHistory, refuse]);

  const mapsNewsletter = Object.values(mapping).includes('newsletter');

  const start = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    form.append('mode', mode);
    form.append('dryRun', String(dryRun));
    form.append('clearEmpty', String(clearEmpty));
    form.append('mapping', JSON.stringify(mapping));
    if (mapsNewsletter && consent.source && consent.consentedAt)
      form.append('consent', JSON.stringify(consent));
    for (const [key, value] of Object.entries(overrides)) if (value) form.append(key, value);
    setBusy(true);
    try {
      const { data } = await post<DetailResponse<ImportSummary>>(`${API}/imports`, form);
      setNow(Date.now());
      setCurrent(data.data);
      void loadHistory();
    } catch (error) {
      refuse(error);
    } finally {
      setBusy(false);
    }
  };

  const act = async (summary: ImportSummary, action: 'cancel' | 'undo') => {
    try {
      const { data } = await post<DetailResponse<ImportSummary>>(
        `${API}/imports/${summary.documentId}/${action}`,
        {}
      );
      if (current?.documentId === summary.documentId || action === 'undo') setCurrent(data.data);
      toggleNotification({
        type: 'success',
        message: t(action === 'undo' ? 'imports.undoStarted' : 'imports.cancelRequested'),
      });
    } catch (error) {
      refuse(error);
    }
    void loadHistory();
  };

  const applyTemplate = (documentId: string) => {
    const template = templates.find((entry) => entry.documentId === documentId);
    if (!template || !preview) return;
    setMapping(
      Object.fromEntries(preview.headers.map((header) => [header, template.mapping[header] ?? null]))
    );
  };

  const saveTemplate = async () => {
    try {
      await post(`${API}/import-templates`, { name: templateName, mapping });
      toggleNotification({
        type: 'success',
        message: t('imports.template.saved', { name: templateName.trim() }),
      });
      setTemplateName('');
      await loadTemplates();
    } catch (error) {
      refuse(error);
    }
  };

  const deleteTemplate = async (template: ImportTemplateEntry) => {
    try {
      await del(`${API}/import-templates/${template.documentId}`);
      await loadTemplates();
    } catch (error) {
      refuse(error);
    }
  };

  const startOver = () => {
    setFile(null);
    setPreview(null);
    setCurrent(null);
    setOverrides({ encoding: '', delimiter: '', sheet: '' });
  };

  // once an import has run (or while it is undone), the page shows its result instead of the mapping
  const finishedImport = current && !current.dryRun && !isRunning(current) ? current : null;
  const override = (key: keyof ReadOverrides) => (value: string) =>
    setOverrides((previous) => ({ ...previous, [key]: value }));

  return (
    <Page.Main>
      <Page.Title>{t('imports.title')}</Page.Title>
      <Layouts.Header title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Layouts.Content>
        <TabNav current="imports" />
        {canCreate && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <SectionCard title={t('imports.step.file')}>
              <Grid.Root gap={4} paddingTop={4}>
                <Grid.Item col={12} direction="column" alignItems="flex-start">
                  <Field.Root name="file" hint={t('imports.fileHint')}>
                    <Field.Label>{t('imports.file')}</Field.Label>
                    <input
                      type="file"
                      name="file"
                      accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                      aria-label={t('imports.file')}
                      onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                    />
                    <Field.Hint />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <DetectedOrGiven
                    name="encoding"
                    value={overrides.encoding}
                    options={ENCODINGS.map((encoding) => ({ value: encoding, label: encoding }))}
                    onChange={override('encoding')}
                  />
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <DetectedOrGiven
                    name="delimiter"
                    value={overrides.delimiter}
                    options={DELIMITERS.map(({ value, key }) => ({ value, label: t(key) }))}
                    onChange={override('delimiter')}
                  />
                </Grid.Item>
                {preview?.sheets && (
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="sheet">
                      <Field.Label>{t('imports.sheet')}</Field.Label>
                      <SingleSelect
                        value={overrides.sheet || preview.sheets[0] || ''}
                        onChange={(value: string | number) =>
                          setOverrides((previous) => ({ ...previous, sheet: String(value) }))
                        }
                      >
                        {preview.sheets.map((sheet) => (
                          <SingleSelectOption key={sheet} value={sheet}>
                            {sheet}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                  </Grid.Item>
                )}
              </Grid.Root>
              {preview && (
                <Typography variant="pi" textColor="neutral600" tag="p" data-import-shape="">
                  {preview.file.format === 'xlsx'
                    ? t('imports.shape.xlsx', { row: preview.headerRow })
                    : t('imports.shape.csv', {
                        encoding: preview.file.encoding ?? '',
                        delimiter: preview.file.delimiter === '\t' ? 'tab' : (preview.file.delimiter ?? ''),
                        row: preview.headerRow,
                      })}
                </Typography>
              )}
            </SectionCard>

            {preview && !finishedImport && (
              <SectionCard title={t('imports.step.mapping')}>
                <Flex gap={4} paddingTop={4} paddingBottom={4} alignItems="flex-end" wrap="wrap">
                  <Box minWidth="260px">
                    <Field.Root name="template">
                      <Field.Label>{t('imports.template.apply')}</Field.Label>
                      <SingleSelect
                        placeholder={t('imports.template.choose')}
                        value=""
                        onChange={(value: string | number) => applyTemplate(String(value))}
                      >
                        {templates.map((template) => (
                          <SingleSelectOption key={template.documentId} value={template.documentId}>
                            {template.name}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                  </Box>
                  <Box minWidth="260px">
                    <Field.Root name="templateName">
                      <Field.Label>{t('imports.template.name')}</Field.Label>
                      <TextInput
                        value={templateName}
                        maxLength={100}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          setTemplateName(event.target.value)
                        }
                      />
                    </Field.Root>
                  </Box>
                  <Button
                    variant="secondary"
                    disabled={!templateName.trim()}
                    onClick={() => void saveTemplate()}
                  >
                    {t('imports.template.save')}
                  </Button>
                  {canManage &&
                    templates.map((template) => (
                      <ConfirmButton
                        key={template.documentId}
                        label={t('imports.template.delete', { name: template.name })}
                        title={t('imports.template.delete', { name: template.name })}
                        message={t('imports.template.deleteConfirm', { name: template.name })}
                        onConfirm={() => void deleteTemplate(template)}
                      />
                    ))}
                </Flex>
                <ImportMappingTable
                  preview={preview}
                  mapping={mapping}
                  onChange={(header, target) => setMapping((previous) => ({ ...previous, [header]: target }))}
                />
                <Grid.Root gap={4} paddingTop={6}>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="mode" hint={t(`imports.modeHint.${mode}` as MessageKey)}>
                      <Field.Label>{t('imports.mode')}</Field.Label>
                      <SingleSelect
                        value={mode}
                        onChange={(value: string | number) => setMode(value as ImportMode)}
                      >
                        {IMPORT_MODES.map((value) => (
                          <SingleSelectOption key={value} value={value}>
                            {t(`imports.mode.${value}` as MessageKey)}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                      <Field.Hint />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={8} s={12} direction="column" alignItems="flex-start">
                    <Checkbox
                      checked={clearEmpty}
                      onCheckedChange={(checked: boolean) => setClearEmpty(checked === true)}
                    >
                      {t('imports.clearEmpty')}
                    </Checkbox>
                  </Grid.Item>
                  {mapsNewsletter && (
                    <>
                      <Grid.Item col={12} direction="column" alignItems="flex-start">
                        <Typography variant="omega" textColor="neutral700">
                          {t('imports.consent.explain')}
                        </Typography>
                      </Grid.Item>
                      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                        <Field.Root name="consentSource">
                          <Field.Label>{t('imports.consent.source')}</Field.Label>
                          <TextInput
                            value={consent.source}
                            maxLength={200}
                            placeholder={t('imports.consent.sourcePlaceholder')}
                            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                              setConsent((previous) => ({ ...previous, source: event.target.value }))
                            }
                          />
                        </Field.Root>
                      </Grid.Item>
                      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                        <Field.Root name="consentedAt">
                          <Field.Label>{t('imports.consent.date')}</Field.Label>
                          <TextInput
                            type="date"
                            value={consent.consentedAt}
                            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                              setConsent((previous) => ({ ...previous, consentedAt: event.target.value }))
                            }
                          />
                        </Field.Root>
                      </Grid.Item>
                    </>
                  )}
                </Grid.Root>
                <Flex gap={2} paddingTop={6}>
                  <Button
                    variant="secondary"
                    disabled={busy || (current !== null && isLive(current))}
                    onClick={() => void start(true)}
                  >
                    {t('imports.dryRun.run')}
                  </Button>
                  <Button
                    disabled={busy || (current !== null && isLive(current))}
                    onClick={() => void start(false)}
                  >
                    {t('imports.run')}
                  </Button>
                </Flex>
                {current && (
                  <Box paddingTop={6} data-import-run={current.dryRun ? 'dry-run' : 'import'}>
                    <Flex gap={2} paddingBottom={2}>
                      <Typography fontWeight="bold">
                        {t(current.dryRun ? 'imports.dryRun.title' : 'imports.run.title')}
                      </Typography>
                      <ImportStatusBadge status={current.status} />
                    </Flex>
                    {isLive(current) ? (
                      <Flex direction="column" alignItems="stretch" gap={2}>
                        <ImportProgress summary={current} now={now} />
                        {canManage && current.status !== 'undoing' && (
                          <Box>
                            <Button variant="danger-light" onClick={() => void act(current, 'cancel')}>
                              {t('imports.cancel')}
                            </Button>
                          </Box>
                        )}
                      </Flex>
                    ) : (
                      <Flex gap={4}>
                        <ImportCountsLine summary={current} />
                        <ErrorFileButton summary={current} />
                      </Flex>
                    )}
                  </Box>
                )}
              </SectionCard>
            )}

            {finishedImport && (
              <SectionCard title={t('imports.step.result')}>
                <Flex direction="column" alignItems="flex-start" gap={4} paddingTop={4} data-import-result="">
                  <Flex gap={2}>
                    <ImportStatusBadge status={finishedImport.status} />
                    <Typography>{finishedImport.fileName ?? ''}</Typography>
                  </Flex>
                  <ImportCountsLine summary={finishedImport} />
                  {finishedImport.error && (
                    <Typography textColor="danger600">{finishedImport.error}</Typography>
                  )}
                  {finishedImport.undo && finishedImport.status === 'undone' && (
                    <Typography>
                      {t('imports.undone', {
                        undone: finishedImport.undo.undone.toLocaleString(locale),
                        keptEdited: finishedImport.undo.keptEdited.toLocaleString(locale),
                      })}
                    </Typography>
                  )}
                  <Flex gap={2}>
                    <ErrorFileButton summary={finishedImport} />
                    {canManage && (
                      <UndoButton summary={finishedImport} onUndo={(summary) => void act(summary, 'undo')} />
                    )}
                    <Button variant="tertiary" onClick={startOver}>
                      {t('imports.again')}
                    </Button>
                  </Flex>
                </Flex>
              </SectionCard>
            )}
          </Flex>
        )}
        <ImportHistory
          list={history}
          page={historyPage}
          onPage={setHistoryPage}
          canUndo={canManage}
          onUndo={(summary) => void act(summary, 'undo')}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

export default ImportsPage;
