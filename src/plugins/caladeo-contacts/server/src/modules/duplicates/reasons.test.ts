import { describe, expect, it } from '@jest/globals';
import { clientDuplicateScore, clientReasonsBetween, duplicateScore, reasonsBetween } from './reasons';

const helene = {
  firstName: 'Hélène',
  lastName: 'Lefèvre',
  email: 'helene.lefevre@example.fr',
  phone: '+33612345678',
  postalCode: '33000',
  city: 'Bordeaux',
  clients: ['client1'],
};

describe('reasonsBetween', () => {
  it('finds every reason two records of one person share', () => {
    expect(reasonsBetween(helene, { ...helene, clients: ['client1', 'client2'] })).toEqual([
      'email',
      'phone',
      'nameAndPostalCode',
      'nameAndClient',
      'nameAndCity',
    ]);
  });

  it('says nothing of namesakes elsewhere, nor of people who only share a surname', () => {
    expect(
      reasonsBetween(helene, { firstName: 'Hélène', lastName: 'Lefèvre', postalCode: '75011', city: 'Paris' })
    ).toEqual([]);
    expect(reasonsBetween(helene, { firstName: 'Paul', lastName: 'Lefèvre', postalCode: '33000' })).toEqual(
      []
    );
    expect(
      reasonsBetween(
        { lastName: 'Lefèvre', postalCode: '33000' },
        { lastName: 'Lefèvre', postalCode: '33000' }
      )
    ).toEqual([]);
  });

  it('gives a similar name only when the names differ, and the local part only across domains', () => {
    expect(
      reasonsBetween(helene, { firstName: 'Helene', lastName: 'Lefebvre', postalCode: '33000' })
    ).toEqual(['similarNameAndPostalCode']);
    expect(reasonsBetween(helene, { lastName: 'X', email: 'helene.lefevre@gmail.com' })).toEqual([
      'emailLocalPart',
    ]);
  });
});

describe('duplicateScore', () => {
  it('ranks more evidence higher, never reaching certainty without the e-mail', () => {
    expect(duplicateScore(['phone', 'nameAndPostalCode'])).toBeGreaterThan(duplicateScore(['phone']));
    expect(duplicateScore(['emailLocalPart', 'similarNameAndPostalCode'])).toBeGreaterThan(
      duplicateScore(['similarNameAndPostalCode'])
    );
    expect(duplicateScore(['phone', 'nameAndPostalCode', 'nameAndCity'])).toBeLessThan(1);
    expect(duplicateScore([])).toBe(0);
  });
});

describe('clientReasonsBetween', () => {
  const dupont = { name: 'SARL Voyages Dupont', siret: '73282932000074', city: 'Saint-Étienne' };
  it('finds the same SIRET however it was typed, and the same folded name in the same town', () => {
    expect(
      clientReasonsBetween(dupont, {
        name: 'Voyages Dupont SAS',
        siret: '732 829 320 00074',
        city: 'St Etienne',
      })
    ).toEqual(['siret', 'nameAndCity']);
  });
  it('says nothing of a namesake in another town, nor of two clients without SIRET', () => {
    expect(clientReasonsBetween(dupont, { name: 'Voyages Dupont', city: 'Lyon' })).toEqual([]);
    expect(clientReasonsBetween({ name: 'A', city: null }, { name: 'A', city: null })).toEqual([]);
  });
  it('scores both reasons above either', () => {
    expect(clientDuplicateScore(['siret'])).toBe(0.95);
    expect(clientDuplicateScore(['siret', 'nameAndCity'])).toBe(0.99);
    expect(clientDuplicateScore(['nameAndCity'])).toBe(0.8);
  });
});
