import { describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { UNIQUE_VIOLATION, rejectionMessage } from '../helpers/database';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();

describe('the database itself keeps keys unique, below the validation layer', () => {
  it('refuses a second contact whose e-mail differs only by case', async () => {
    const contacts = () => app.strapi.db.query(UID.contact);
    await contacts().create({ data: { lastName: 'Brut', email: 'brut@example.fr' } });
    const message = await rejectionMessage(
      contacts().create({ data: { lastName: 'Brut bis', email: 'BRUT@example.fr' } })
    );
    expect(message).toMatch(UNIQUE_VIOLATION);
    expect(await contacts().count({ where: { lastName: { $startsWith: 'Brut' } } })).toBe(1);
  });

  it('refuses a second offer with the same reference', async () => {
    const offers = () => app.strapi.db.query(UID.offer);
    await offers().create({ data: { title: 'A', reference: 'REF-1', offerStatus: 'draft' } });
    const message = await rejectionMessage(
      offers().create({ data: { title: 'B', reference: 'REF-1', offerStatus: 'draft' } })
    );
    expect(message).toMatch(UNIQUE_VIOLATION);
  });
});
