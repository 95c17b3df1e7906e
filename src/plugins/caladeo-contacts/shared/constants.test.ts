import { describe, expect, it } from '@jest/globals';
import { consentEventWording } from './constants';

describe('the name of a consent event', () => {
  it.each([
    [{ action: 'set_by_staff', newsletter: true }, 'set_by_staff.on'],
    [{ action: 'set_by_staff', newsletter: false }, 'set_by_staff.off'],
    [{ action: 'set_by_api', newsletter: false }, 'set_by_api.off'],
    [{ action: 'set_by_import', newsletter: true }, 'set_by_import.on'],
    // an event kept without its value keeps the plain name rather than guessing
    [{ action: 'set_by_staff', newsletter: null }, 'set_by_staff'],
    // the public flows say by their name which way they went
    [{ action: 'confirmed', newsletter: true }, 'confirmed'],
    [{ action: 'withdrawn', newsletter: false }, 'withdrawn'],
  ])('calls %p %p', (event, expected) => {
    expect(consentEventWording(event)).toBe(expected);
  });
});
