/**
 * The validation rule of each field, from its kind in the field catalogue (shared/fields.ts): the
 * normalisers of contacts, clients, links and offers read their fields this way, so a field
 * added to the catalogue is validated with nothing more to write.
 */
import type { FieldSpec } from '../../../shared/fields';
import {
  booleanWithDefault,
  countryField,
  emailField,
  enumWithDefault,
  isoDateField,
  offerReferenceField,
  phoneInputField,
  postalCodeField,
  priceField,
  requiredEnum,
  siretInputField,
  textField,
  type FieldSchema,
} from './fields';
import type { FieldSchemas } from './patch';

type Choices = readonly [string, ...string[]];

const lengthOf = (spec: FieldSpec) => {
  if (spec.maxLength === undefined) throw new Error(`a ${spec.kind} field needs a maxLength`);
  return spec.maxLength;
};

const choiceSchema = (spec: FieldSpec) => {
  const choices = spec.choices as Choices;
  return typeof spec.default === 'string'
    ? enumWithDefault(choices, spec.default, { caseInsensitive: spec.caseInsensitive })
    : requiredEnum(choices);
};

const SCHEMA_OF_KIND: Record<FieldSpec['kind'], (spec: FieldSpec) => FieldSchema<unknown>> = {
  text: (spec) => textField(lengthOf(spec)),
  multiLineText: (spec) => textField(lengthOf(spec), 'multi-line'),
  region: (spec) => textField(lengthOf(spec)),
  email: () => emailField,
  phone: () => phoneInputField,
  postalCode: () => postalCodeField,
  country: () => countryField,
  siret: () => siretInputField,
  offerReference: () => offerReferenceField,
  choice: choiceSchema,
  boolean: (spec) => booleanWithDefault(spec.default === true),
  date: () => isoDateField,
  euros: () => priceField,
};

/** The field checks of a record type, typed by what a patch of it may hold. */
export const fieldSchemasOf = <Writable>(catalogue: Record<keyof Writable & string, FieldSpec>) =>
  Object.fromEntries(
    Object.entries<FieldSpec>(catalogue).map(([name, spec]) => [name, SCHEMA_OF_KIND[spec.kind](spec)])
  ) as FieldSchemas<Writable>;
