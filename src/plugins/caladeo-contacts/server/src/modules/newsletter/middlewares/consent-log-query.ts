import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors, traverse } from '@strapi/utils';
import { UID } from '../../../../../shared/constants';

const CONSENT_LOG_SCOPE = `${UID.consentEvent}.find`;
const QUERY_PARAMS = ['populate', 'filters', 'sort', 'fields'] as const;
type QueryParam = (typeof QUERY_PARAMS)[number];

const traversals: Record<QueryParam, typeof traverse.traverseQueryPopulate> = {
  populate: traverse.traverseQueryPopulate,
  filters: traverse.traverseQueryFilters,
  sort: traverse.traverseQuerySort,
  fields: traverse.traverseQueryFields,
};

type AuthState = Parameters<Core.Strapi['auth']['verify']>[0];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const splitNames = (names: string) => names.split(',').map((name) => name.trim());

/**
 * Strapi reads `populate=clientLinks,consentEvents` (at any level) as two relations; the traversal
 * would read one unknown name. Lists are split first, so that no spelling slips past the check.
 */
const splitPopulateLists = (populate: unknown): unknown => {
  if (typeof populate === 'string') return populate === '*' ? populate : splitNames(populate);
  if (Array.isArray(populate)) {
    return populate.flatMap((entry) => (typeof entry === 'string' ? splitNames(entry) : [entry]));
  }
  if (!isPlainObject(populate)) return populate;
  return Object.fromEntries(
    Object.entries(populate).map(([name, nested]) => [
      name,
      isPlainObject(nested) && nested.populate !== undefined
        ? { ...nested, populate: splitPopulateLists(nested.populate) }
        : nested,
    ])
  );
};

/** The relation a query named and the parameter it named it in, or null when it never touches the log. */
const namedConsentLog = async (strapi: Core.Strapi, uid: string, query: Record<string, unknown>) => {
  const getModel = (modelUid: string) => strapi.getModel(modelUid as StrapiUID.Schema);
  const schema = getModel(uid);
  for (const param of QUERY_PARAMS) {
    // `populate=*` asks for whatever the caller may read, not for the log: the sanitizer handles it
    if (query[param] === undefined || query[param] === '*') continue;
    const value = param === 'populate' ? splitPopulateLists(query[param]) : query[param];
    let found: string | null = null;
    await traversals[param](
      ({ key, attribute }) => {
        const target = (attribute as { type?: string; target?: string } | undefined)?.target;
        if (attribute?.type === 'relation' && target === UID.consentEvent) found ??= key;
      },
      { schema, getModel },
      value
    );
    if (found) return { key: found, param };
  }
  return null;
};

const mayReadConsentLog = async (strapi: Core.Strapi, auth: AuthState) => {
  try {
    await strapi.auth.verify(auth, { scope: [CONSENT_LOG_SCOPE] });
    return true;
  } catch {
    return false;
  }
};

/**
 * Route middleware for the core `find`/`findOne` routes of `config.uid`. A query that names a
 * contact's consent log (`populate`, `filters`, `sort` or `fields` on `consentEvents`, at any depth)
 * is refused with 403 unless the caller may read the log. Strapi alone drops such a populate
 * silently and answers a filter with a bare "Invalid key": a caller must know that it is refused,
 * and why, rather than conclude that a contact has no consent history.
 */
const consentLogQuery =
  (config: { uid?: string }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { query: Record<string, unknown>; state: { auth?: AuthState } }, next: () => Promise<void>) => {
    const named = config.uid ? await namedConsentLog(strapi, config.uid, ctx.query) : null;
    if (named && !(ctx.state.auth && (await mayReadConsentLog(strapi, ctx.state.auth)))) {
      const message = `reading ${named.key} needs the permission ${CONSENT_LOG_SCOPE}`;
      // a PolicyError keeps its message and details: Strapi turns any other 403 thrown after its
      // authorization step into a bare "Forbidden"
      throw new errors.PolicyError(message, {
        param: named.param,
        errors: [{ path: [named.key], message, name: 'PolicyError' }],
      });
    }
    await next();
  };

export default consentLogQuery;
