import type { StrapiApp } from '@strapi/strapi/admin';
import { User } from '@strapi/icons';
import { QuoteDocumentAction } from './components/QuoteDocumentAction';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';
import { pluginMessages } from './utils/plugin-messages';

type TranslationModule = { default: Record<string, string> };
type ContentManagerApis = {
  addDocumentAction: (
    actions: (previous: (typeof QuoteDocumentAction)[]) => (typeof QuoteDocumentAction)[]
  ) => void;
};
type AdminApp = {
  registerPlugin: (plugin: { id: string; name: string }) => void;
  addMenuLink: (link: {
    to: string;
    icon: React.ElementType;
    intlLabel: { id: string; defaultMessage: string };
    permissions: Array<{ action: string; subject: null }>;
    Component: () => Promise<{ default: React.ComponentType }>;
  }) => void;
};

export default {
  register(app: AdminApp) {
    // the link only hides the tab; the pages are protected and the server checks every route
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: User,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Contacts' },
      permissions: PERMISSIONS.contacts.read,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    // offers are edited in the content manager: their quote is generated from there too
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    // after Strapi's own actions: on an offer, beside the Save button
    contentManager.addDocumentAction((actions) => [...actions, QuoteDocumentAction]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as TranslationModule;
          return { data: pluginMessages(locale, data), locale };
        } catch {
          // a locale without a file falls back to the admin's default strings
          return { data: {}, locale };
        }
      })
    );
  },
};
