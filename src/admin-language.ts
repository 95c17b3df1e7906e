import type { Core } from '@strapi/strapi';
import { DEFAULT_ADMIN_LANGUAGE } from './admin/language';

const ADMIN_USER = 'admin::user';

/**
 * Every admin user created without an interface language gets French: the first administrator
 * (whose registration form has no language field), the users invited from Settings, and those
 * created by scripts. After login the panel switches to the user's `preferedLanguage`, so this is
 * what a new colleague sees. A language given at creation, or chosen later in the profile, is kept.
 *
 * Strapi writes admin users through the query engine, not the document service, so this is a
 * database lifecycle rather than a document middleware.
 */
export const giveNewAdminsTheDefaultLanguage = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER],
    beforeCreate(event) {
      const data = event.params.data as Record<string, unknown> | undefined;
      if (data && !data.preferedLanguage) data.preferedLanguage = DEFAULT_ADMIN_LANGUAGE;
    },
  });
};
