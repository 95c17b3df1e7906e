import { describe, expect, it } from '@jest/globals';
import { ERROR_MESSAGES } from '../../../shared/error-messages';
import { FIELD_ERROR_CODES } from './messages';

describe.each(['fr', 'en'] as const)('the field-error messages in %s', (language) => {
  const messages: Record<string, string> = ERROR_MESSAGES[language];

  it('have a message for every code the server sends', () => {
    expect(FIELD_ERROR_CODES.filter((code) => !messages[code]?.trim())).toEqual([]);
  });

  it('have no message for a code the server does not send', () => {
    const known = new Set<string>(FIELD_ERROR_CODES);
    expect(Object.keys(messages).filter((code) => !known.has(code))).toEqual([]);
  });
});

describe('the French and English messages', () => {
  it('are not left in the other language', () => {
    const untranslated = FIELD_ERROR_CODES.filter(
      (code) => ERROR_MESSAGES.fr[code] === ERROR_MESSAGES.en[code]
    );
    expect(untranslated).toEqual([]);
  });
});
