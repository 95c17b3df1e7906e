import { problem, type Problem } from '../../../validation';

/**
 * Bounds on what one request may ask of the database and of the server, checked before Strapi
 * reads it: a filter may cross at most `MAX_FILTER_PATH - 1` relations (a path of at most
 * `MAX_FILTER_PATH` names) and nest `MAX_FILTER_DEPTH` levels, a populate or a sort go at most
 * `MAX_POPULATE_DEPTH` relations deep, and a JSON body nests at most `MAX_BODY_DEPTH` levels.
 */
export const LIMITS = {
  MAX_FILTER_PATH: 4,
  MAX_FILTER_DEPTH: 12,
  MAX_POPULATE_DEPTH: 3,
  MAX_BODY_DEPTH: 32,
} as const;

/** Keys that would reach an object's prototype once merged or looked up in a schema. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A refusal naming where it is: the parameter's path and what is wrong there. */
export type ShapeRefusal = { path: string[]; problem: Problem };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** `$or[0]`, `$or[1]`… arrive as a list, or (past 20 items) as an object with numeric keys. */
const listItems = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key)))
    return Object.values(value);
  return null;
};

const LOGICAL = new Set(['$and', '$or']);

/**
 * The first thing in `filters` Strapi would fail on or that would cost too much: a list where
 * conditions are expected, a value operator holding conditions, a path through too many relations,
 * too deep a nesting. Walks with an explicit stack: no input can overflow it.
 */
export const filtersRefusal = (filters: unknown): ShapeRefusal | null => {
  if (filters === undefined) return null;
  // `depth` counts `$and`, `$or` and `$not` inside one another; `names`, the field names of the path
  const stack: { value: unknown; path: string[]; names: number; depth: number }[] = [
    { value: filters, path: ['filters'], names: 0, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, names, depth } = stack.pop() as (typeof stack)[number];
    if (depth > LIMITS.MAX_FILTER_DEPTH)
      return { path, problem: problem('query.filtersTooDeep', { max: LIMITS.MAX_FILTER_DEPTH }) };
    if (!isPlainObject(value)) return { path, problem: problem('query.filtersNotConditions') };
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (PROTOTYPE_KEYS.has(key)) return { path: at, problem: problem('query.prototypeKey') };
      if (LOGICAL.has(key)) {
        const items = listItems(child);
        if (!items) return { path: at, problem: problem('query.filtersNotConditions') };
        items.forEach((item, index) =>
          stack.push({ value: item, path: [...at, String(index)], names, depth: depth + 1 })
        );
      } else if (key === '$not') {
        if (!isScalar(child)) stack.push({ value: child, path: at, names, depth: depth + 1 });
      } else if (key.startsWith('$')) {
        // a value operator takes a value or a list of values, never conditions
        const values = Array.isArray(child) ? child : [child];
        if (!values.every(isScalar)) return { path: at, problem: problem('query.filtersNotConditions') };
      } else {
        if (names + 1 > LIMITS.MAX_FILTER_PATH)
          return { path: at, problem: problem('query.filterPathTooLong', { max: LIMITS.MAX_FILTER_PATH }) };
        const values = Array.isArray(child) ? child : [child];
        if (values.every(isScalar)) continue;
        stack.push({ value: child, path: at, names: names + 1, depth });
      }
    }
  }
  return null;
};

/** How many relations a populate crosses: `a.b.c` or `{ a: { populate: { b: … } } }`. */
export const populateRefusal = (populate: unknown): ShapeRefusal | null => {
  const stack: { value: unknown; path: string[]; depth: number }[] = [
    { value: populate, path: ['populate'], depth: 0 },
  ];
  const tooDeep = (path: string[]) => ({
    path,
    problem: problem('query.populateTooDeep', { max: LIMITS.MAX_POPULATE_DEPTH }),
  });
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      for (const entry of value.split(',')) {
        if (depth + entry.split('.').length > LIMITS.MAX_POPULATE_DEPTH) return tooDeep(path);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, String(index)], depth }));
    } else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        const at = [...path, key];
        if (PROTOTYPE_KEYS.has(key)) return { path: at, problem: problem('query.prototypeKey') };
        if (/^\d+$/.test(key)) stack.push({ value: child, path: at, depth });
        else if (depth + 1 > LIMITS.MAX_POPULATE_DEPTH) return tooDeep(at);
        else if (isPlainObject(child) && child.populate !== undefined)
          stack.push({ value: child.populate, path: [...at, 'populate'], depth: depth + 1 });
      }
    }
  }
  return null;
};

/**
 * The paths a sort names, as Strapi reads them: `sort=a.b.c:asc,d`, `sort[0]=…`, `{ a: { b: 'asc' } }`.
 * A prototype key is a refusal: the walk stops there.
 */
export const sortPaths = (sort: unknown): { paths: string[][] } | { refusal: ShapeRefusal } => {
  const entries: string[] = [];
  const stack: { value: unknown; prefix: string[] }[] = [{ value: sort, prefix: [] }];
  while (stack.length > 0) {
    const { value, prefix } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      if (prefix.length > 0) entries.push(prefix.join('.'));
      else entries.push(...value.split(',').map((entry) => entry.split(':')[0] ?? ''));
    } else if (Array.isArray(value)) value.forEach((item) => stack.push({ value: item, prefix }));
    else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (PROTOTYPE_KEYS.has(key))
          return { refusal: { path: ['sort', key], problem: problem('query.prototypeKey') } };
        stack.push({ value: child, prefix: /^\d+$/.test(key) ? prefix : [...prefix, key] });
      }
    }
  }
  return { paths: entries.map((entry) => entry.trim().split('.')) };
};

/** A sort on a field of a relation of a relation…: `sort=a.b.c:asc`, or `sort[0]=…`, or `{ a: { b: 'asc' } }`. */
export const sortRefusal = (sort: unknown): ShapeRefusal | null => {
  const read = sortPaths(sort);
  if ('refusal' in read) return read.refusal;
  return read.paths.some((path) => path.length > LIMITS.MAX_POPULATE_DEPTH + 1)
    ? { path: ['sort'], problem: problem('query.sortPathTooLong', { max: LIMITS.MAX_POPULATE_DEPTH }) }
    : null;
};

/**
 * The first key of a parsed JSON body (or query) that would reach a prototype, or a nesting deeper
 * than `MAX_BODY_DEPTH`; in a query, also a NUL character in a name or a value. Walks with an
 * explicit stack, so a body nested 100,000 times is a refusal, not a stack overflow.
 */
export const bodyRefusal = (body: unknown, root: 'body' | 'query' = 'body'): ShapeRefusal | null => {
  const prototypeKey = problem(root === 'body' ? 'body.prototypeKey' : 'query.prototypeKey');
  const stack: { value: unknown; path: string[] }[] = [{ value: body, path: [root] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as (typeof stack)[number];
    // PostgreSQL refuses a NUL in any text it is sent, with an error that would be a 500
    if (root === 'query' && typeof value === 'string' && value.includes('\u0000'))
      return { path, problem: problem('text.controlCharacters') };
    if (value === null || typeof value !== 'object') continue;
    if (path.length > LIMITS.MAX_BODY_DEPTH + 1)
      return { path: path.slice(0, 4), problem: problem('body.tooDeep', { max: LIMITS.MAX_BODY_DEPTH }) };
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return { path: [...path, key], problem: prototypeKey };
      if (root === 'query' && key.includes('\u0000'))
        return { path: [...path, key], problem: problem('text.controlCharacters') };
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
};

/** The first refusal of a REST query: its filters, populate, sort, then any prototype key. */
export const queryRefusal = (query: Record<string, unknown>): ShapeRefusal | null =>
  filtersRefusal(query.filters) ??
  (query.populate === undefined ? null : populateRefusal(query.populate)) ??
  (query.sort === undefined ? null : sortRefusal(query.sort)) ??
  bodyRefusal(query, 'query');
