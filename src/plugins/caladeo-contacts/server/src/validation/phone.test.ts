import { describe, expect, it } from '@jest/globals';

import { problem } from './messages';
import { normalisePhoneNumber, phoneSearchForms } from './phone';

/** The country named in the message is the one the number was read in. */
const forCountry = (country: string) => problem('phone.invalidForCountry', { country });

describe('normalisePhoneNumber', () => {
  it.each([
    ['a French mobile', '06 12 34 56 78', 'FR', '+33612345678'],
    ['with dots', '06.12.34.56.78', 'FR', '+33612345678'],
    ['with dashes', '06-12-34-56-78', 'FR', '+33612345678'],
    ['with the 00 prefix', '0033 6 12 34 56 78', 'FR', '+33612345678'],
    ['with "+33 (0)"', '+33 (0)1 23 45 67 89', 'FR', '+33123456789'],
    ['a Belgian number in a French record', '+32 470 12 34 56', 'FR', '+32470123456'],
    ['a Belgian number in a Belgian record', '0470 12 34 56', 'BE', '+32470123456'],
    ['a German national number', '030 12345678', 'DE', '+493012345678'],
    [
      'an international number in a country without phone metadata',
      '+33 6 12 34 56 78',
      'AQ',
      '+33612345678',
    ],
  ])('normalises %s', (_label, input, country, expected) => {
    expect(normalisePhoneNumber(input, country)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['too short', '01 23', 'FR', forCountry('FR')],
    ['too long', '06 12 34 56 78 99', 'FR', forCountry('FR')],
    ['an unallocated mobile range (only the max metadata knows)', '07 00 00 00 00', 'FR', forCountry('FR')],
    ['words', 'call me', 'FR', forCountry('FR')],
    ['a number inside a sentence', 'tel 06 12 34 56 78 evenings', 'FR', forCountry('FR')],
    ['a French mobile read as Belgian', '06 12 34 56 78', 'BE', forCountry('BE')],
    ['a bad international number', '+33 6 12', 'DE', forCountry('FR')],
    ['an unknown calling code', '+999 1234 5678', 'FR', problem('phone.invalidInternational')],
    ['a bare plus', '+', 'FR', problem('phone.invalidInternational')],
    ['an extension', '06 12 34 56 78 ext. 12', 'FR', problem('phone.extension')],
  ])('rejects %s', (_label, input, country, expected) => {
    expect(normalisePhoneNumber(input, country)).toEqual({ ok: false, problem: expected });
  });
});

describe('phoneSearchForms', () => {
  it('gives the international and national digits', () => {
    expect(phoneSearchForms('+33612345678')).toEqual(['33612345678', '0612345678']);
    expect(phoneSearchForms('+32470123456')).toEqual(['32470123456', '0470123456']);
  });

  it('falls back on the digits of a value that is not E.164', () => {
    expect(phoneSearchForms('06 12 34 56 78')).toEqual(['0612345678']);
    expect(phoneSearchForms('n/a')).toEqual([]);
  });
});
