import { describe, expect, it } from '@jest/globals';

import { CLIENT_TYPES, LINK_ROLES } from '../../../../shared/constants';
import {
  readClientListQuery,
  readContactListQuery,
  readLinkCreateBody,
  readLinkUpdateBody,
  readRecordBody,
} from './admin-request';
import type { FieldError } from '../../validation/types';

function errorsOf(reading: { ok: true } | { ok: false; errors: FieldError[] }): FieldError[] {
  if (reading.ok) {
    throw new Error('expected the request to be refused');
  }
  return reading.errors;
}

describe('the contact list query', () => {
  it('reads filters and search', () => {
    expect(
      readContactListQuery({
        q: 'dupont',
        country: 'FR',
        newsletter: 'true',
        role: 'payeur',
        client: ' abc ',
      })
    ).toMatchObject({
      ok: true,
      value: { filters: { country: 'FR', newsletter: true, role: 'payeur', client: 'abc' } },
    });
  });

  it('names an unknown parameter, so that a typo is not silently ignored', () => {
    expect(errorsOf(readContactListQuery({ contry: 'FR' }))).toEqual([
      { path: ['contry'], code: 'field.notAllowed', values: {}, message: 'is not allowed' },
    ]);
  });

  it('gives each bad filter its code', () => {
    expect(
      errorsOf(
        readContactListQuery({
          country: 'France',
          newsletter: 'yes',
          role: 'chef',
          client: '',
          q: 'x'.repeat(201),
        })
      )
    ).toEqual([
      { path: ['q'], code: 'text.tooLong', values: { max: 200 }, message: 'must be at most 200 characters' },
      { path: ['client'], code: 'documentId.invalid', values: {}, message: 'must be a documentId' },
      {
        path: ['country'],
        code: 'country.notAlpha2',
        values: {},
        message: 'must be an ISO 3166 alpha-2 code',
      },
      { path: ['newsletter'], code: 'boolean.invalid', values: {}, message: 'must be true or false' },
      {
        path: ['role'],
        code: 'choice.invalid',
        values: { allowed: LINK_ROLES.join(', ') },
        message: `must be one of: ${LINK_ROLES.join(', ')}`,
      },
    ]);
  });

  it('reads the client list’s filters, a town trimmed and a blank one ignored', () => {
    expect(
      readClientListQuery({ type: 'school', city: '  Lyon ', country: 'FR', hasPrimary: 'false' })
    ).toMatchObject({
      ok: true,
      value: { filters: { type: 'school', city: 'Lyon', country: 'FR', hasPrimary: false } },
    });
    expect(readClientListQuery({ city: '   ' })).toMatchObject({ ok: true, value: { filters: {} } });
  });

  it('gives each bad client filter its code', () => {
    expect(
      errorsOf(readClientListQuery({ type: 'hotel', city: 'x'.repeat(101), country: 'be', hasPrimary: '1' }))
    ).toEqual([
      {
        path: ['type'],
        code: 'choice.invalid',
        values: { allowed: CLIENT_TYPES.join(', ') },
        message: `must be one of: ${CLIENT_TYPES.join(', ')}`,
      },
      {
        path: ['city'],
        code: 'text.tooLong',
        values: { max: 100 },
        message: 'must be at most 100 characters',
      },
      {
        path: ['country'],
        code: 'country.notAlpha2',
        values: {},
        message: 'must be an ISO 3166 alpha-2 code',
      },
      { path: ['hasPrimary'], code: 'boolean.invalid', values: {}, message: 'must be true or false' },
    ]);
  });

  it('refuses a repeated parameter (an array) as not a string', () => {
    expect(errorsOf(readClientListQuery({ q: ['a', 'b'] }))).toEqual([
      { path: ['q'], code: 'text.notString', values: {}, message: 'must be a string' },
    ]);
  });

  it('reports a page size out of range on pageSize, with its bounds', () => {
    expect(errorsOf(readClientListQuery({ pageSize: '500' }))).toEqual([
      {
        path: ['pageSize'],
        code: 'number.outOfRange',
        values: { min: 1, max: 100 },
        message: 'must be a whole number from 1 to 100',
      },
    ]);
  });
});

describe('record and link bodies', () => {
  it('refuses fields that are not the record’s own', () => {
    expect(errorsOf(readRecordBody({ lastName: 'Dupont', searchText: 'x' }, ['lastName']))).toEqual([
      { path: ['searchText'], code: 'field.notAllowed', values: {}, message: 'is not allowed' },
    ]);
    expect(errorsOf(readRecordBody(['Dupont'], ['lastName']))).toEqual([
      { path: [], code: 'value.notObject', values: {}, message: 'must be an object' },
    ]);
  });

  it('requires the target of a new link and refuses what cannot be a documentId', () => {
    expect(errorsOf(readLinkCreateBody({ role: 'payeur' }, 'client'))).toEqual([
      { path: ['client'], code: 'required', values: {}, message: 'is required' },
    ]);
    expect(errorsOf(readLinkCreateBody({ offer: 42, role: 'payeur' }, 'offer'))).toEqual([
      { path: ['offer'], code: 'documentId.invalid', values: {}, message: 'must be a documentId' },
    ]);
  });

  it('refuses to move a link to another contact', () => {
    expect(errorsOf(readLinkUpdateBody({ contact: 'abc' }))).toEqual([
      { path: ['contact'], code: 'field.notAllowed', values: {}, message: 'is not allowed' },
    ]);
  });
});
