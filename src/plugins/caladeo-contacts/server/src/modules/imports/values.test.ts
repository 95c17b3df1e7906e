import { describe, expect, it } from '@jest/globals';
import { readDate } from './values';

describe('readDate', () => {
  it('reads French and ISO dates, with or without a time', () => {
    expect(readDate('04/10/2026')?.toISOString()).toBe('2026-10-04T00:00:00.000Z');
    expect(readDate(' 4/3/2026 ')?.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(readDate('04/10/2026 14:30')?.toISOString()).toBe('2026-10-04T14:30:00.000Z');
    expect(readDate('2026-10-04')?.toISOString()).toBe('2026-10-04T00:00:00.000Z');
    expect(readDate('2026-10-04T14:30:00+02:00')?.toISOString()).toBe('2026-10-04T12:30:00.000Z');
    expect(readDate('2026-10-04 14:30')?.toISOString()).toBe('2026-10-04T14:30:00.000Z');
  });

  it('refuses days that do not exist and what is not a date', () => {
    for (const cell of [
      '31/02/2026',
      '2026-02-31',
      '2026-13-01',
      '04/10/2026 25:00',
      'hier',
      '',
      '10/2026',
    ]) {
      expect(readDate(cell)).toBeNull();
    }
  });
});
