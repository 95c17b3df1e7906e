import { describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();

/**
 * The message of the error a write rejects with. The database driver's errors can come from a
 * module another test file loaded first (another realm), which `rejects.toThrow` does not
 * recognise as errors; their message is what matters.
 */
const rejectionMessage = (write: Promise<unknown>) =>
  write.then(
    () => 'resolved',
    (error: unknown) => String((error as { message?: unknown } | null)?.message ?? error)
  );

describe('the database itself keeps keys unique, below the validation layer', () => {
  it('refuses a second contact whose e-mail differs only by case', async () => {
    const contacts = () => app.strapi.db.query(UID.contact);
    await contacts().create({ data: { lastName: 'Brut', email: 'brut@example.fr' } });
    const message = await rejectionMessage(
      contacts().create({ data: { lastName: 'Brut bis', email: 'BRUT@example.fr' } })
    );
    expect(message).toMatch(/unique|duplicate/i);
    expect(await contacts().count({ where: { lastName: { $startsWith: 'Brut' } } })).toBe(1);
  });

  it('refuses a second offer with the same reference', async () => {
    const offers = () => app.strapi.db.query(UID.offer);
    await offers().create({ data: { title: 'A', reference: 'REF-1', offerStatus: 'draft' } });
    const message = await rejectionMessage(
      offers().create({ data: { title: 'B', reference: 'REF-1', offerStatus: 'draft' } })
    );
    expect(message).toMatch(/unique|duplicate/i);
  });
});
