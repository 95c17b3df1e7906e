import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { fieldValidationError } from '../../../utils/errors';
import { fieldError, problem } from '../../../validation';
import { sortPaths } from './request-shape';

type Attribute = { type?: string; target?: string };
type GetModel = (uid: string) => { attributes: Record<string, Attribute> } | undefined;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first name of a sort path that is a field but has more names after it, or null. */
const fieldWithMore = (getModel: GetModel, uid: string, path: string[]) => {
  let model = getModel(uid);
  for (const name of path.slice(0, -1)) {
    if (!model) return null;
    // Strapi's own columns, which the model's attributes may not list
    if (name === 'id' || name === 'documentId') return name;
    const attribute = model.attributes[name];
    // an unknown name is Strapi's own 400 ("Invalid key")
    if (!attribute) return null;
    if (attribute.type !== 'relation' || !attribute.target) return name;
    model = getModel(attribute.target);
  }
  return null;
};

/**
 * The first sort of a query, at the top or in a `populate` object at any depth, that goes on past a
 * field that is not a relation (`sort=lastName.x`, `sort=id.id`, `populate[clientLinks][sort]=role.x`):
 * Strapi's validation lets it through and hands the rest to the database as a direction, which
 * fails with a 500.
 */
export const sortThroughFieldRefusal = (getModel: GetModel, uid: string, query: Record<string, unknown>) => {
  const stack: { uid: string; value: Record<string, unknown>; at: string[] }[] = [
    { uid, value: query, at: [] },
  ];
  while (stack.length > 0) {
    const { uid: levelUid, value, at } = stack.pop() as (typeof stack)[number];
    if (value.sort !== undefined) {
      const read = sortPaths(value.sort);
      if ('paths' in read) {
        for (const path of read.paths) {
          const field = fieldWithMore(getModel, levelUid, path);
          if (field) return fieldError([...at, 'sort'], problem('query.sortThroughField', { field }));
        }
      }
    }
    const populate = value.populate;
    if (!isPlainObject(populate)) continue;
    const attributes = getModel(levelUid)?.attributes ?? {};
    for (const [name, nested] of Object.entries(populate)) {
      const target = attributes[name]?.type === 'relation' ? attributes[name]?.target : undefined;
      if (target && isPlainObject(nested))
        stack.push({ uid: target, value: nested, at: [...at, 'populate', name] });
    }
  }
  return null;
};

/**
 * Route middleware of the record routes (`config.uid`) that take a sort, at the top or inside a
 * populate: a sort past a field is a 400 naming it, before the query runs.
 */
const sortThroughField =
  (config: { uid?: string }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (config.uid) {
      const getModel = ((uid: string) => strapi.getModel(uid as StrapiUID.Schema)) as GetModel;
      const refusal = sortThroughFieldRefusal(getModel, config.uid, ctx.query as Record<string, unknown>);
      if (refusal) throw fieldValidationError([refusal]);
    }
    await next();
  };

export default sortThroughField;
