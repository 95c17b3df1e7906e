/**
 * One schema per content type, as the REST API outputs its records, read from the content type's
 * model so that the document follows the schemas without being written twice: private fields
 * left out, a field not required may be null, relations only when populated, and the contacts'
 * derived fields wherever a contact is read.
 */
import { z } from 'zod';
import { UID } from '../../../../shared/constants';
import { DERIVED_CONTACT_FIELD_SCHEMAS } from '../documents/contact-fields';
import { documentIdSchema, formatted, integer } from './schemas';

export type ModelAttribute = {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  maxLength?: number;
  min?: number;
  max?: number;
  relation?: string;
  target?: string;
};

export type RecordModel = {
  uid: string;
  info: { singularName: string; description?: string };
  attributes: Record<string, ModelAttribute>;
  pluginOptions?: { i18n?: { localized?: boolean } };
};

/** 'client-contact' → 'ClientContact': the component's name in the document. */
export const componentNameOf = (model: RecordModel) =>
  model.info.singularName
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

const TO_MANY = new Set(['oneToMany', 'manyToMany', 'morphToMany']);

export const isToMany = (attribute: ModelAttribute) => TO_MANY.has(attribute.relation ?? '');
/** Strapi's own bookkeeping: set on every record, never read through the API unless localized. */
const LOCALE_FIELDS = new Set(['locale', 'localizations']);

/** Fields the API outputs (the relations among them only when populated). */
export const outputAttributesOf = (model: RecordModel): [string, ModelAttribute][] =>
  Object.entries(model.attributes).filter(
    ([name, attribute]) =>
      !attribute.private &&
      !attribute.target?.startsWith('admin::') &&
      (model.pluginOptions?.i18n?.localized || !LOCALE_FIELDS.has(name))
  );

const withLength = (schema: z.ZodString, attribute: ModelAttribute) =>
  attribute.maxLength === undefined ? schema : schema.max(attribute.maxLength);

const withBounds = (schema: z.ZodNumber, attribute: ModelAttribute) => {
  const bounded = attribute.min === undefined ? schema : schema.min(attribute.min);
  return attribute.max === undefined ? bounded : bounded.max(attribute.max);
};

const scalarSchemaOf = (name: string, attribute: ModelAttribute): z.ZodType => {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      return withLength(z.string(), attribute);
    case 'email':
      return withLength(formatted('email'), attribute);
    case 'enumeration':
      return z.enum(attribute.enum as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
    case 'integer':
    case 'biginteger':
      return integer();
    case 'decimal':
    case 'float':
      return withBounds(z.number(), attribute);
    case 'date':
      return formatted('date');
    case 'datetime':
    case 'timestamp':
      return formatted('date-time');
    case 'time':
    case 'json':
      return z.unknown();
    default:
      throw new Error(`caladeo-contacts: no API document schema for "${name}" of type ${attribute.type}`);
  }
};

/** Set when the record is written, so never null; `publishedAt` may be, on rows loaded in bulk. */
const ALWAYS_SET = new Set(['createdAt', 'updatedAt']);

type SchemaOf = (uid: string) => z.ZodType;

const fieldSchemaOf = (name: string, attribute: ModelAttribute, schemaOf: SchemaOf): z.ZodType => {
  if (attribute.type === 'relation' && attribute.target) {
    const target = attribute.target;
    const related = z.lazy(() => schemaOf(target));
    return (isToMany(attribute) ? z.array(related) : related.nullable()).optional();
  }
  const scalar = scalarSchemaOf(name, attribute);
  return attribute.required || ALWAYS_SET.has(name) ? scalar : scalar.nullable();
};

/**
 * @param schemaOf the schema of another content type, for relations (lazily: relations go both ways)
 */
export const buildRecordSchema = (model: RecordModel, schemaOf: SchemaOf): z.ZodType => {
  const fields = Object.fromEntries(
    outputAttributesOf(model).map(([name, attribute]) => [name, fieldSchemaOf(name, attribute, schemaOf)])
  );
  const derived =
    model.uid === UID.contact
      ? Object.fromEntries(
          Object.entries(DERIVED_CONTACT_FIELD_SCHEMAS).map(([name, schema]) => [name, schema.optional()])
        )
      : {};
  return z.object({ id: integer(), documentId: documentIdSchema, ...fields, ...derived }).meta({
    id: componentNameOf(model),
    description: [
      model.info.description ? `${model.info.description}.` : '',
      'Every field is present unless `fields` narrows the selection; relations only when populated' +
        ' and allowed to the caller.',
      model.uid === UID.contact ? 'Reads add the derived fields (fullName, salutation…).' : '',
    ]
      .filter(Boolean)
      .join(' '),
  });
};

// one schema per content type: the document names each once, and relations point back at them
const schemas = new Map<string, z.ZodType>();

/** The output schema of a content type of the running Strapi. */
export const recordSchema = (uid: string): z.ZodType => {
  let schema = schemas.get(uid);
  if (!schema) {
    schema = buildRecordSchema(strapi.contentType(uid as typeof UID.contact) as RecordModel, recordSchema);
    schemas.set(uid, schema);
  }
  return schema;
};
