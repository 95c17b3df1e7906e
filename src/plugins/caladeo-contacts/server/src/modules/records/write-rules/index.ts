import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { consentRules } from './consent';
import { linkRules } from './links';
import { recordRules } from './records';
import type { DocumentCall } from './types';
import { translateUniqueViolation } from './unique-violations';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/** The document service answers a delete of nothing with an empty list of deleted entries. */
const deletedNothing = (result: unknown) => {
  const { entries } = (result ?? {}) as { entries?: unknown };
  return Array.isArray(entries) && entries.length === 0;
};

/**
 * A delete that found nothing is an error, not a success: a client that deleted the wrong
 * documentId must be told (REST 404, GraphQL STRAPI_NOT_FOUND_ERROR), whatever the entry point.
 */
const notFound = (strapi: Core.Strapi, call: DocumentCall) => {
  const name = strapi.getModel(call.uid as StrapiUID.Schema)?.info.displayName.toLowerCase() ?? 'document';
  return new errors.NotFoundError(`No ${name} has documentId ${call.params.documentId ?? ''}`);
};

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
        throw (await translateUniqueViolation(strapi, error, call.params.data)) ?? error;
      }
      if (call.action === 'delete' && deletedNothing(result)) throw notFound(strapi, call);
      if (after) await after(result);
      return result;
    });
  });
};
