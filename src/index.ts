import type { Core } from '@strapi/strapi';
import { giveNewAdminsTheDefaultLanguage } from './admin-language';
import { applyMigrationsAfterSync } from './database/apply-migrations';
import { configureOfferContentManagerView } from './offer-content-manager';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await applyMigrationsAfterSync(strapi);
    giveNewAdminsTheDefaultLanguage(strapi);
    await configureOfferContentManagerView(strapi);
  },
};
