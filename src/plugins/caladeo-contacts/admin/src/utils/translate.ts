import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import en from '../translations/en.json';

export type MessageKey = keyof typeof en;

/**
 * The plugin's strings, by key of en.json (the admin's language picks fr.json or en.json); `intl`
 * is for what is translated by a key the server chooses, such as a field error's code.
 */
export const useT = () => {
  const intl = useIntl();
  const { formatMessage, locale } = intl;
  const t = (key: MessageKey, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] }, values);
  return { t, locale, intl };
};
