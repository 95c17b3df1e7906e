import { describe, expect, it } from '@jest/globals';
import {
  emailDigest,
  hashConfirmationToken,
  isWellFormedConfirmationToken,
  newConfirmationToken,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from './tokens';

describe('confirmation tokens', () => {
  it('are random, well formed, and stored only as their hash', () => {
    const first = newConfirmationToken();
    const second = newConfirmationToken();
    expect(first.token).not.toBe(second.token);
    expect(isWellFormedConfirmationToken(first.token)).toBe(true);
    expect(first.tokenHash).toBe(hashConfirmationToken(first.token));
    expect(first.tokenHash).not.toContain(first.token);
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([['short'], [''], ['x'.repeat(43) + '!'], [null], [42]])('refuses %p', (token) => {
    expect(isWellFormedConfirmationToken(token)).toBe(false);
  });
});

describe('unsubscribe tokens', () => {
  const secret = 'test-secret';

  it('give back the contact they were signed for', () => {
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, 'abc123'))).toBe('abc123');
  });

  it('are refused when signed with another secret or for another contact', () => {
    const token = signUnsubscribeToken(secret, 'abc123');
    expect(verifyUnsubscribeToken('other-secret', token)).toBeNull();
    const [, signature] = token.split('.');
    expect(verifyUnsubscribeToken(secret, `abc124.${signature}`)).toBeNull();
  });

  it.each([['abc123'], ['abc123.'], ['.sig'], ['a.b.c'], ['ABC.sig'], [undefined], ['x'.repeat(300)]])(
    'refuses the malformed token %p',
    (token) => {
      expect(verifyUnsubscribeToken(secret, token)).toBeNull();
    }
  );
});

describe('e-mail digests', () => {
  it('match whatever the case and depend on the secret', () => {
    expect(emailDigest('s', 'Anne@Example.fr')).toBe(emailDigest('s', 'anne@example.fr'));
    expect(emailDigest('s', 'anne@example.fr')).not.toBe(emailDigest('t', 'anne@example.fr'));
  });
});
