import type { Core } from '@strapi/strapi';
import { UID } from './plugins/caladeo-contacts/shared/constants';
import { OFFER_FIELD_CATALOGUE } from './plugins/caladeo-contacts/shared/fields';

/** Raised when the view below changes, so that the new one is applied once more. */
const OFFER_VIEW_VERSION = 1;
const APPLIED_KEY = { type: 'app', name: 'caladeo', key: 'offer-content-manager-view' } as const;

/**
 * The offer's labels in the content manager. A label there is one string for every interface
 * language (the content manager has no per-locale label), so they are the agency's French.
 */
const FRENCH_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(OFFER_FIELD_CATALOGUE).map(([name, spec]) => [name, spec.label.fr])),
  client: 'Client',
  contactLinks: 'Contacts et rôles',
};

/** The people on an offer are managed in the Contacts tab; the content manager would show link ids. */
const MANAGED_IN_THE_TAB = 'contactLinks';

type FieldMetadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
};

/** A label still as Strapi made it (the field's name) is replaced; one the admin typed is kept. */
const labelled = (metadata: FieldMetadata, name: string, label: string): FieldMetadata => {
  const keep = (view?: Record<string, unknown>) =>
    view && (view.label === undefined || view.label === name) ? { ...view, label } : view;
  return { ...metadata, edit: keep(metadata.edit), list: keep(metadata.list) };
};

/** The offer's content-manager view with French labels and without its links to contacts. */
export const offerViewConfiguration = (current: Configuration): Configuration => {
  const metadatas = Object.fromEntries(
    Object.entries(current.metadatas).map(([name, metadata]) => [
      name,
      FRENCH_LABELS[name] ? labelled(metadata, name, FRENCH_LABELS[name]) : metadata,
    ])
  );
  const links = metadatas[MANAGED_IN_THE_TAB];
  if (links) {
    metadatas[MANAGED_IN_THE_TAB] = {
      ...links,
      edit: { ...links.edit, visible: false },
      list: { ...links.list, searchable: false, sortable: false },
    };
  }
  return {
    ...current,
    metadatas,
    layouts: {
      ...current.layouts,
      list: current.layouts.list.filter((name) => name !== MANAGED_IN_THE_TAB),
      edit: current.layouts.edit
        .map((row) => row.filter((field) => field.name !== MANAGED_IN_THE_TAB))
        .filter((row) => row.length > 0),
    },
  };
};

/**
 * Sets the offer's content-manager view once per version: French labels where Strapi's default
 * (the field name) is still there, and the contact links out of the edit and list views. It is
 * applied once and remembered in the store, so that an admin who changes the view afterwards
 * (Configure the view) keeps what they chose on every later start. Runs after the content
 * manager's own bootstrap, which creates the default view.
 */
export const configureOfferContentManagerView = async (strapi: Core.Strapi) => {
  const store = strapi.store(APPLIED_KEY);
  const applied = (await store.get({})) as { version?: number } | null;
  if (applied && Number(applied.version) >= OFFER_VIEW_VERSION) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = contentTypes.findContentType(UID.offer);
  if (!contentType) return;
  const current = (await contentTypes.findConfiguration(contentType)) as Configuration & { uid: string };
  const { uid: _uid, ...configuration } = current;
  await contentTypes.updateConfiguration(contentType, offerViewConfiguration(configuration));
  await store.set({ value: { version: OFFER_VIEW_VERSION } });
};
