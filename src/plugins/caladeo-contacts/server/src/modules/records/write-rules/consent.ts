import { errors } from '@strapi/utils';
import { UID } from '../../../../../shared/constants';
import type { DocumentRule } from './types';

const APPEND_ONLY_MESSAGE = 'the consent log is evidence: entries are added, never changed or deleted';

/**
 * The consent log is append-only through every entry point: only `create` passes. When a contact
 * is erased, its entries are anonymised by the contact's own rule with a direct query (see
 * services/consent-log.ts), which is the one change the log ever undergoes.
 */
export const consentRules = (): Record<string, DocumentRule> => ({
  [UID.consentEvent]: {
    async beforeWrite(call) {
      if (call.action !== 'create') throw new errors.ForbiddenError(APPEND_ONLY_MESSAGE);
    },
    async beforeDelete() {
      throw new errors.ForbiddenError(APPEND_ONLY_MESSAGE);
    },
  },
});
