import type { Core } from '@strapi/strapi';
import type { ManagedUid } from '../../../shared/constants';

/** Keeps the application's own bookkeeping tables out of the GraphQL schema (REST has no routes for them). */
export const hideFromGraphql = (strapi: Core.Strapi, uids: ManagedUid[]) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  for (const uid of uids) graphql.service('extension').shadowCRUD(uid).disable();
};
