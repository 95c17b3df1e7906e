import type { Core } from '@strapi/strapi';
import { consentRules } from './consent';
import { linkRules } from './links';
import { recordRules } from './records';
import type { DocumentCall } from './types';
import { translateUniqueViolation } from './unique-violations';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/**
 * The one choke point of the plugin's data: a document-service middleware, so the admin content
 * manager, REST, GraphQL and any import all cross it. Each rule runs in the same transaction as the
 * write it guards, so a refused write leaves nothing behind.
 */
export const registerDocumentRules = (strapi: Core.Strapi) => {
  const rules = { ...recordRules(strapi), ...linkRules(strapi), ...consentRules() };

  strapi.documents.use(async (context, next) => {
    const call = context as unknown as DocumentCall;
    const rule = rules[call.uid];
    const isWrite = WRITE_ACTIONS.has(call.action);
    if (!rule || !(isWrite || call.action === 'delete')) return next();

    return strapi.db.transaction(async () => {
      const after = isWrite ? await rule.beforeWrite?.(call) : await rule.beforeDelete?.(call);
      let result: Awaited<ReturnType<typeof next>>;
      try {
        result = await next();
      } catch (error) {
        throw translateUniqueViolation(error) ?? error;
      }
      if (after) await after(result);
      return result;
    });
  });
};
