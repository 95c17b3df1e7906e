import { describe, expect, it } from '@jest/globals';
import { suppressionHash } from './suppression-hash';

describe('suppression hashes', () => {
  it('match an address however it is cased or spaced, and only with the same secret and kind', () => {
    const hash = suppressionHash('secret', 'email', 'Jeanne.Martin@Example.fr');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(suppressionHash('secret', 'email', '  jeanne.martin@example.fr ')).toBe(hash);
    expect(suppressionHash('other secret', 'email', 'jeanne.martin@example.fr')).not.toBe(hash);
    expect(suppressionHash('secret', 'phone', 'jeanne.martin@example.fr')).not.toBe(hash);
    expect(suppressionHash('secret', 'phone', '+33 6 12 34 56 78')).toBe(
      suppressionHash('secret', 'phone', '+33612345678')
    );
  });
});
