import { describe, expect, it } from '@jest/globals';

import { resolveCountryCode } from './country';

describe('resolveCountryCode', () => {
  it.each([
    ['FR', 'FR'],
    ['be', 'BE'],
    ['Deu', 'DE'],
    ['CHE', 'CH'],
    ['France', 'FR'],
    ['FRANCE', 'FR'],
    ['Belgique', 'BE'],
    ['Belgium', 'BE'],
    ['germany', 'DE'],
    ['Allemagne', 'DE'],
    ['royaume-uni', 'GB'],
    ['Royaume Uni', 'GB'],
    ['united kingdom', 'GB'],
    ['UK', 'GB'],
    ['Angleterre', 'GB'],
    ['etats-unis', 'US'],
    ['U.S.A.', 'US'],
    ["Côte-d'Ivoire", 'CI'],
    ['pays-bas', 'NL'],
    ['Corée du Sud', 'KR'],
    ['Réunion', 'RE'],
  ])('resolves %p to %s', (input, expected) => {
    expect(resolveCountryCode(input)).toBe(expected);
  });

  it.each([['Atlantis'], ['XX'], ['XYZ'], ['Congo'], ['F R'], ['Europe'], ['']])(
    'does not know %p',
    (input) => {
      expect(resolveCountryCode(input)).toBeNull();
    }
  );
});
