import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from '@jest/globals';

import { FIELD_ERROR_CODES, fieldError, isProblem, placeholdersOf, problem, renderMessage } from './messages';

describe('the field-error catalogue', () => {
  it('writes the English message from the code and its values', () => {
    expect(renderMessage(problem('text.tooLong', { max: 100 }))).toBe('must be at most 100 characters');
    expect(renderMessage(problem('postalCode.invalidForCountry', { country: 'FR' }))).toBe(
      'is not a valid postal code for FR'
    );
    expect(renderMessage(problem('email.invalid'))).toBe('must be a valid e-mail address');
  });

  it('reads a list of départements as alternatives', () => {
    const found = problem('postalCode.departementMismatch', {
      postalCode: '01200',
      departements: ['Ain', 'Haute-Savoie'],
    });
    expect(renderMessage(found)).toBe('does not match postal code 01200 (Ain or Haute-Savoie)');
  });

  it('gives a field error its path, code, values and message together', () => {
    expect(fieldError(['city'], problem('text.tooLong', { max: 100 }))).toEqual({
      path: ['city'],
      code: 'text.tooLong',
      values: { max: 100 },
      message: 'must be at most 100 characters',
    });
  });

  it.each(FIELD_ERROR_CODES.map((code) => [code]))('fills every value named by %s', (code) => {
    const values = Object.fromEntries(placeholdersOf(code).map((name) => [name, `<${name}>`]));
    const message = renderMessage({ code, values } as Parameters<typeof renderMessage>[0]);
    expect(message).not.toMatch(/[{}]/);
    for (const name of placeholdersOf(code)) {
      expect(message).toContain(`<${name}>`);
    }
  });

  it('recognises only the catalogue’s own problems in a zod issue’s params', () => {
    expect(isProblem(problem('required'))).toBe(true);
    expect(isProblem({ code: 'made.up', values: {} })).toBe(false);
    expect(isProblem({ code: 'toString', values: {} })).toBe(false);
    expect(isProblem({ code: 'required' })).toBe(false);
    expect(isProblem(undefined)).toBe(false);
  });
});

describe('the API documentation', () => {
  const apiDoc = readFileSync(path.join(__dirname, '../../../../../../docs/api.md'), 'utf8');

  it.each(FIELD_ERROR_CODES.map((code) => [code]))('lists %s with its text', (code) => {
    const row = apiDoc.split('\n').find((line) => line.startsWith(`| \`${code}\``));
    expect(row).toBeDefined();
    for (const name of placeholdersOf(code)) {
      expect(row).toContain(`\`${name}\``);
    }
  });
});
