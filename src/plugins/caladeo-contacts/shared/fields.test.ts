import fs from 'fs';
import path from 'path';
import { describe, expect, it } from '@jest/globals';
import {
  FIELD_CATALOGUES,
  fieldLabelMessages,
  personalFieldNames,
  type FieldSpec,
  type RecordType,
} from './fields';

type Attribute = {
  type: string;
  maxLength?: number;
  enum?: string[];
  default?: unknown;
  required?: boolean;
  private?: boolean;
};

const APP = path.resolve(__dirname, '..', '..', '..', '..');
const CONTENT_TYPES = path.join(__dirname, '..', 'server', 'src', 'modules', 'records', 'content-types');
const readAttributes = (file: string) =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: Record<string, Attribute> }).attributes;

const SCHEMAS: [RecordType, string][] = [
  ['contact', path.join(CONTENT_TYPES, 'contact', 'schema.json')],
  ['client', path.join(CONTENT_TYPES, 'client', 'schema.json')],
  ['link', path.join(CONTENT_TYPES, 'client-contact', 'schema.json')],
  ['link', path.join(CONTENT_TYPES, 'offer-contact', 'schema.json')],
  ['offer', path.join(APP, 'src', 'api', 'offer', 'content-types', 'offer', 'schema.json')],
];

/** The Strapi attribute type each kind is stored as. */
const STORED_AS: Record<FieldSpec['kind'], string> = {
  text: 'string',
  multiLineText: 'text',
  email: 'email',
  phone: 'string',
  postalCode: 'string',
  region: 'string',
  country: 'string',
  siret: 'string',
  offerReference: 'string',
  choice: 'enumeration',
  boolean: 'boolean',
  date: 'date',
  euros: 'decimal',
};

/** What the schema of a catalogue field must say. */
const expectedAttribute = (spec: FieldSpec) => ({
  type: STORED_AS[spec.kind],
  ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
  ...(spec.choices ? { enum: [...spec.choices] } : {}),
  ...(spec.default !== undefined ? { default: spec.default } : {}),
  ...(spec.required ? { required: true } : {}),
});

describe.each(SCHEMAS)('the %s schema %s', (type, file) => {
  const attributes = readAttributes(file);
  const catalogue = FIELD_CATALOGUES[type] as Record<string, FieldSpec>;

  it.each(Object.entries(catalogue))('stores %s as the catalogue declares it', (name, spec) => {
    expect(attributes[name]).toMatchObject(expectedAttribute(spec));
    if (!spec.required) expect(attributes[name]?.required).toBeFalsy();
  });

  it('holds no scalar field the catalogue does not declare, but private derived ones', () => {
    const scalars = Object.entries(attributes).filter(
      ([, attribute]) => attribute.type !== 'relation' && attribute.private !== true
    );
    expect(scalars.map(([name]) => name).filter((name) => !(name in catalogue))).toEqual([]);
  });
});

describe('the field catalogue', () => {
  it('labels every field in French and English', () => {
    for (const language of ['fr', 'en'] as const) {
      const labels = fieldLabelMessages(language);
      expect(Object.entries(labels).filter(([, label]) => label.trim() === '')).toEqual([]);
      expect(labels['contact.gender']).toBe(language === 'fr' ? 'Civilité' : 'Gender');
    }
  });

  it('gives no import header to two fields of one type', () => {
    for (const catalogue of Object.values(FIELD_CATALOGUES)) {
      const headers = Object.values(catalogue as Record<string, FieldSpec>).flatMap(
        (spec) => spec.importHeaders
      );
      expect(headers.filter((header, index) => headers.indexOf(header) !== index)).toEqual([]);
      expect(
        headers.filter((header) => header !== header.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''))
      ).toEqual([]);
    }
  });

  it('marks what identifies or locates a person as personal, and no field of an offer', () => {
    expect(personalFieldNames('contact')).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'email', 'phone', 'addressLine1', 'city'])
    );
    expect(personalFieldNames('offer')).toEqual([]);
  });
});
