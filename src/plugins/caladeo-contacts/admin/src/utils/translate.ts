import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import en from '../translations/en.json';

export type MessageKey = keyof typeof en;

/** The plugin's strings, by key of en.json (the admin's language picks fr.json or en.json). */
export const useT = () => {
  const { formatMessage, locale } = useIntl();
  const t = (key: MessageKey, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] }, values);
  return { t, locale };
};
