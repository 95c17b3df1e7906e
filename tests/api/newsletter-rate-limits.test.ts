import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { mailsTo, processSignUps, signUp } from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

// a small budget per IP and per address, kept in this node's memory (no REDIS_URL)
const app = useStrapi({
  env: {
    NEWSLETTER_LIMIT_PER_IP: '6',
    NEWSLETTER_LIMIT_PER_EMAIL: '2',
    REDIS_URL: '',
    NEWSLETTER_MAX_BODY_BYTES: '8192',
  },
});

describe('rate limits in memory', () => {
  it('limits sign-ups of one address, whatever the case it is typed in', async () => {
    expect((await signUp(app, { email: 'flood@example.fr' })).status).toBe(202);
    expect((await signUp(app, { email: 'FLOOD@example.fr' })).status).toBe(202);
    const limited = await signUp(app, { email: 'Flood@Example.fr' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    // the mailbox got two mails, not three
    await processSignUps(app);
    expect(mailsTo(app, 'flood@example.fr')).toHaveLength(2);
    expect(await app.strapi.db.query(UID.consentEvent).count()).toBe(2);
  });

  it('limits each IP across addresses, and a forged X-Forwarded-For does not reset it', async () => {
    // three requests of this IP were spent above; three remain
    for (const index of [1, 2, 3]) {
      const response = await signUp(app, { email: `visitor${index}@example.fr` }).set(
        'X-Forwarded-For',
        `10.0.0.${index}`
      );
      expect(response.status).toBe(202);
    }
    const limited = await signUp(app, { email: 'visitor4@example.fr' }).set('X-Forwarded-For', '10.9.9.9');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await processSignUps(app);
    expect(await app.strapi.db.query(UID.contact).count({ where: { email: 'visitor4@example.fr' } })).toBe(0);
  });

  it('counts the confirmation and unsubscribe links against the same budget', async () => {
    const confirm = await request(app.baseUrl).post(
      `/api/caladeo-contacts/newsletter/confirmations/${'A'.repeat(43)}`
    );
    expect(confirm.status).toBe(429);
    const unsubscribe = await request(app.baseUrl).get(
      '/api/caladeo-contacts/newsletter/unsubscribe/abc.def'
    );
    expect(unsubscribe.status).toBe(429);
  });

  it('leaves the authenticated API alone', async () => {
    expect((await request(app.baseUrl).get('/api/caladeo-contacts/contacts')).status).toBe(403);
  });
});
