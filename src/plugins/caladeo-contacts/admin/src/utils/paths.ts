import { PLUGIN_ID } from '../pluginId';

const ROOT = `/plugins/${PLUGIN_ID}`;

/** Where each page of the tab lives, so links never spell a path by hand. */
export const PATHS = {
  contacts: ROOT,
  newContact: `${ROOT}/contacts/new`,
  contact: (documentId: string) => `${ROOT}/contacts/${documentId}`,
  editContact: (documentId: string) => `${ROOT}/contacts/${documentId}/edit`,
  clients: `${ROOT}/clients`,
  newClient: `${ROOT}/clients/new`,
  client: (documentId: string) => `${ROOT}/clients/${documentId}`,
  editClient: (documentId: string) => `${ROOT}/clients/${documentId}/edit`,
  offers: `${ROOT}/offers`,
  offer: (documentId: string) => `${ROOT}/offers/${documentId}`,
  jobs: `${ROOT}/jobs`,
  imports: `${ROOT}/imports`,
  duplicates: `${ROOT}/duplicates`,
  retention: `${ROOT}/privacy/retention`,
  privacy: `${ROOT}/privacy`,
  /** The merge page of 2 to 5 contacts, by documentId. */
  merge: (ids: readonly string[]) => `${ROOT}/merge?ids=${ids.map(encodeURIComponent).join(',')}`,
  /** The merge page of 2 to 5 clients, by documentId. */
  clientMerge: (ids: readonly string[]) =>
    `${ROOT}/clients/merge?ids=${ids.map(encodeURIComponent).join(',')}`,
};
