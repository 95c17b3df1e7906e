import type { StrapiApp } from '@strapi/strapi/admin';
import { ConsentLogPanel } from './components/ConsentLogPanel';
import { PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };
type ContentManagerApis = { addEditViewSidePanel: (panels: (typeof ConsentLogPanel)[]) => void };

const prefixKeys = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: { registerPlugin: (plugin: { id: string; name: string }) => void }) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    // the contact's consent log, beside its edit form in the content manager
    const contentManager = app.getPlugin('content-manager');
    (contentManager.apis as unknown as ContentManagerApis).addEditViewSidePanel([ConsentLogPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as TranslationModule;
          return { data: prefixKeys(data), locale };
        } catch {
          // a locale without a file falls back to the admin's default strings
          return { data: {}, locale };
        }
      })
    );
  },
};
