import { ADMIN_LANGUAGE_STORAGE_KEY, ADMIN_LANGUAGES, DEFAULT_ADMIN_LANGUAGE } from './language';

export default {
  config: {
    locales: [...ADMIN_LANGUAGES],
  },
  bootstrap() {
    // Strapi shows the language stored in the browser, else English. A browser that never chose one
    // gets French, from the login page on; a language picked there or in the profile is kept.
    if (!window.localStorage.getItem(ADMIN_LANGUAGE_STORAGE_KEY)) {
      window.localStorage.setItem(ADMIN_LANGUAGE_STORAGE_KEY, DEFAULT_ADMIN_LANGUAGE);
    }
  },
};
