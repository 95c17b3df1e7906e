import { describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/server/src/constants';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();

describe('the database itself keeps e-mails unique regardless of case', () => {
  it('refuses a second row whose e-mail differs only by case, below the validation layer', async () => {
    const contacts = () => app.strapi.db.query(UID.contact);
    await contacts().create({ data: { lastName: 'Brut', email: 'brut@example.fr' } });
    await expect(
      contacts().create({ data: { lastName: 'Brut bis', email: 'BRUT@example.fr' } })
    ).rejects.toThrow(/unique|duplicate/i);
    expect(await contacts().count({ where: { lastName: { $startsWith: 'Brut' } } })).toBe(1);
  });

  it('refuses a second offer with the same reference', async () => {
    const offers = () => app.strapi.db.query(UID.offer);
    await offers().create({ data: { title: 'A', reference: 'REF-1', status: 'draft' } });
    await expect(
      offers().create({ data: { title: 'B', reference: 'REF-1', status: 'draft' } })
    ).rejects.toThrow(/unique|duplicate/i);
  });
});
