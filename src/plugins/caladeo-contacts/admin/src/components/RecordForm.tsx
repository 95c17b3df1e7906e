import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Box,
  Button,
  Dialog,
  Field,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useBlocker, useNavigate, useParams } from 'react-router-dom';
import type { DetailResponse } from '../../../shared/contracts/admin';
import { fieldErrorsOf, messageOf } from '../utils/api';
import { useStableCallback } from '../utils/useStableCallback';
import { useT, type MessageKey } from '../utils/translate';
import { DialogActions } from './DetailParts';

export type Values = Record<string, string | boolean | null>;

export type FieldSpec =
  | { name: string; kind: 'text' | 'email' | 'textarea'; hint?: (values: Values) => string | null }
  | { name: string; kind: 'select'; options: SelectOption[] }
  | { name: string; kind: 'toggle' };

type SelectOption = { value: string; label: string };

/**
 * One select of the form. Memoised, like the lists' FilterSelect: the design system's select renders
 * every option even when closed (the country select has about 250), so it must not render again
 * with each keystroke in another field. Give it stable `options` and `onChange`.
 */
const FormSelect = memo(
  ({
    name,
    value,
    options,
    onChange,
  }: {
    name: string;
    value: string;
    options: readonly SelectOption[];
    onChange: (name: string, value: string | null) => void;
  }) => (
    <SingleSelect value={value} onChange={(next: string | number) => onChange(name, String(next) || null)}>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  )
);
FormSelect.displayName = 'FormSelect';

/**
 * Create and edit form of a contact or a client. The server decides what is valid: its field errors
 * are shown under their fields, beside their hints, and the first one gets the focus; a field's
 * error goes once its value changes. Leaving with unsaved changes asks first: a dialog for a link
 * of the admin, the browser's own question for a reload or a closed tab.
 */
export const RecordForm = ({
  apiPath,
  fields,
  initialValues,
  labelPrefix,
  title,
  detailPath,
  aside,
  derive,
}: {
  apiPath: string;
  fields: FieldSpec[];
  initialValues: Values;
  labelPrefix: 'contact' | 'client';
  title: (values: Values, isNew: boolean) => string;
  detailPath: (documentId: string) => string;
  /** Shown above the fields, from what is being typed (each form's duplicate warnings). */
  aside?: (values: Values, documentId: string | undefined) => ReactNode;
  /** What a change implies for the other fields (the contact's département from its postal code). */
  derive?: (next: Values, previous: Values) => Values;
}) => {
  const { t, intl } = useT();
  const { documentId } = useParams();
  const isNew = !documentId;
  const navigate = useNavigate();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [values, setValues] = useState<Values>(initialValues);
  const [saved, setSaved] = useState<Values>(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(!isNew);
  const [loadError, setLoadError] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // bumped by each refused save, so the focus moves to the first field in error once it is drawn
  const [refusals, setRefusals] = useState(0);

  useEffect(() => {
    if (isNew) return;
    get<DetailResponse<Values>>(`${apiPath}/${documentId}`)
      .then(({ data }) => {
        const loaded = Object.fromEntries(fields.map(({ name }) => [name, data.data[name] ?? null]));
        setValues(loaded);
        setSaved(loaded);
      })
      .catch(() => setLoadError(true))
      .finally(() => setLoading(false));
  }, [apiPath, documentId, fields, get, isNew]);

  const dirty = fields.some(({ name }) => (values[name] ?? '') !== (saved[name] ?? ''));
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    dirty && !submitting ? currentLocation.pathname !== nextLocation.pathname : false
  );
  useEffect(() => {
    if (!dirty || submitting) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers ask only when a return value is set
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, submitting]);

  useEffect(() => {
    if (refusals === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const set = (name: string, value: string | boolean | null) => {
    setValues((current) => {
      const next = { ...current, [name]: value };
      return derive ? derive(next, current) : next;
    });
    setErrors(({ [name]: _corrected, ...others }) => others);
  };
  // one identity for the whole life of the form, so that its selects skip the renders of the others
  const setSelected = useStableCallback(set);

  if (loading) return <Page.Loading />;
  if (loadError) return <Page.Error />;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setErrors({});
    // empty inputs are sent as null, so a field can be cleared
    const body = Object.fromEntries(
      fields.map(({ name }) => [name, values[name] === '' ? null : values[name]])
    );
    try {
      const { data } = isNew
        ? await post<DetailResponse<{ documentId: string }>>(apiPath, body)
        : await put<DetailResponse<{ documentId: string }>>(`${apiPath}/${documentId}`, body);
      setSaved(values);
      toggleNotification({ type: 'success', message: t('form.saved') });
      navigate(detailPath(data.data.documentId));
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, intl);
      setErrors(fieldErrors);
      setRefusals((count) => count + 1);
      toggleNotification({
        type: 'danger',
        message: Object.keys(fieldErrors).length > 0 ? t('form.fixErrors') : messageOf(error),
      });
      setSubmitting(false);
    }
  };

  const label = (name: string) => t(`${labelPrefix}.${name}` as MessageKey);

  return (
    <Page.Main>
      <Page.Title>{title(values, isNew)}</Page.Title>
      <Dialog.Root
        open={blocker.state === 'blocked'}
        onOpenChange={(open: boolean) => !open && blocker.state === 'blocked' && blocker.reset()}
      >
        <Dialog.Content>
          <Dialog.Header>{t('form.leaveTitle')}</Dialog.Header>
          <Dialog.Body>
            <Typography>{t('form.leaveUnsaved')}</Typography>
          </Dialog.Body>
          <DialogActions>
            <Button variant="danger" onClick={() => blocker.state === 'blocked' && blocker.proceed()}>
              {t('form.leave')}
            </Button>
          </DialogActions>
        </Dialog.Content>
      </Dialog.Root>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Layouts.Header
          title={title(values, isNew)}
          primaryAction={
            <Button type="submit" startIcon={<Check />} loading={submitting}>
              {t('form.save')}
            </Button>
          }
          secondaryAction={
            <Button variant="tertiary" onClick={() => navigate(-1)}>
              {t('form.cancel')}
            </Button>
          }
        />
        <Layouts.Content>
          {aside?.(values, documentId)}
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Grid.Root gap={5}>
              {fields.map((spec) => {
                const id = `${labelPrefix}-${spec.name}`;
                const hint =
                  spec.kind === 'text' || spec.kind === 'email' ? (spec.hint?.(values) ?? null) : null;
                const error = errors[spec.name];
                // Strapi's field hides its hint under an error: both stay, and the input reads both
                const describedBy =
                  [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
                return (
                  <Grid.Item
                    key={spec.name}
                    col={spec.kind === 'textarea' ? 12 : 6}
                    s={12}
                    direction="column"
                    alignItems="stretch"
                  >
                    <Field.Root id={id} name={spec.name} error={error}>
                      <Field.Label>{label(spec.name)}</Field.Label>
                      {spec.kind === 'select' ? (
                        <FormSelect
                          name={spec.name}
                          value={(values[spec.name] as string | null) ?? ''}
                          options={spec.options}
                          onChange={setSelected}
                        />
                      ) : spec.kind === 'toggle' ? (
                        <Toggle
                          checked={values[spec.name] === true}
                          onLabel={t('form.yes')}
                          offLabel={t('form.no')}
                          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                            set(spec.name, event.target.checked)
                          }
                        />
                      ) : spec.kind === 'textarea' ? (
                        <Textarea
                          value={(values[spec.name] as string | null) ?? ''}
                          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                            set(spec.name, event.target.value)
                          }
                        />
                      ) : (
                        <TextInput
                          type={spec.kind === 'email' ? 'email' : 'text'}
                          value={(values[spec.name] as string | null) ?? ''}
                          aria-describedby={describedBy}
                          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                            set(spec.name, event.target.value)
                          }
                        />
                      )}
                      {hint && (
                        <Typography variant="pi" tag="p" id={`${id}-hint`} textColor="neutral600">
                          {hint}
                        </Typography>
                      )}
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                );
              })}
            </Grid.Root>
          </Box>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};
