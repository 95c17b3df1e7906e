import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import type { LastChange } from '../../../shared/contracts/admin';
import en from '../translations/en.json';
import fr from '../translations/fr.json';
import { lastChangeText } from './last-change';
import type { MessageKey } from './translate';

const AT = '2026-12-03T14:05:00.000Z';

/** The line as a page in that language writes it, in UTC. */
const line = (
  locale: 'fr' | 'en',
  change: Partial<LastChange> & Pick<LastChange, 'by'>,
  feminine = false
) => {
  const intl = createIntl({ locale, timeZone: 'UTC', messages: locale === 'fr' ? fr : en });
  const t = (key: MessageKey, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: key }, values);
  const jobKind = (kind: string) => (kind === 'duplicates.scan' ? 'Analyse des doublons' : kind);
  return lastChangeText(t, intl, jobKind, { kind: 'modified', at: AT, ...change }, feminine);
};

describe('the last change line', () => {
  it('names the admin, in French and in English', () => {
    const by = { type: 'admin_user', name: 'Marie Dupont', entryPoint: 'admin' } as const;
    expect(line('fr', { by })).toBe('Modifié le 3 décembre 2026 à 14:05 par Marie Dupont');
    expect(line('fr', { by, kind: 'created' })).toBe('Créé le 3 décembre 2026 à 14:05 par Marie Dupont');
    expect(line('fr', { by }, true)).toBe('Modifiée le 3 décembre 2026 à 14:05 par Marie Dupont');
    expect(line('en', { by })).toBe('Last modified on December 3, 2026 at 02:05 PM by Marie Dupont');
  });

  it('names the source of a change no staff member made', () => {
    expect(line('fr', { by: { type: 'api_token', name: 'Générateur de devis', entryPoint: 'rest' } })).toBe(
      'Modifié le 3 décembre 2026 à 14:05 par l’application « Générateur de devis » (API REST)'
    );
    expect(line('fr', { by: { type: 'import', name: 'clients.csv', entryPoint: 'import' } })).toMatch(
      /par l’import « clients\.csv »$/
    );
    expect(line('fr', { by: { type: 'job', name: 'duplicates.scan', entryPoint: 'job' } })).toMatch(
      /par la tâche « Analyse des doublons »$/
    );
    expect(line('fr', { by: { type: 'visitor', name: null, entryPoint: 'newsletter' } })).toMatch(
      /par le formulaire du site ou un lien de la newsletter$/
    );
    expect(line('fr', { by: { type: 'system', name: null, entryPoint: 'system' } })).toMatch(
      /par le système$/
    );
    expect(line('en', { by: { type: 'api_user', name: 'crm-sync', entryPoint: 'graphql' } })).toMatch(
      /by the API user “crm-sync” \(GraphQL API\)$/
    );
    expect(line('en', { by: { type: 'admin_user', name: null, entryPoint: 'admin' } })).toMatch(
      /by a member of the agency$/
    );
  });

  it('names nobody when the history does not tell', () => {
    expect(line('fr', { by: null })).toBe('Modifié le 3 décembre 2026 à 14:05');
    expect(line('en', { by: null, kind: 'created' })).toBe('Created on December 3, 2026 at 02:05 PM');
  });
});
