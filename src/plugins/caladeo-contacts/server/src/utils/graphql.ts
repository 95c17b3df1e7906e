import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { ManagedUid } from '../../../shared/constants';

/** Keeps the application's own bookkeeping tables out of the GraphQL schema (REST has no routes for them). */
export const hideFromGraphql = (strapi: Core.Strapi, uids: ManagedUid[]) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  for (const uid of uids) graphql.service('extension').shadowCRUD(uid).disable();
};

/**
 * Leaves fields out of a type's GraphQL input (create and update `data`), so that the schema itself
 * refuses a mutation naming one; they stay in the output unless private.
 */
export const keepOutOfGraphqlInput = (strapi: Core.Strapi, uid: string, fields: readonly string[]) => {
  const graphql = strapi.plugin('graphql');
  const model = strapi.getModel(uid as StrapiUID.Schema);
  if (!graphql || !model) return;
  const shadowCRUD = graphql.service('extension').shadowCRUD(uid);
  for (const field of fields) if (field in model.attributes) shadowCRUD.field(field).disableInput();
};

type ErrorEnvelope = { name: string; message: string; details: unknown };

/**
 * Answers a GraphQL request refused by a middleware before the endpoint, the way the endpoint gives
 * Strapi's errors: in `errors`, with the REST envelope's name, message and details in
 * `extensions.error`, and the HTTP status of the refusal.
 */
export const answerGraphqlError = (
  ctx: { status: number; type: string; body: unknown },
  status: number,
  { name, message, details }: ErrorEnvelope,
  code?: string
) => {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = {
    errors: [{ message, extensions: { error: { name, message, details }, ...(code ? { code } : {}) } }],
  };
};
