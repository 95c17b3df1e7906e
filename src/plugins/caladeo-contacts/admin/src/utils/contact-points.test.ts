import { describe, expect, it } from '@jest/globals';
import { agencyCountryOf, displayEmail, displayPhone } from './contact-points';

describe('displayPhone', () => {
  it('shows a number of the agency’s country in its national format, linked to the full number', () => {
    expect(displayPhone('+33612345678')).toEqual({ text: '06 12 34 56 78', href: 'tel:+33612345678' });
    expect(displayPhone('+33243950000')).toEqual({ text: '02 43 95 00 00', href: 'tel:+33243950000' });
  });

  it('shows a foreign number in the international format', () => {
    expect(displayPhone('+447911123456')).toEqual({ text: '+44 7911 123456', href: 'tel:+447911123456' });
    expect(displayPhone('+33612345678', 'BE')).toEqual({
      text: '+33 6 12 34 56 78',
      href: 'tel:+33612345678',
    });
  });

  it('follows the agency’s country when it is not France', () => {
    expect(displayPhone('+3225550123', 'BE')?.text).toBe('02 555 01 23');
  });

  it('shows what is not a number as it is, without a link, and nothing for no phone', () => {
    expect(displayPhone('standard')).toEqual({ text: 'standard', href: null });
    expect(displayPhone(null)).toBeNull();
    expect(displayPhone('  ')).toBeNull();
  });
});

describe('displayEmail', () => {
  it('links an address to a new mail', () => {
    expect(displayEmail('helene@exemple.fr')).toEqual({
      text: 'helene@exemple.fr',
      href: 'mailto:helene@exemple.fr',
    });
    expect(displayEmail(null)).toBeNull();
  });
});

describe('agencyCountryOf', () => {
  it('reads the agency’s country from the server’s settings', () => {
    expect(agencyCountryOf({ data: { agencyCountry: 'BE' } })).toBe('BE');
    expect(agencyCountryOf({ data: { agencyCountry: 'CH' } })).toBe('CH');
  });

  it('keeps France when the answer names no country phones know', () => {
    expect(agencyCountryOf({ data: { agencyCountry: 'XX' } })).toBe('FR');
    expect(agencyCountryOf({ data: { agencyCountry: 42 } })).toBe('FR');
    expect(agencyCountryOf({ data: {} })).toBe('FR');
    expect(agencyCountryOf(null)).toBe('FR');
  });
});
