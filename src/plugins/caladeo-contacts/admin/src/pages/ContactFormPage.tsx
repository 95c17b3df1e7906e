import { useMemo } from 'react';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { GENDERS, LANGUAGES } from '../../../shared/constants';
import { ContactDuplicateWarnings } from '../components/DuplicateWarnings';
import { RecordForm, type FieldSpec, type Values } from '../components/RecordForm';
import { API } from '../utils/api';
import { countryOptions } from '../utils/countries';
import { departementOf } from '../utils/departements';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';

const INITIAL = {
  firstName: '',
  lastName: '',
  gender: 'unspecified',
  email: '',
  phone: '',
  addressLine1: '',
  addressLine2: '',
  postalCode: '',
  city: '',
  region: '',
  country: 'FR',
  newsletter: false,
  preferredLanguage: 'fr',
};

/** The département of the contact's postal code; a contact without country at a French code is French. */
const departementOfValues = (values: Values) =>
  (values.country || 'FR') === 'FR' ? departementOf(String(values.postalCode ?? '')) : null;

/**
 * The département/région field follows the postal code, as the server would fill it on save: a
 * value typed by hand is kept, the one the form filled changes with the code.
 */
const fillDepartement = (next: Values, previous: Values): Values => {
  const before = departementOfValues(previous)?.name ?? null;
  const after = departementOfValues(next)?.name ?? null;
  if (before === after) return next;
  const region = String(next.region ?? '');
  return region === '' || region === before ? { ...next, region: after ?? '' } : next;
};

const ContactFormPage = () => {
  const { t, locale } = useT();
  const fields = useMemo<FieldSpec[]>(
    () => [
      { name: 'firstName', kind: 'text' },
      { name: 'lastName', kind: 'text' },
      {
        name: 'gender',
        kind: 'select',
        options: GENDERS.map((gender) => ({ value: gender, label: t(`gender.${gender}` as MessageKey) })),
      },
      { name: 'email', kind: 'email' },
      {
        name: 'phone',
        kind: 'text',
        // shown as the server will store it (E.164), from the contact's country
        hint: (values) => {
          const text = String(values.phone ?? '').trim();
          if (!text) return null;
          const parsed = parsePhoneNumberFromString(text, String(values.country || 'FR') as CountryCode);
          return parsed?.isValid()
            ? t('form.phoneStoredAs', { phone: parsed.number })
            : t('form.phoneInvalid');
        },
      },
      { name: 'addressLine1', kind: 'text' },
      { name: 'addressLine2', kind: 'text' },
      {
        name: 'postalCode',
        kind: 'text',
        hint: (values) => {
          const departement = departementOfValues(values);
          return departement ? t('form.departementSuggested', { departement: departement.code }) : null;
        },
      },
      { name: 'city', kind: 'text' },
      { name: 'region', kind: 'text' },
      {
        name: 'country',
        kind: 'select',
        options: countryOptions(locale).map((country) => ({ value: country.code, label: country.name })),
      },
      {
        name: 'preferredLanguage',
        kind: 'select',
        options: LANGUAGES.map((language) => ({
          value: language,
          label: t(`language.${language}` as MessageKey),
        })),
      },
      { name: 'newsletter', kind: 'toggle' },
    ],
    // the labels follow the admin's language
    [locale]
  );
  return (
    <RecordForm
      apiPath={`${API}/contacts`}
      fields={fields}
      initialValues={INITIAL}
      labelPrefix="contact"
      detailPath={PATHS.contact}
      derive={fillDepartement}
      aside={(values, documentId) => <ContactDuplicateWarnings values={values} documentId={documentId} />}
      title={(values, isNew) =>
        isNew
          ? t('contacts.new')
          : [values.firstName, values.lastName].filter(Boolean).join(' ') || t('contact.unnamed')
      }
    />
  );
};

export default ContactFormPage;
