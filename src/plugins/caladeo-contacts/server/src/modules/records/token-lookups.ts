import type { Core } from '@strapi/strapi';
import { apiSettings } from './settings';

/** Models whose writes change what a content-API token may do: any of them forgets every token. */
const TOKEN_MODELS = ['admin::api-token', 'admin::api-token-permission'];

/** Tokens remembered at most: an agency has a handful; past this the memory starts again. */
const MAX_REMEMBERED = 1_000;

type TokenService = { getByAccessKey: (accessKeyHash: string, options?: object) => Promise<unknown> };

/**
 * Remembers content-API tokens for `api.tokenCacheMs` (API_TOKEN_CACHE_MS) after their lookup. Without it each request of an
 * external app read its token and the token's permissions, owner and admin permissions again: four
 * statements out of the ten of a search, before any contact. Strapi's own checks still run on the
 * remembered token each time (its kind, its expiry, its type against the route's scope).
 *
 * A token created, changed or revoked through Strapi on this node is forgotten at once (the
 * database lifecycles of the token and permission models); on another node, or by a direct SQL
 * write, the change takes effect within that time. Only tokens found are remembered, so that an
 * unknown key is looked up each time, as before. 0 turns it off.
 */
export const rememberTokenLookups = (strapi: Core.Strapi) => {
  const service = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const lookUp = service.getByAccessKey.bind(service);
  const remembered = new Map<string, { token: unknown; until: number }>();
  // bumped by every change: a lookup that overlapped one does not keep what it read
  let generation = 0;

  service.getByAccessKey = async (accessKeyHash, options) => {
    // a lookup asking for more than Strapi's authentication does (the decrypted key) is not cached
    const ttlMs = apiSettings(strapi).tokenCacheMs;
    if (ttlMs <= 0 || (options && Object.keys(options).length > 0)) return lookUp(accessKeyHash, options);
    const now = Date.now();
    const known = remembered.get(accessKeyHash);
    if (known && known.until > now) return known.token;
    remembered.delete(accessKeyHash);
    const readAt = generation;
    const token = await lookUp(accessKeyHash);
    if (token && readAt === generation) {
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(accessKeyHash, { token, until: now + ttlMs });
    }
    return token;
  };

  const forget = () => {
    generation += 1;
    remembered.clear();
  };
  strapi.db.lifecycles.subscribe({
    models: TOKEN_MODELS,
    afterCreate: forget,
    afterCreateMany: forget,
    afterUpdate: forget,
    afterUpdateMany: forget,
    afterDelete: forget,
    afterDeleteMany: forget,
  });
};
