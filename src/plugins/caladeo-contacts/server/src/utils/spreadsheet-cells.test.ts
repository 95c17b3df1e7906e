import { describe, expect, it } from '@jest/globals';
import { exportCell } from './spreadsheet-cells';

describe('exportCell', () => {
  it('turns text a spreadsheet would run into text, and leaves other text as typed', () => {
    expect(exportCell('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(exportCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(exportCell('Cœur d’Alène — 20 €')).toBe('Cœur d’Alène — 20 €');
  });

  it('keeps numbers and booleans typed, and an empty value empty', () => {
    expect(exportCell(-12)).toBe(-12);
    expect(exportCell(false)).toBe(false);
    expect(exportCell(null)).toBeNull();
    expect(exportCell(undefined)).toBeNull();
  });

  it('reads a date column as a date whether the database answers a Date, text or a timestamp', () => {
    const moment = new Date('2026-12-02T08:30:00.000Z');
    expect(exportCell(moment, 'date')).toEqual(moment);
    expect(exportCell('2026-12-02T08:30:00.000Z', 'date')).toEqual(moment);
    expect(exportCell(moment.getTime(), 'date')).toEqual(moment);
    expect(exportCell('not a date', 'date')).toBeNull();
  });
});
