import { describe, expect, it } from '@jest/globals';
import { departementOf } from './departements';

describe('departementOf', () => {
  it('names the département of a postal code as the server stores it', () => {
    expect(departementOf('33000')).toEqual({ code: '33', name: 'Gironde' });
    expect(departementOf('33 913')).toEqual({ code: '33', name: 'Gironde' });
    expect(departementOf('97400')).toEqual({ code: '974', name: 'La Réunion' });
    expect(departementOf('20000')).toEqual({ code: '2A', name: 'Corse-du-Sud' });
    expect(departementOf('20200')).toEqual({ code: '2B', name: 'Haute-Corse' });
  });

  it('knows nothing of an incomplete or unknown code', () => {
    expect(departementOf('3300')).toBeNull();
    expect(departementOf('00100')).toBeNull();
    expect(departementOf('SW1A 1AA')).toBeNull();
  });
});
