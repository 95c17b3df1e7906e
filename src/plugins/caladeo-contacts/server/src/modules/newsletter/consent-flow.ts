import { AsyncLocalStorage } from 'async_hooks';

/**
 * Marks the public newsletter flows (sign-up, confirmation, unsubscribe). They write their own
 * consent events, with the visitor's IP and user agent and the consent text they saw; the
 * contact's document rule sees the mark and does not log the same change a second time.
 */
const publicFlow = new AsyncLocalStorage<true>();

export const runInPublicConsentFlow = <T>(work: () => Promise<T>) => publicFlow.run(true, work);

export const isInPublicConsentFlow = () => publicFlow.getStore() === true;
