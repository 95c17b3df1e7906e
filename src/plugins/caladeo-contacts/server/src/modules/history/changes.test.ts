import { describe, expect, it } from '@jest/globals';
import { diffRecords } from './changes';

describe('diffRecords', () => {
  const fields = ['firstName', 'city', 'newsletter', 'birthday'];

  it('lists every field that differs with its value before and after', () => {
    expect(
      diffRecords(
        fields,
        { firstName: 'Hélène', city: 'Lyon', newsletter: false },
        { firstName: 'Hélène', city: 'Bordeaux', newsletter: true }
      )
    ).toEqual({
      city: { before: 'Lyon', after: 'Bordeaux' },
      newsletter: { before: false, after: true },
    });
  });

  it('finds nothing in a write that changed nothing', () => {
    const row = { firstName: 'Jean', city: null, newsletter: false, birthday: new Date('2020-01-01') };
    expect(diffRecords(fields, row, { ...row, birthday: new Date('2020-01-01') })).toEqual({});
  });

  it('takes a created record from nothing and a deleted one to nothing, leaving empty fields out', () => {
    expect(diffRecords(fields, null, { firstName: 'Jean', city: null })).toEqual({
      firstName: { before: null, after: 'Jean' },
    });
    expect(diffRecords(fields, { firstName: 'Jean' }, null)).toEqual({
      firstName: { before: 'Jean', after: null },
    });
  });

  it('keeps a field a partial result leaves out as unchanged', () => {
    expect(diffRecords(fields, { firstName: 'Jean', city: 'Lyon' }, { firstName: 'Jeanne' })).toEqual({
      firstName: { before: 'Jean', after: 'Jeanne' },
    });
  });
});
