import { describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import {
  consentEventsOf,
  contactByEmail,
  GENEROUS_LIMITS,
  mailsTo,
  processSignUps,
  signUp,
} from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi({ env: GENEROUS_LIMITS });
const CONCURRENT_SIGN_UPS = 200;

describe('a burst of sign-ups of one address', () => {
  it(`${CONCURRENT_SIGN_UPS} at once make exactly one contact and a coherent consent log`, async () => {
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT_SIGN_UPS }, (_, index) =>
        signUp(app, {
          // the same address typed in different ways
          email: index % 2 === 0 ? 'burst@example.fr' : ' BURST@Example.FR ',
          firstName: `Essai ${index}`,
          source: 'burst',
        })
      )
    );
    expect(responses.map((response) => response.status)).toEqual(Array(CONCURRENT_SIGN_UPS).fill(202));
    expect(new Set(responses.map((response) => response.text)).size).toBe(1);
    await processSignUps(app);

    expect(await app.strapi.db.query(UID.contact).count({ where: { email: 'burst@example.fr' } })).toBe(1);
    const contact = await contactByEmail(app, 'burst@example.fr');
    expect(contact?.newsletter).toBe(false);
    // one request, one pending confirmation, one mail: no more, no less
    const events = await consentEventsOf(app, String(contact?.documentId));
    expect(events).toHaveLength(CONCURRENT_SIGN_UPS);
    expect(events.every((event) => event.action === 'requested' && event.newsletter === false)).toBe(true);
    expect(await app.strapi.db.query(UID.newsletterConfirmation).count()).toBe(CONCURRENT_SIGN_UPS);
    expect(mailsTo(app, 'burst@example.fr')).toHaveLength(CONCURRENT_SIGN_UPS);
    expect(await app.strapi.db.query(UID.consentEvent).count()).toBe(CONCURRENT_SIGN_UPS);
  });
});
