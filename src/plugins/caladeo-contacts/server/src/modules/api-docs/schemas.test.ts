import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { GENDERS, LANGUAGES } from '../../../../shared/constants';
import { booleanWithDefault, enumWithDefault, isoDateField, textField } from '../../validation/fields';
import { errorComponents, requestFieldsOf } from './schemas';

const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12' });

describe('the request side of the field library', () => {
  it('is the type a normaliser checks before it cleans', () => {
    const fields = requestFieldsOf({
      firstName: textField(100),
      gender: enumWithDefault(GENDERS, 'unspecified'),
      preferredLanguage: enumWithDefault(LANGUAGES, 'fr', { caseInsensitive: true }),
      newsletter: booleanWithDefault(false),
    });
    const accepts = (name: string, value: unknown) => fields[name].safeParse(value).success;
    // what is sent, not what is stored: the text is not trimmed, null stays null
    expect(fields.firstName.safeParse('  Hélène ').data).toBe('  Hélène ');
    expect([accepts('firstName', null), accepts('firstName', 3)]).toEqual([true, false]);
    expect([accepts('gender', 'female'), accepts('gender', 'robot'), accepts('gender', null)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([accepts('preferredLanguage', 'en'), accepts('preferredLanguage', 'klingon')]).toEqual([
      true,
      false,
    ]);
    expect([accepts('newsletter', true), accepts('newsletter', 'true')]).toEqual([true, false]);
  });

  it('takes what the document says of a field, and leaves the normaliser as it was', () => {
    const name = textField(100);
    const fields = requestFieldsOf({ firstName: name }, { descriptions: { firstName: 'As typed.' } });
    expect(jsonOf(fields.firstName)).toMatchObject({ description: 'As typed.' });
    expect(name.safeParse('  Hélène ').data).toBe('Hélène');
  });

  it('needs a written schema for a normaliser that takes any value', () => {
    expect(() => requestFieldsOf({ startDate: isoDateField })).toThrow(/startDate/);
    const written = z.string().nullable();
    expect(requestFieldsOf({ startDate: isoDateField }, { written: { startDate: written } }).startDate).toBe(
      written
    );
  });
});

describe('the error components', () => {
  it('name every code of the catalogue, and refer to each other as components', () => {
    const { Error, FieldError } = errorComponents();
    expect(JSON.stringify(Error)).toContain('"$ref":"#/components/schemas/FieldError"');
    expect(FieldError).not.toHaveProperty('$id');
    const code = (FieldError.properties as Record<string, { enum?: string[] }>).code;
    expect(code.enum).toEqual(
      expect.arrayContaining(['email.invalid', 'link.roleTaken', 'signUp.unknownField'])
    );
  });
});
