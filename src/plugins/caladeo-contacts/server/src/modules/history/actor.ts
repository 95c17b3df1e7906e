/**
 * Who makes the change being recorded, and through which entry point. A request says it itself
 * (Strapi's authentication and the route's prefix); work that runs outside a request (a job, an
 * import) states it with `withActor`, which the code it calls inherits.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import type { HistoryActorType, HistoryEntryPoint } from '../../../../shared/constants';
import { isInPublicConsentFlow } from '../newsletter/consent-flow';

export type HistoryActor = {
  type: HistoryActorType;
  id?: string | null;
  name?: string | null;
  /** Where the change comes in; the actor type's usual one unless said. */
  entryPoint?: HistoryEntryPoint;
};

export type ResolvedActor = {
  type: HistoryActorType;
  id: string | null;
  name: string | null;
  entryPoint: HistoryEntryPoint;
};

const stated = new AsyncLocalStorage<ResolvedActor>();

const DEFAULT_ENTRY_POINT: Record<HistoryActorType, HistoryEntryPoint> = {
  admin_user: 'admin',
  api_token: 'rest',
  api_user: 'rest',
  visitor: 'newsletter',
  import: 'import',
  job: 'job',
  system: 'system',
};

const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;

const resolved = (actor: HistoryActor): ResolvedActor => ({
  type: actor.type,
  id: text(actor.id) ?? null,
  name: text(actor.name) ?? null,
  entryPoint: actor.entryPoint ?? DEFAULT_ENTRY_POINT[actor.type],
});

/**
 * Runs `work` with every change it makes recorded as made by `actor` (an import, a job, a merge…),
 * whatever request or job it runs in. The innermost statement wins.
 */
export const withActor = <T>(actor: HistoryActor, work: () => Promise<T>): Promise<T> =>
  stated.run(resolved(actor), work);

type AuthState = { strategy?: { name?: string }; credentials?: Record<string, unknown> | null };
type RequestState = {
  path?: string;
  request?: { path?: string };
  state?: { auth?: AuthState; user?: Record<string, unknown> | null };
};

const entryPointOfPath = (strapi: Core.Strapi, path: string): HistoryEntryPoint => {
  const graphqlPath = strapi.config.get<string>('plugin::graphql.endpoint', '/graphql');
  if (path === graphqlPath || path.startsWith(`${graphqlPath}/`)) return 'graphql';
  const restPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  if (path === restPrefix || path.startsWith(`${restPrefix}/`)) return 'rest';
  return 'admin';
};

const adminName = (user: Record<string, unknown> | null | undefined) => {
  const full = [text(user?.firstname), text(user?.lastname)].filter(Boolean).join(' ');
  return full || text(user?.email);
};

/** The actor of the current request, from the authentication Strapi attached to it. */
const actorOfRequest = (strapi: Core.Strapi, ctx: RequestState): ResolvedActor => {
  const path = ctx.request?.path ?? ctx.path ?? '';
  const entryPoint = entryPointOfPath(strapi, path);
  const auth = ctx.state?.auth;
  const credentials = auth?.credentials ?? null;
  switch (auth?.strategy?.name) {
    case 'admin': {
      const user = ctx.state?.user ?? credentials;
      return { type: 'admin_user', id: text(user?.id), name: adminName(user), entryPoint };
    }
    case 'api-token':
    case 'content-api-token':
    case 'admin-token':
      return { type: 'api_token', id: text(credentials?.id), name: text(credentials?.name), entryPoint };
    case 'users-permissions':
      return {
        type: 'api_user',
        id: text(credentials?.id),
        name: text(credentials?.username) ?? text(credentials?.email),
        entryPoint,
      };
    default:
      return { type: 'visitor', id: null, name: null, entryPoint };
  }
};

/**
 * Who is making the current change: the public newsletter flows first (a visitor, whichever job
 * runs them), then what `withActor` stated, then the request's caller; with none, the system.
 */
export const currentActor = (strapi: Core.Strapi): ResolvedActor => {
  if (isInPublicConsentFlow()) return resolved({ type: 'visitor' });
  const statedActor = stated.getStore();
  if (statedActor) return statedActor;
  const ctx = strapi.requestContext.get() as RequestState | undefined;
  return ctx ? actorOfRequest(strapi, ctx) : resolved({ type: 'system' });
};
