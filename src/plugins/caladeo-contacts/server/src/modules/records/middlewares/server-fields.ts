import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { STRAPI_SYSTEM_FIELDS } from '../../../utils/database-model';
import { fieldValidationError } from '../../../utils/errors';
import { fieldError, problem } from '../../../validation';

type AttributeFlags = { private?: boolean; configurable?: boolean };

/**
 * The root fields of a type's write body that only the server sets: Strapi's own (our types have no
 * drafts and no locales, so naming those asks for what cannot happen), and the columns
 * the application derives (`private` and not `configurable` in the schema: search text, match keys,
 * a link's `primaryOf`).
 */
export const serverOwnedFields = (model: { attributes: Record<string, unknown> }): string[] => {
  const derived = Object.entries(model.attributes as Record<string, AttributeFlags>)
    .filter(([, attribute]) => attribute.private === true && attribute.configurable === false)
    .map(([name]) => name);
  return [...new Set([...STRAPI_SYSTEM_FIELDS, ...derived])];
};

/** The server-owned fields a write body's `data` names, in the order it names them. */
export const serverFieldsIn = (data: unknown, owned: readonly string[]): string[] => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.keys(data).filter((key) => owned.includes(key));
};

/**
 * Route middleware of the content API's create and update routes of `config.uid`. A body that
 * names a field only the server sets is a 400 naming each such field, before the controller runs:
 * Strapi's input sanitiser would otherwise drop the private ones (`searchText`…) and the document
 * service ignore `publishedAt`, and the caller believe they were written. The admin's routes and
 * the application's services (imports, merges, erasure, the search index) write through the
 * document service and never cross this.
 */
const serverFields = (config: { uid?: string }, { strapi }: { strapi: Core.Strapi }) => {
  let owned: string[] | undefined;
  return async (ctx: Context, next: Next) => {
    const model = config.uid ? strapi.getModel(config.uid as StrapiUID.Schema) : undefined;
    owned ??= model ? serverOwnedFields(model) : [];
    const body = (ctx.request as { body?: { data?: unknown } }).body;
    const named = serverFieldsIn(body?.data, owned);
    if (named.length > 0) {
      throw fieldValidationError(named.map((field) => fieldError([field], problem('body.serverField'))));
    }
    await next();
  };
};

export default serverFields;
