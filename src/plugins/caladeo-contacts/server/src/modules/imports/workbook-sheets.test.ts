import { describe, expect, it } from '@jest/globals';
import { chooseSheet, type WorkbookIndex } from './workbook-sheets';

const index: WorkbookIndex = {
  sheets: [
    { name: 'Notes', part: '3' },
    { name: '2', part: '1' },
    { name: 'Contacts 2026', part: '2' },
  ],
  model: { sheets: [] },
};

describe('the tab an import reads', () => {
  it('is the first in the tab order when none is asked for', () => {
    expect(chooseSheet(index, undefined)?.name).toBe('Notes');
    expect(chooseSheet(index, '')?.name).toBe('Notes');
  });

  it('is the one of that name, else the one at that number in the tab order', () => {
    expect(chooseSheet(index, 'Contacts 2026')?.part).toBe('2');
    expect(chooseSheet(index, '2')?.part).toBe('1');
    expect(chooseSheet(index, '3')?.name).toBe('Contacts 2026');
  });

  it('is none for a name or number the workbook does not have', () => {
    expect(chooseSheet(index, 'Contacts 2025')).toBeUndefined();
    expect(chooseSheet(index, '4')).toBeUndefined();
    expect(chooseSheet(index, '0')).toBeUndefined();
  });
});
