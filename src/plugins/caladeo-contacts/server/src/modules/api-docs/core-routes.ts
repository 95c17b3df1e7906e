/**
 * The contract of a content type's core routes (find, findOne, create, update, delete). Strapi
 * gives them schemas of its own, but those say a documentId is a UUID, a string field is never
 * null, a boolean is "0" or "1", `publishedAt` must be sent, and lists have no `meta`: what the
 * API really answers and accepts is declared here instead. Only Strapi's generator and the API
 * document read these schemas; the requests are still validated by Strapi and the write rules.
 */
import { z } from 'zod';
import type { ApiTag, RouteDocs } from '../../utils/route-docs';
import type { ContentApiRoute } from '../../utils/routes';
import { LIST_ORDERS } from '../search/cursor';
import { isToMany, outputAttributesOf, recordSchema, type RecordModel } from './records';
import {
  anyObject,
  documentIdSchema,
  integer,
  listEnvelope,
  singleEnvelope,
  toManyRelationInput,
  toOneRelationInput,
} from './schemas';

export type CoreRouteSpec = {
  uid: string;
  tag: ApiTag;
  /** How the document names one record and several: 'contact', 'contacts'. */
  one: string;
  many: string;
  /** The list also answers `q`, `order` and `cursor` (docs/search.md). */
  searchable?: boolean;
  /** What a create or an update may send; a read-only type has none. */
  input?: {
    /** The request side of the record's normalisers (`requestFieldsOf`). */
    fields: Record<string, z.ZodType>;
    /** Fields and relations a create must send. */
    requiredOnCreate?: readonly string[];
    /** Relations the application keeps itself, which a write may not name. */
    keptByApplication?: readonly string[];
    /** Said of the update, e.g. which relations cannot change. */
    onUpdate?: string;
    /** When an update is refused with 409: the record's state forbids it. */
    updateConflict?: string;
  };
  /** Said of the delete, e.g. what goes with the record. */
  onDelete?: string;
};

// query parameters are optional: the generator marks the others required
const FILTERS = anyObject()
  .meta({
    description:
      'Strapi filters on the fields and relations, e.g. `filters[city][$eq]=Bordeaux` or ' +
      '`filters[client][documentId][$eq]=…`. Private fields cannot be filtered on (400).',
  })
  .optional();

const SEARCH_QUERY = {
  q: z
    .string()
    .meta({ description: 'Words to find, accent- and case-insensitive (docs/search.md).' })
    .optional(),
  order: z
    .enum(LIST_ORDERS)
    .meta({ description: 'The order of a search: `relevance` by default with `q`, else `name`.' })
    .optional(),
  cursor: z
    .string()
    .meta({ description: 'The `meta.pagination.nextCursor` of the previous page.' })
    .optional(),
};

const relationsOf = (model: RecordModel) =>
  outputAttributesOf(model).filter(([, attribute]) => attribute.type === 'relation');

/** Strapi's own `populate` schema has no object form (`populate[clientLinks][populate]=client`). */
const populateOf = (model: RecordModel) => {
  const names = relationsOf(model).map(([name]) => name) as [string, ...string[]];
  return z
    .union([z.literal('*'), z.enum(names), z.array(z.enum(names)), anyObject()])
    .meta({
      description:
        'Relations to include: `*`, one name, a list, or an object (`populate[clientLinks][populate]=client`). ' +
        'A relation the caller may not `find` comes back empty.',
    })
    .optional();
};

const bodyOf = (spec: CoreRouteSpec, model: RecordModel, action: 'create' | 'update') => {
  const input = spec.input;
  if (!input) throw new Error(`caladeo-contacts: ${spec.uid} has a ${action} route but no input contract`);
  const relations = relationsOf(model)
    .filter(([name]) => !input.keptByApplication?.includes(name))
    .map(
      ([name, attribute]) => [name, isToMany(attribute) ? toManyRelationInput : toOneRelationInput] as const
    );
  const required = action === 'create' ? (input.requiredOnCreate ?? []) : [];
  const shape = Object.fromEntries(
    [...Object.entries(input.fields), ...relations].map(([name, schema]) => [
      name,
      required.includes(name) ? schema : schema.optional(),
    ])
  );
  return { 'application/json': z.object({ data: z.object(shape) }) };
};

type Contract = Pick<ContentApiRoute, 'request' | 'response'> & { docs: RouteDocs };

/** What each action's contract is made of: the type, its model and schema, Strapi's own query schemas. */
type Context = {
  spec: CoreRouteSpec;
  model: RecordModel;
  record: z.ZodType;
  query: NonNullable<NonNullable<ContentApiRoute['request']>['query']>;
};

const PARAMS = { id: documentIdSchema };
const BAD_QUERY = 'A query parameter is malformed or names a private field.';
const BAD_BODY = 'A field is invalid or missing; `details.errors` lists each, and nothing is written.';
const notFound = ({ spec }: Context) => `No ${spec.one} has this documentId.`;
const readQuery = ({ model, query }: Context) => ({ ...query, populate: populateOf(model) });

const CONTRACTS: Record<string, (context: Context) => Contract> = {
  find: (context) => ({
    request: {
      query: { ...readQuery(context), filters: FILTERS, ...(context.spec.searchable ? SEARCH_QUERY : {}) },
    },
    response: listEnvelope(context.record, { searchable: Boolean(context.spec.searchable) }),
    docs: {
      tag: context.spec.tag,
      summary: `List ${context.spec.many}`,
      description: context.spec.searchable
        ? 'Strapi’s list, or a search with `q`, `order` and `cursor` (keyset pages, no `sort`). ' +
          'With `pagination[withCount]=false` the page comes without `total` and `totalIsExact`, ' +
          `sooner on a large base; \`GET /${context.spec.many}/count\` gives them apart.`
        : undefined,
      success: { status: 200, description: `A page of ${context.spec.many}.` },
      errors: { 400: BAD_QUERY },
    },
  }),
  findOne: (context) => ({
    request: { params: PARAMS, query: readQuery(context) },
    response: singleEnvelope(context.record),
    docs: {
      tag: context.spec.tag,
      summary: `Get a ${context.spec.one}`,
      success: { status: 200, description: `The ${context.spec.one}.` },
      errors: { 400: BAD_QUERY, 404: notFound(context) },
    },
  }),
  create: (context) => ({
    request: { query: readQuery(context), body: bodyOf(context.spec, context.model, 'create') },
    response: singleEnvelope(context.record),
    docs: {
      tag: context.spec.tag,
      summary: `Create a ${context.spec.one}`,
      description:
        'What is sent is normalised before it is stored (docs/data-model.md, “Rules that always hold”).',
      success: { status: 201, description: `The ${context.spec.one} as stored.` },
      errors: { 400: BAD_BODY },
    },
  }),
  update: (context) => ({
    request: {
      params: PARAMS,
      query: readQuery(context),
      body: bodyOf(context.spec, context.model, 'update'),
    },
    response: singleEnvelope(context.record),
    docs: {
      tag: context.spec.tag,
      summary: `Update a ${context.spec.one}`,
      description: ['Only the fields sent change.', context.spec.input?.onUpdate].filter(Boolean).join(' '),
      success: { status: 200, description: `The ${context.spec.one} as stored.` },
      errors: {
        400: BAD_BODY,
        404: notFound(context),
        ...(context.spec.input?.updateConflict ? { 409: context.spec.input.updateConflict } : {}),
      },
    },
  }),
  // the answer has no body: Strapi's `fields` and `populate` mean nothing here
  delete: (context) => ({
    request: { params: PARAMS },
    response: undefined,
    docs: {
      tag: context.spec.tag,
      summary: `Delete a ${context.spec.one}`,
      description: context.spec.onDelete,
      success: { status: 204, description: `The ${context.spec.one} is deleted.` },
      errors: { 404: notFound(context) },
    },
  }),
};

const COUNT_ANSWER = z
  .object({
    total: integer().meta({ description: 'Matching records, counted up to the cap (10,000 by default).' }),
    totalIsExact: z
      .boolean()
      .meta({ description: 'False beyond the cap: `total` is then a floor (shown as "10 000+").' }),
  })
  .meta({ id: 'ListTotal' });

/**
 * The contract of a searchable type's `GET /<many>/count` (records/index.ts): the total its list
 * shows for the same `q` and `filters`, for a caller that asked the list without it.
 */
export const searchCountContract = (spec: CoreRouteSpec): Contract => ({
  request: { query: { q: SEARCH_QUERY.q, filters: FILTERS } },
  response: COUNT_ANSWER,
  docs: {
    tag: spec.tag,
    summary: `Count the ${spec.many} a list finds`,
    description:
      `The \`total\` and \`totalIsExact\` that \`GET /${spec.many}\` shows for the same \`q\` and \`filters\`, ` +
      'for a list asked with `pagination[withCount]=false`: its rows first, its total when this answers. ' +
      `The same permission as the list (\`find\`).`,
    success: { status: 200, description: `How many ${spec.many} match.` },
    errors: { 400: `${BAD_QUERY} Only \`q\` and \`filters\` are taken.` },
  },
});

/**
 * The core routes of a content type (`coreRoutes`), each with its request and answer schemas and
 * its docs. Built when the routes are first read: the content types must exist.
 */
export const documentCoreRoutes = (spec: CoreRouteSpec, routes: ContentApiRoute[]): ContentApiRoute[] => {
  const model = strapi.contentType(spec.uid as 'plugin::caladeo-contacts.contact') as unknown as RecordModel;
  const record = recordSchema(spec.uid);
  return routes.map((route) => {
    const action = route.handler.split('.').pop() ?? '';
    const contract = CONTRACTS[action];
    if (!contract)
      throw new Error(`caladeo-contacts: no API document contract for the core action ${action}`);
    return { ...route, ...contract({ spec, model, record, query: route.request?.query ?? {} }) };
  });
};
