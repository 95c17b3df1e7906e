import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import en from '../../../admin/src/translations/en.json';
import fr from '../../../admin/src/translations/fr.json';
import { translateFieldError } from '../../../admin/src/utils/field-errors';
import { pluginMessages } from '../../../admin/src/utils/plugin-messages';
import { messageLanguageOf, renderMessageIn, type MessageLanguage } from './localised-messages';
import { SAMPLE_MESSAGE_VALUES } from './message-samples.test-data';
import { FIELD_ERROR_CODES, placeholdersOf, problem, renderMessage, type Problem } from './messages';

const TRANSLATIONS = { fr, en } as Record<MessageLanguage, Record<string, string>>;

/** The admin's own rendering of a code, through react-intl as the panel registers the strings. */
const inAdmin = (found: Problem, language: MessageLanguage) =>
  translateFieldError(
    { path: ['field'], ...found, message: renderMessage(found) },
    createIntl({ locale: language, messages: pluginMessages(language, TRANSLATIONS[language]) })
  );

/** Values that exercise each placeholder: plurals on one and many, a country, a list, a select. */
const SAMPLES: Array<Record<string, string | number | string[]>> = [
  SAMPLE_MESSAGE_VALUES,
  { max: 1, min: 0, country: 'DE', departements: ['Ain'], target: 'client', row: 12, count: 1, given: 1 },
  { max: 1000, target: 'contact' },
];

describe.each(['fr', 'en'] as const)('messages in %s', (language) => {
  it.each(FIELD_ERROR_CODES.map((code) => [code]))('renders %s as the admin does', (code) => {
    for (const sample of SAMPLES) {
      const values = Object.fromEntries(
        placeholdersOf(code).map((name) => [name, sample[name] ?? SAMPLE_MESSAGE_VALUES[name]])
      );
      const found = { code, values } as Problem;
      expect(renderMessageIn(found, language)).toBe(inAdmin(found, language));
    }
  });
});

describe('the language of a reader', () => {
  it('is French or English, French when unknown', () => {
    expect(messageLanguageOf('en')).toBe('en');
    expect(messageLanguageOf('fr')).toBe('fr');
    expect(messageLanguageOf('de')).toBe('fr');
    expect(messageLanguageOf(null)).toBe('fr');
  });

  it('reads a French message in French', () => {
    expect(renderMessageIn(problem('text.tooLong', { max: 1 }), 'fr')).toBe(
      'Ne doit pas dépasser 1 caractère'
    );
    expect(renderMessageIn(problem('email.invalid'), 'en')).toBe('Must be a valid e-mail address');
  });
});
