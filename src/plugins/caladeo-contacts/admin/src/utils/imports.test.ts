import { describe, expect, it } from '@jest/globals';
import { formatDuration, importTargetOptions, paceOf } from './imports';
import type { ImportSummary } from '../../../shared/contracts/admin';

describe('the import page helpers', () => {
  it('offers every contact field and link target, labelled in French', () => {
    const options = importTargetOptions('fr');
    expect(options).toContainEqual({ value: 'email', label: expect.stringMatching(/mail/i) });
    expect(options).toContainEqual({ value: 'client', label: 'Client (nom)' });
  });

  it('tells the pace of a running import and the time left', () => {
    const started = Date.parse('2026-12-02T09:00:00Z');
    const summary = {
      startedAt: new Date(started).toISOString(),
      progress: { done: 1000, total: 5000 },
    } as ImportSummary;
    expect(paceOf(summary, started + 10_000)).toEqual({ rowsPerSecond: 100, secondsLeft: 40 });
    expect(paceOf({ ...summary, progress: { done: 0, total: 5000 } }, started + 10_000)).toBeNull();
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(45)).toBe('45 s');
  });
});
