import { describe, expect, it } from '@jest/globals';
import { clientNameOf, contactNameOf } from './record-names';

describe('the name a merge refusal gives a record', () => {
  it('is a contact’s full name with the e-mail after it', () => {
    expect(
      contactNameOf({ firstName: ' Élodie ', lastName: 'Perrin', email: 'elodie.perrin@exemple.fr' })
    ).toBe('Élodie Perrin (elodie.perrin@exemple.fr)');
  });

  it('is what is known of a contact when a part is missing', () => {
    expect(contactNameOf({ firstName: null, lastName: 'Perrin', email: null })).toBe('Perrin');
    expect(contactNameOf({ firstName: '', lastName: '  ', email: 'e.perrin@exemple.fr' })).toBe(
      'e.perrin@exemple.fr'
    );
    expect(contactNameOf({ firstName: null, lastName: null, email: null })).toBe('');
  });

  it('is a client’s name', () => {
    expect(clientNameOf({ name: 'Comité d’entreprise Airbus ' })).toBe('Comité d’entreprise Airbus');
  });
});
