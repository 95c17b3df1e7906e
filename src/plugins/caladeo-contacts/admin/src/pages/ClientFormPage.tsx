import { useMemo } from 'react';
import { CLIENT_TYPES } from '../../../shared/constants';
import { ClientDuplicateWarnings } from '../components/DuplicateWarnings';
import { RecordForm, type FieldSpec } from '../components/RecordForm';
import { API } from '../utils/api';
import { countryOptions } from '../utils/countries';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';

const INITIAL = {
  name: '',
  type: 'company',
  email: '',
  phone: '',
  addressLine1: '',
  addressLine2: '',
  postalCode: '',
  city: '',
  region: '',
  country: 'FR',
  siret: '',
  notes: '',
};

const ClientFormPage = () => {
  const { t, locale } = useT();
  const fields = useMemo<FieldSpec[]>(
    () => [
      { name: 'name', kind: 'text' },
      {
        name: 'type',
        kind: 'select',
        options: CLIENT_TYPES.map((type) => ({ value: type, label: t(`clientType.${type}` as MessageKey) })),
      },
      { name: 'email', kind: 'email' },
      { name: 'phone', kind: 'text' },
      { name: 'addressLine1', kind: 'text' },
      { name: 'addressLine2', kind: 'text' },
      { name: 'postalCode', kind: 'text' },
      { name: 'city', kind: 'text' },
      { name: 'region', kind: 'text' },
      {
        name: 'country',
        kind: 'select',
        options: countryOptions(locale).map((country) => ({ value: country.code, label: country.name })),
      },
      { name: 'siret', kind: 'text' },
      { name: 'notes', kind: 'textarea' },
    ],
    [locale]
  );
  return (
    <RecordForm
      apiPath={`${API}/clients`}
      fields={fields}
      initialValues={INITIAL}
      labelPrefix="client"
      detailPath={PATHS.client}
      aside={(values, documentId) => <ClientDuplicateWarnings values={values} documentId={documentId} />}
      title={(values, isNew) => (isNew ? t('clients.new') : String(values.name ?? ''))}
    />
  );
};

export default ClientFormPage;
