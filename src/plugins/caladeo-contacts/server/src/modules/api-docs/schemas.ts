/**
 * The building blocks of the API document's schemas: documentIds, Strapi's answer envelopes, its
 * error envelope with the plugin's field errors, relation inputs, and the request side of the
 * field library's normalisers. Schemas given a `meta` id become named components of the document.
 */
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from '../../../../shared/constants';
import { FIELD_ERROR_CODES, type FieldErrorCode } from '../../validation';

/** True when two types are the same, each assignable to the other: a schema that says what a type is. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** A string in a JSON Schema format, without the long pattern zod would spell next to it. */
export const formatted = (format: 'date' | 'date-time' | 'email') => z.string().meta({ format });

/** A whole number, without the safe-integer bounds zod would spell next to it. */
export const integer = () => z.number().meta({ type: 'integer' });

/**
 * An object of any keys. Not `z.record`: Strapi's generator converts with its own zod (4.4), which
 * fails on a record of the app's zod (4.6); everything else converts across the two.
 */
export const anyObject = () => z.object({}).catchall(z.unknown());

export const documentIdSchema = z
  .string()
  .regex(DOCUMENT_ID_PATTERN)
  .meta({
    id: 'DocumentId',
    description: 'What names a record: lower-case letters and digits, as Strapi generates them.',
    examples: ['sw6fqp16qlubhsu3be923rxr'],
  });

/** One refused field of a 400: the plugin's entries carry `code` and `values`, Strapi's own a `value`. */
export const fieldErrorSchema = z.object({
  path: z
    .array(z.union([z.string(), integer()]))
    .meta({ description: 'Where the field is, e.g. ["email"].' }),
  message: z.string().meta({ description: 'English, for logs; show `code` to people.' }),
  name: z.string(),
  code: z
    .enum(FIELD_ERROR_CODES as [FieldErrorCode, ...FieldErrorCode[]])
    .optional()
    .meta({
      description:
        'Stable; the table of docs/api.md gives the English text of each. A later version may add codes: show the message of one you do not know.',
    }),
  values: anyObject().optional().meta({ description: 'What the message names, e.g. { "max": 100 }.' }),
  value: z.unknown().optional().meta({ description: 'The refused value, in Strapi’s own entries.' }),
});

/** Strapi's error envelope, which every refusal of the API answers. */
export const errorSchema = z.object({
  data: z.null(),
  error: z.object({
    status: integer(),
    name: z.string().meta({ examples: ['ValidationError', 'ForbiddenError', 'NotFoundError'] }),
    message: z.string(),
    details: z
      .object({ errors: z.array(fieldErrorSchema).optional() })
      .catchall(z.unknown())
      .meta({ description: 'For a ValidationError, `errors` lists every refused field at once.' }),
  }),
});

/** The errors' components, converted once: Strapi's generator never sees them on a route. */
export const errorComponents = () => {
  const registry = z.registry<{ id: string }>();
  registry.add(errorSchema, { id: 'Error' });
  registry.add(fieldErrorSchema, { id: 'FieldError' });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // each schema names itself by its address; the document's components need not
  const components = schemas as Record<'Error' | 'FieldError', Record<string, unknown>>;
  for (const schema of Object.values(components)) delete schema.$id;
  return components;
};

/** The answer of a read or a write of one record. */
export const singleEnvelope = (data: z.ZodType) => z.object({ data, meta: z.object({}) });

const pagePagination = z
  .object({
    page: integer(),
    pageSize: integer(),
    pageCount: integer().optional(),
    total: integer().optional(),
  })
  .meta({
    id: 'PagePagination',
    description: 'With `pagination[page]`/`pagination[pageSize]` (the default): 25 a page, 100 at most.',
  });

const offsetPagination = z
  .object({ start: integer(), limit: integer(), total: integer().optional() })
  .meta({ id: 'OffsetPagination', description: 'With `pagination[start]`/`pagination[limit]`.' });

const cursorPagination = z
  .object({
    pageSize: integer(),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass it as `cursor` for the next page; null on the last.' }),
    total: integer()
      .meta({ description: 'Absent with `pagination[withCount]=false` (see the list’s `/count`).' })
      .optional(),
    totalIsExact: z
      .boolean()
      .meta({ description: 'False when a large total was estimated rather than counted.' })
      .optional(),
  })
  .meta({ id: 'CursorPagination', description: 'With `q`, `order` or `cursor` (see docs/search.md).' });

/** The answer of a list: one page of records and where it stands. */
export const listEnvelope = (item: z.ZodType, options: { searchable: boolean }) =>
  z.object({
    data: z.array(item),
    meta: z.object({
      pagination: options.searchable
        ? z.union([pagePagination, offsetPagination, cursorPagination])
        : z.union([pagePagination, offsetPagination]),
    }),
  });

const referenceForms = [documentIdSchema, z.object({ documentId: documentIdSchema })] as const;
const relationReference = z.union(referenceForms);

export const toOneRelationInput = z
  .union([
    ...referenceForms,
    z.object({ connect: z.array(relationReference).length(1) }),
    z.object({ set: z.array(relationReference).length(1) }),
    z.null(),
  ])
  .meta({
    id: 'ToOneRelationInput',
    description:
      'The one record a relation points to: its documentId, `{ documentId }`, or `{ connect: [it] }`.',
  });

export const toManyRelationInput = z
  .union([
    z.array(relationReference),
    z.object({
      connect: z.array(relationReference).optional(),
      disconnect: z.array(relationReference).optional(),
      set: z.array(relationReference).optional(),
    }),
  ])
  .meta({
    id: 'ToManyRelationInput',
    description:
      'The records a relation points to: their documentIds, or what to `connect`, `disconnect` or `set`.',
  });

/**
 * What a normaliser of the field library accepts, as a schema: the type it checks before its
 * transform (a cleaned, bounded string; an enumeration; a boolean). A normaliser that takes any
 * value and decides itself has no such side, and needs one written for the document.
 */
export const requestSideOf = (schema: z.ZodType): z.ZodType => {
  if (schema instanceof z.ZodPipe) {
    return requestSideOf((schema.in instanceof z.ZodTransform ? schema.out : schema.in) as z.ZodType);
  }
  return schema;
};

/**
 * The request side of every normaliser of a form or a record, with `written` for those that take
 * any value and what the document says of some. Throws when a field that takes any value has no
 * written schema, so that a new field cannot go undocumented.
 */
export const requestFieldsOf = (
  normalisers: Record<string, z.ZodType>,
  options: { written?: Record<string, z.ZodType>; descriptions?: Record<string, string> } = {}
): Record<string, z.ZodType> =>
  Object.fromEntries(
    Object.entries(normalisers).map(([name, normaliser]) => {
      const side = options.written?.[name] ?? requestSideOf(normaliser);
      if (side instanceof z.ZodUnknown) {
        throw new Error(`caladeo-contacts: the API document needs the request schema of field "${name}"`);
      }
      const description = options.descriptions?.[name];
      return [name, description ? side.meta({ description }) : side];
    })
  );
