import { describe, expect, it } from '@jest/globals';
import { createIntl, type IntlShape } from 'react-intl';
import {
  FIELD_ERROR_CODES,
  placeholdersOf,
  problem,
  renderMessage,
  type Problem,
} from '../../../server/src/validation/messages';
import { SAMPLE_MESSAGE_VALUES as SAMPLE_VALUES } from '../../../server/src/validation/message-samples.test-data';
import { PLUGIN_ID } from '../pluginId';
import en from '../translations/en.json';
import fr from '../translations/fr.json';
import { translateFieldError } from './field-errors';
import { pluginMessages } from './plugin-messages';

/** What index.ts registers with the admin for each language. */
const REGISTERED: Record<string, Record<string, string>> = {
  fr: pluginMessages('fr', fr),
  en: pluginMessages('en', en),
};

/** The admin's intl for a language, with the strings the plugin registers. */
const intlFor = (locale: string, onError: (error: unknown) => void = () => undefined): IntlShape =>
  createIntl({ locale, messages: REGISTERED[locale], onError });

/** A field error as the server's envelope carries it. */
const entry = (field: string, found: Problem) => ({
  path: [field],
  ...found,
  message: `${field} ${renderMessage(found)}`,
});

describe.each(['fr', 'en'])('the %s translation of field errors', (locale) => {
  const registered = REGISTERED[locale];

  it.each(FIELD_ERROR_CODES.map((code) => [code]))(
    'translates %s, using only the values the server sends',
    (code) => {
      expect(registered[`${PLUGIN_ID}.error.${code}`]).toEqual(expect.any(String));
      const errors: unknown[] = [];
      const values = Object.fromEntries(placeholdersOf(code).map((name) => [name, SAMPLE_VALUES[name]]));
      expect(Object.values(values)).not.toContainEqual(undefined);
      const shown = translateFieldError(
        entry('field', { code, values } as Problem),
        intlFor(locale, (error) => errors.push(error))
      );
      expect(errors).toEqual([]);
      expect(shown).not.toMatch(/[{}]/);
      expect(shown).not.toBe(`field ${renderMessage({ code, values } as Problem)}`);
    }
  );

  it('has no error key for a code the server no longer sends', () => {
    const known = new Set(FIELD_ERROR_CODES.map((code) => `${PLUGIN_ID}.error.${code}`));
    expect(
      Object.keys(registered).filter((key) => key.startsWith(`${PLUGIN_ID}.error.`) && !known.has(key))
    ).toEqual([]);
  });
});

describe('a field error in French', () => {
  const intl = intlFor('fr');

  it('reads naturally for agency staff', () => {
    expect(translateFieldError(entry('email', problem('email.invalid')), intl)).toBe(
      'Doit être une adresse e-mail valide'
    );
    expect(translateFieldError(entry('city', problem('text.tooLong', { max: 100 })), intl)).toBe(
      'Ne doit pas dépasser 100 caractères'
    );
    expect(translateFieldError(entry('role', problem('link.roleTaken', { target: 'offer' })), intl)).toBe(
      'Ce contact a déjà ce rôle sur cette offre'
    );
  });

  it('names the country and lists départements in French', () => {
    expect(
      translateFieldError(entry('phone', problem('phone.invalidForCountry', { country: 'BE' })), intl)
    ).toBe("N'est pas un numéro de téléphone possible (pays : Belgique)");
    const mismatch = problem('postalCode.departementMismatch', {
      postalCode: '01200',
      departements: ['Ain', 'Haute-Savoie'],
    });
    expect(translateFieldError(entry('region', mismatch), intl)).toBe(
      'Ne correspond pas au code postal 01200 (Ain ou Haute-Savoie)'
    );
  });

  it('keeps the server’s message for a code it does not know, or no code at all', () => {
    expect(
      translateFieldError(
        { path: ['email'], code: 'email.bouncing', values: {}, message: 'email bounces' },
        intl
      )
    ).toBe('email bounces');
    expect(translateFieldError({ path: ['email'], message: 'email is odd' }, intl)).toBe('email is odd');
  });
});
