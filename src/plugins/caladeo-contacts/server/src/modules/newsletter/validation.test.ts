import { describe, expect, it } from '@jest/globals';
import { normaliseNewsletterSignUp } from './validation';

const ORIGINS = ['https://www.agence.fr'];
/** Each refused field with the code of its problem, e.g. 'email: required'. */
const refusals = (body: unknown) => {
  const result = normaliseNewsletterSignUp(body, ORIGINS);
  return result.ok ? [] : result.errors.map((error) => `${error.path.join('.')}: ${error.code}`);
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

  it.each([[undefined], [null], ['  ']])('takes the fallback language when the form gives %p', (locale) => {
    const result = normaliseNewsletterSignUp({ email: 'a@b.fr', locale }, ORIGINS, 'en');
    expect(result.ok && result.data.locale).toBe('en');
  });

  it('prefers the form’s language to the fallback', () => {
    const result = normaliseNewsletterSignUp({ email: 'a@b.fr', locale: 'fr-FR' }, ORIGINS, 'en');
    expect(result.ok && result.data.locale).toBe('fr');
  });

  it('flags a filled trap field instead of refusing it', () => {
    const result = normaliseNewsletterSignUp({ email: 'a@b.fr', website: 'http://spam' }, ORIGINS);
    expect(result.ok && result.data.isTrapped).toBe(true);
  });

  it.each([
    [{}, ['email: required']],
    [{ email: 'not-an-address' }, ['email: email.invalid']],
    [{ email: ['a@b.fr', 'c@d.fr'] }, ['email: text.notString']],
    [{ email: 'a@b.fr', newsletter: true }, ['newsletter: signUp.unknownField']],
    [{ email: 'a@b.fr', clientLinks: [1] }, ['clientLinks: signUp.unknownField']],
    [{ data: { email: 'a@b.fr' } }, ['data: signUp.unknownField', 'email: required']],
    [{ email: 'a@b.fr', firstName: 'x'.repeat(101) }, ['firstName: text.tooLong']],
    [{ email: 'a@b.fr', locale: 'de' }, ['locale: choice.invalid']],
    [{ email: 'a@b.fr', locale: 42 }, ['locale: choice.invalid']],
    [
      { email: 'a@b.fr', redirectTo: 'https://evil.example/merci' },
      ['redirectTo: signUp.redirectNotAllowed'],
    ],
    [{ email: 'a@b.fr', redirectTo: 'javascript:alert(1)' }, ['redirectTo: signUp.redirectNotAllowed']],
    [
      { email: 'a@b.fr', redirectTo: 'https://www.agence.fr.evil.example/' },
      ['redirectTo: signUp.redirectNotAllowed'],
    ],
  ])('refuses %p naming %p', (body, expected) => {
    expect(refusals(body)).toEqual(expected);
  });

  it.each([[null], ['email=a@b.fr'], [['a@b.fr']]])('refuses the non-object body %p', (body) => {
    expect(refusals(body)).toEqual([': signUp.notObject']);
  });

  it('tells which languages a refused locale may take', () => {
    const result = normaliseNewsletterSignUp({ email: 'a@b.fr', locale: 'de' }, ORIGINS);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: ['locale'],
        code: 'choice.invalid',
        values: { allowed: 'fr, en' },
        message: 'must be one of: fr, en',
      },
    ]);
  });
});
