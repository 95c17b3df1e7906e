import { describe, expect, it } from '@jest/globals';
import { normaliseNewsletterSignUp } from './newsletter-sign-up';

const ORIGINS = ['https://www.agence.fr'];
const paths = (body: unknown) => {
  const result = normaliseNewsletterSignUp(body, ORIGINS);
  return result.ok ? [] : result.errors.map((error) => error.path.join('.'));
};

describe('the newsletter sign-up form', () => {
  it('normalises a complete form', () => {
    const result = normaliseNewsletterSignUp(
      {
        email: ' Anne.Martin@Example.FR ',
        firstName: ' Anne ',
        lastName: 'Martin',
        source: 'footer-home',
        locale: 'en-GB',
        consentTextVersion: '2026-01',
        redirectTo: 'https://www.agence.fr/merci',
        website: '',
      },
      ORIGINS
    );
    expect(result).toEqual({
      ok: true,
      data: {
        email: 'anne.martin@example.fr',
        firstName: 'Anne',
        lastName: 'Martin',
        source: 'footer-home',
        locale: 'en',
        consentTextVersion: '2026-01',
        redirectTo: 'https://www.agence.fr/merci',
        isTrapped: false,
      },
    });
  });

  it('defaults the language to French', () => {
    const result = normaliseNewsletterSignUp({ email: 'a@b.fr' }, ORIGINS);
    expect(result.ok && result.data.locale).toBe('fr');
  });

  it('flags a filled trap field instead of refusing it', () => {
    const result = normaliseNewsletterSignUp({ email: 'a@b.fr', website: 'http://spam' }, ORIGINS);
    expect(result.ok && result.data.isTrapped).toBe(true);
  });

  it.each([
    [{}, ['email']],
    [{ email: 'not-an-address' }, ['email']],
    [{ email: ['a@b.fr', 'c@d.fr'] }, ['email']],
    [{ email: 'a@b.fr', newsletter: true }, ['newsletter']],
    [{ email: 'a@b.fr', clientLinks: [1] }, ['clientLinks']],
    [{ data: { email: 'a@b.fr' } }, ['data', 'email']],
    [{ email: 'a@b.fr', firstName: 'x'.repeat(101) }, ['firstName']],
    [{ email: 'a@b.fr', locale: 'de' }, ['locale']],
    [{ email: 'a@b.fr', locale: 42 }, ['locale']],
    [{ email: 'a@b.fr', redirectTo: 'https://evil.example/merci' }, ['redirectTo']],
    [{ email: 'a@b.fr', redirectTo: 'javascript:alert(1)' }, ['redirectTo']],
    [{ email: 'a@b.fr', redirectTo: 'https://www.agence.fr.evil.example/' }, ['redirectTo']],
  ])('refuses %p naming %p', (body, expected) => {
    expect(paths(body)).toEqual(expected);
  });

  it.each([[null], ['email=a@b.fr'], [['a@b.fr']]])('refuses the non-object body %p', (body) => {
    expect(normaliseNewsletterSignUp(body, ORIGINS).ok).toBe(false);
  });
});
