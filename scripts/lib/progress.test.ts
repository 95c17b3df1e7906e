import { describe, expect, it } from '@jest/globals';
import { describeProgress, formatDuration, progressBar } from './progress';

describe('the progress report of a long import', () => {
  it('says rows done out of the total, the rate and the time left at that rate', () => {
    expect(describeProgress({ done: 2500, total: 10000, elapsedMs: 10_000 })).toEqual({
      percent: 25,
      text: '2,500/10,000 rows · 250 rows/s · 0:30 left',
    });
  });

  it('does not guess the time left before the first row is done', () => {
    expect(describeProgress({ done: 0, total: 500, elapsedMs: 2000 }).text).toBe(
      '0/500 rows · 0 rows/s · ? left'
    );
  });

  it('draws a bar as full as the work is done', () => {
    expect(progressBar({ done: 50, total: 100, elapsedMs: 1000 })).toMatch(/^\[#{12}-{12}\] {2}50% /);
    expect(progressBar({ done: 100, total: 100, elapsedMs: 1000 })).toMatch(/^\[#{24}\] 100% /);
  });

  it('writes durations the way a clock does', () => {
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
