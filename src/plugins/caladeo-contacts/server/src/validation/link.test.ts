import { describe, expect, it } from '@jest/globals';

import { LINK_ROLES } from '../../../shared/constants';
import { normaliseLinkPatch } from './link';

describe('normaliseLinkPatch', () => {
  it.each(LINK_ROLES.map((role) => [role]))('accepts the role %s and defaults isPrimary to false', (role) => {
    expect(normaliseLinkPatch({ role, contact: 'doc1', client: 'doc2' }, null)).toEqual({
      ok: true,
      data: { role, isPrimary: false },
    });
  });

  it('requires a role on create and refuses to clear it', () => {
    expect(normaliseLinkPatch({ isPrimary: true }, null)).toEqual({
      ok: false,
      errors: [{ path: ['role'], code: 'required', values: {}, message: 'is required' }],
    });
    expect(normaliseLinkPatch({ role: null }, { role: 'payeur', isPrimary: false })).toEqual({
      ok: false,
      errors: [{ path: ['role'], code: 'required', values: {}, message: 'is required' }],
    });
  });

  it('updates only what is sent', () => {
    expect(normaliseLinkPatch({ isPrimary: true }, { role: 'payeur', isPrimary: false })).toEqual({
      ok: true,
      data: { isPrimary: true },
    });
  });

  it('reports every bad value', () => {
    expect(normaliseLinkPatch({ role: 'Président', isPrimary: 'yes' }, null)).toEqual({
      ok: false,
      errors: [
        {
          path: ['role'],
          code: 'choice.invalid',
          values: {
            allowed:
              'responsable_voyage, president, payeur, voyageur, accompagnateur, contact_facturation, autre',
          },
          message:
            'must be one of: responsable_voyage, president, payeur, voyageur, accompagnateur, contact_facturation, autre',
        },
        { path: ['isPrimary'], code: 'boolean.invalid', values: {}, message: 'must be true or false' },
      ],
    });
  });

  it.each([[0], [['payeur']], [{ role: 'payeur' }], ['payeur\u0000'], ['p'.repeat(10_000)]])(
    'never throws on a hostile role (%#)',
    (role) => {
      const result = normaliseLinkPatch({ role }, null);
      expect(result.ok).toBe(false);
    }
  );
});
