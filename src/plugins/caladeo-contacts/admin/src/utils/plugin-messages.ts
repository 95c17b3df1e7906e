import { errorMessageTranslations } from '../../../shared/error-messages';
import { fieldLabelMessages } from '../../../shared/fields';
import { PLUGIN_ID } from '../pluginId';

/**
 * Every string the plugin gives the admin in a language, under the ids react-intl reads
 * (`caladeo-contacts.<key>`): the tab's own strings (translations/<locale>.json), the field labels
 * of the field catalogue and the field-error messages `error.<code>` shared with the server.
 */
export const pluginMessages = (locale: string, tabStrings: Record<string, string>) => {
  const language = locale === 'fr' ? 'fr' : 'en';
  const messages = {
    ...fieldLabelMessages(language),
    ...errorMessageTranslations(language),
    ...tabStrings,
  };
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
};
