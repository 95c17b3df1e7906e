import { describe, expect, it } from '@jest/globals';
import { readErasureConfirmation } from './validation';

const codes = (input: unknown) => {
  const read = readErasureConfirmation(input);
  return read.ok ? [] : read.errors.map((error) => `${error.path.join('.')}: ${error.code}`);
};

describe('the erasure confirmation', () => {
  it('takes only an explicit confirm: true', () => {
    expect(readErasureConfirmation({ data: { confirm: true } })).toEqual({ ok: true, value: true });
    for (const input of [
      undefined,
      {},
      { data: {} },
      { data: { confirm: 'true' } },
      { data: { confirm: 1 } },
    ])
      expect(codes(input)).toEqual(['confirm: erasure.confirmRequired']);
    expect(codes({ data: { confirm: true, reason: 'x' } })).toEqual(['reason: field.notAllowed']);
  });
});
