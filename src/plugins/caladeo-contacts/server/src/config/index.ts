import { DEFAULT_AGENCY, parseAgencyConfig } from '../documents/agency';

/**
 * The plugin's configuration (`config/plugins.ts` → `caladeo-contacts.config`), merged over these
 * defaults and checked at boot.
 */
export default {
  default: { agency: DEFAULT_AGENCY },
  validator(config: { agency?: unknown }) {
    parseAgencyConfig(config.agency);
  },
};
