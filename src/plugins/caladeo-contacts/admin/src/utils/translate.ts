import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { fieldLabelMessages, type FieldLabelKey } from '../../../shared/fields';
import en from '../translations/en.json';

/** A string of the tab: from en.json/fr.json, or a field's label from the field catalogue. */
export type MessageKey = keyof typeof en | FieldLabelKey;

const ENGLISH: Record<MessageKey, string> = { ...en, ...fieldLabelMessages('en') };

/**
 * The plugin's strings, by key (the admin's language picks fr.json or en.json, and the field
 * catalogue's labels in that language); `intl`
 * is for what is translated by a key the server chooses, such as a field error's code.
 */
export const useT = () => {
  const intl = useIntl();
  const { formatMessage, locale } = intl;
  // one function per language, so that what is memoised on `t` stays so
  const t = useCallback(
    (key: MessageKey, values?: Record<string, string | number>) =>
      formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: ENGLISH[key] }, values),
    [formatMessage]
  );
  return { t, locale, intl };
};
