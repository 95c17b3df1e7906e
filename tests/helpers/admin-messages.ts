import { createIntl } from 'react-intl';
import en from '../../src/plugins/caladeo-contacts/admin/src/translations/en.json';
import fr from '../../src/plugins/caladeo-contacts/admin/src/translations/fr.json';
import {
  translateFieldError,
  type FieldErrorEntry,
} from '../../src/plugins/caladeo-contacts/admin/src/utils/field-errors';
import { pluginMessages } from '../../src/plugins/caladeo-contacts/admin/src/utils/plugin-messages';

const TAB_STRINGS = { fr, en } as Record<'fr' | 'en', Record<string, string>>;

/** A field error of an answer as the admin panel shows it, in French or in English. */
export const inAdmin = (entry: FieldErrorEntry, language: 'fr' | 'en') =>
  translateFieldError(
    entry,
    createIntl({ locale: language, messages: pluginMessages(language, TAB_STRINGS[language]) })
  );
