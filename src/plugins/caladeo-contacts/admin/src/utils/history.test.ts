import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import { fieldLabelMessages, type FieldLabelKey } from '../../../shared/fields';
import en from '../translations/en.json';
import fr from '../translations/fr.json';
import { historyFieldLabel, scrubbedFieldsText } from './history';

/** The timeline's « values erased » line in a language, as the admin's intl formats it. */
const scrubbedLine = (
  locale: 'fr' | 'en',
  fields: string[],
  targetType: 'contact' | 'client' = 'contact'
) => {
  const messages = { ...fieldLabelMessages(locale), ...(locale === 'fr' ? fr : en) } as Record<
    string,
    string
  >;
  const intl = createIntl({ locale, messages });
  const label = (key: FieldLabelKey) => intl.formatMessage({ id: key });
  return intl.formatMessage(
    { id: 'history.scrubbed' },
    { fields: scrubbedFieldsText(label, targetType, false, fields) }
  );
};

describe('the history timeline’s field labels', () => {
  it('names the erased fields by their form labels, in French and in English', () => {
    expect(scrubbedLine('fr', ['postalCode', 'city', 'region'])).toBe(
      'Valeurs effacées (Code postal, Ville, Département / région)'
    );
    expect(scrubbedLine('en', ['firstName', 'email'])).toBe('Values erased (First name, E-mail)');
  });

  it('labels a link entry’s fields as the link’s, and keeps a name the catalogue does not label', () => {
    const french = (key: FieldLabelKey) => fieldLabelMessages('fr')[key];
    expect(historyFieldLabel(french, 'contact', true, 'role')).toBe('Rôle');
    expect(historyFieldLabel(french, 'client', false, 'siret')).toBe('SIRET');
    expect(historyFieldLabel(french, 'contact', false, 'mergedContacts')).toBe('mergedContacts');
  });
});
