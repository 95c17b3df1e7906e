import { ACTION } from '../../shared/constants';

const only = (action: string) => [{ action, subject: null }];

/** The admin actions each page and button needs, as `useRBAC` and `Page.Protect` take them. */
export const PERMISSIONS = {
  contacts: {
    read: only(ACTION['contacts.read']),
    create: only(ACTION['contacts.create']),
    update: only(ACTION['contacts.update']),
    delete: only(ACTION['contacts.delete']),
    export: only(ACTION['contacts.export']),
    merge: only(ACTION['contacts.merge']),
  },
  clients: {
    read: only(ACTION['clients.read']),
    create: only(ACTION['clients.create']),
    update: only(ACTION['clients.update']),
    delete: only(ACTION['clients.delete']),
    export: only(ACTION['clients.export']),
    merge: only(ACTION['clients.merge']),
  },
  offers: {
    read: only(ACTION['offers.read']),
  },
  consent: {
    read: only(ACTION['consent.read']),
    evidence: only(ACTION['consent.evidence']),
  },
  history: {
    read: only(ACTION['history.read']),
  },
  documents: {
    generate: only(ACTION['documents.generate']),
  },
  jobs: {
    read: only(ACTION['jobs.read']),
    manage: only(ACTION['jobs.manage']),
  },
  imports: {
    read: only(ACTION['imports.read']),
    create: only(ACTION['imports.create']),
    manage: only(ACTION['imports.manage']),
  },
  privacy: {
    erase: only(ACTION['privacy.erase']),
    export: only(ACTION['privacy.export']),
    settings: only(ACTION['privacy.settings']),
  },
  duplicates: {
    read: only(ACTION['contacts.read']),
    manage: only(ACTION['duplicates.manage']),
  },
};

/** Each resource's actions as one list, so that `useRBAC` answers canRead, canCreate… for it. */
export const allOf = (resource: keyof typeof PERMISSIONS) => Object.values(PERMISSIONS[resource]).flat();
