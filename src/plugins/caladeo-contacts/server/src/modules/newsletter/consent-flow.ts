import { AsyncLocalStorage } from 'async_hooks';

/**
 * Marks the public newsletter flows (sign-up, confirmation, unsubscribe). They write their own
 * consent events, with the visitor's IP and user agent and the consent text they saw; the
 * contact's document rule sees the mark and does not log the same change a second time.
 */
const publicFlow = new AsyncLocalStorage<true>();

export const runInPublicConsentFlow = <T>(work: () => Promise<T>) => publicFlow.run(true, work);

export const isInPublicConsentFlow = () => publicFlow.getStore() === true;

/** Where the consent of an imported file's people comes from, stated once for the file. */
export type ImportConsentOrigin = {
  importDocumentId: string;
  /** Where and how these people consented, as the person importing the file stated it. */
  source: string;
  consentedAt: Date;
};

const importFlow = new AsyncLocalStorage<ImportConsentOrigin>();

/**
 * Marks the writes of an import: a change of `newsletter` they make is logged as set by the
 * import, with the basis its user stated, instead of as set through the API.
 */
export const runInImportConsentFlow = <T>(origin: ImportConsentOrigin, work: () => Promise<T>) =>
  importFlow.run(origin, work);

export const importConsentOrigin = () => importFlow.getStore() ?? null;
