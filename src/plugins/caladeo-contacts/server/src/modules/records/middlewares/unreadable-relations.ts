import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { UID } from '../../../../../shared/constants';

type Json = Record<string, unknown>;
type AuthState = Parameters<Core.Strapi['auth']['verify']>[0];
type RelationAttribute = { type: 'relation'; relation: string; target: string };

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The types whose relations to each other (links, a link's ends, an offer's client) are filled. */
const RECORD_UIDS: ReadonlySet<string> = new Set([
  UID.contact,
  UID.client,
  UID.clientContact,
  UID.offerContact,
  UID.offer,
]);

const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * The relations a REST `populate` asks for at one level, each with what it asks for below it:
 * `*`, `a,b`, `a.b`, `[a, b]`, `{ a: true }`, `{ a: { populate: … } }`, as Strapi reads them.
 * `relationNames` are the level's relations, which `*` stands for.
 */
export const requestedRelations = (
  populate: unknown,
  relationNames: readonly string[]
): Map<string, unknown> => {
  const requested = new Map<string, unknown>();
  // `a.b,a.c` asks for `a` with `b` and `c` below it
  const paths = new Map<string, string[]>();
  const addAll = () => relationNames.forEach((name) => requested.set(name, requested.get(name)));
  const addPath = (path: string) => {
    const [name, ...below] = path.trim().split('.');
    if (name === '*') return addAll();
    if (!name) return;
    const belowPaths = paths.get(name) ?? [];
    if (below.length > 0) belowPaths.push(below.join('.'));
    paths.set(name, belowPaths);
  };
  if (isTrue(populate)) addAll();
  else if (typeof populate === 'string') populate.split(',').forEach(addPath);
  else if (Array.isArray(populate)) {
    populate.forEach((entry) => typeof entry === 'string' && entry.split(',').forEach(addPath));
  } else if (isObject(populate)) {
    for (const [name, nested] of Object.entries(populate)) {
      if (isTrue(nested)) requested.set(name, undefined);
      else if (isObject(nested)) requested.set(name, nested.populate);
    }
  }
  for (const [name, belowPaths] of paths) {
    requested.set(name, belowPaths.length > 0 ? belowPaths : requested.get(name));
  }
  return requested;
};

const relationsOf = (model: { attributes: Record<string, unknown> }) =>
  Object.entries(model.attributes).filter(
    (entry): entry is [string, RelationAttribute] =>
      (entry[1] as { type?: string }).type === 'relation' &&
      RECORD_UIDS.has((entry[1] as RelationAttribute).target)
  );

/**
 * Route middleware for the core routes of `config.uid` that reply with records. Strapi drops a
 * populated relation whose type the caller may not `find` from the reply altogether; a client
 * reading `contact.clientLinks` then finds no key where the docs promise one. Such a relation
 * comes back empty instead: `[]` for a list (`clientLinks`, `offerLinks`, `contactLinks`,
 * `offers`), `null` for one record (`client`, `contact`, `offer`). Only ever an empty value: what
 * the caller may not read is never fetched, so nothing of it can leak.
 */
const unreadableRelations =
  (config: { uid?: string }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { body: unknown; query: Json; state: { auth?: AuthState } }, next: () => Promise<void>) => {
    await next();
    const { body } = ctx;
    const { auth } = ctx.state;
    if (!config.uid || !auth || !isObject(body) || !('data' in body)) return;

    const readable = new Map<string, Promise<boolean>>();
    const mayRead = (target: string) => {
      if (!readable.has(target)) {
        const verified = strapi.auth.verify(auth, { scope: [`${target}.find`] }).then(
          () => true,
          () => false
        );
        readable.set(target, verified);
      }
      return readable.get(target) as Promise<boolean>;
    };

    const fill = async (modelUid: string, value: unknown, populate: unknown): Promise<void> => {
      if (Array.isArray(value)) {
        for (const item of value) await fill(modelUid, item, populate);
        return;
      }
      const model = strapi.getModel(modelUid as StrapiUID.Schema);
      if (!isObject(value) || !model) return;
      const relations = new Map(relationsOf(model));
      const requested = requestedRelations(populate, [...relations.keys()]);
      for (const [name, below] of requested) {
        const attribute = relations.get(name);
        if (!attribute || contentTypes.isPrivateAttribute(model, name)) continue;
        if (name in value) await fill(attribute.target, value[name], below);
        else if (!(await mayRead(attribute.target))) {
          value[name] = attribute.relation.endsWith('Many') ? [] : null;
        }
      }
    };
    await fill(config.uid, body.data, ctx.query.populate);
  };

export default unreadableRelations;
