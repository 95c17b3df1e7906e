import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { UID } from '../../src/plugins/caladeo-contacts/server/src/constants';
import { createApiToken } from '../helpers/auth';
import { CONTACTS, errorPaths, restClient, type ErrorEnvelope } from '../helpers/http';
import {
  confirmationPathIn,
  consentEventsOf,
  contactByEmail,
  GENEROUS_LIMITS,
  linkIn,
  mailsTo,
  sentMails,
  signUp,
  SUBSCRIPTIONS,
} from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi({ env: GENEROUS_LIMITS });
const contactCount = () => app.strapi.db.query(UID.contact).count();
const eventCount = () => app.strapi.db.query(UID.consentEvent).count();

describe('double opt-in', () => {
  it('signs a new address up, mails a link, and subscribes only once the link is followed', async () => {
    const response = await signUp(app, {
      email: 'Lea.Dubois@Example.fr',
      firstName: 'Léa',
      lastName: 'Dubois',
      source: 'footer-home',
      locale: 'fr',
      consentTextVersion: 'cgu-2026-01',
    });
    expect(response.status).toBe(202);

    const contact = await contactByEmail(app, 'lea.dubois@example.fr');
    expect(contact).toMatchObject({
      firstName: 'Léa',
      lastName: 'Dubois',
      newsletter: false,
      preferredLanguage: 'fr',
    });

    const [mail] = mailsTo(app, 'lea.dubois@example.fr');
    expect(mail.subject).toMatch(/Confirmez/);
    expect(mail.html).toContain('/newsletter/confirmations/');
    const confirmPath = confirmationPathIn(app, 'lea.dubois@example.fr');
    // the token is never stored as it is
    const token = confirmPath.split('/').pop() as string;
    const stored = JSON.stringify(await app.strapi.db.query(UID.newsletterConfirmation).findMany({}));
    expect(stored).not.toContain(token);

    // following the link shows a page; only its button confirms (mail scanners only GET)
    const page = await request(app.baseUrl).get(confirmPath);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post"');
    expect((await contactByEmail(app, 'lea.dubois@example.fr'))?.newsletter).toBe(false);

    const confirmed = await request(app.baseUrl)
      .post(confirmPath)
      .set('User-Agent', 'jest-confirming-browser/2.0')
      .type('form')
      .send({});
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Inscription confirmée');
    expect((await contactByEmail(app, 'lea.dubois@example.fr'))?.newsletter).toBe(true);

    const events = await consentEventsOf(app, String(contact?.documentId));
    expect(events).toEqual([
      expect.objectContaining({
        action: 'requested',
        newsletter: false,
        source: 'footer-home',
        consentTextVersion: 'cgu-2026-01',
        ipAddress: expect.stringMatching(/127\.0\.0\.1/),
        userAgent: 'jest-browser/1.0',
        actorKind: 'visitor',
      }),
      expect.objectContaining({
        action: 'confirmed',
        newsletter: true,
        source: 'footer-home',
        consentTextVersion: 'cgu-2026-01',
        userAgent: 'jest-confirming-browser/2.0',
        actorKind: 'visitor',
      }),
    ]);
  });

  it('writes the English template for an English form', async () => {
    expect((await signUp(app, { email: 'tom@example.co.uk', locale: 'en-GB' })).status).toBe(202);
    const [mail] = mailsTo(app, 'tom@example.co.uk');
    expect(mail.subject).toBe('Please confirm your newsletter subscription');
    expect(mail.text).toContain('valid for 48 hours');
  });

  it('refuses a link a second time, and leaves the consent log alone', async () => {
    await signUp(app, { email: 'reuse@example.fr' });
    const path = confirmationPathIn(app, 'reuse@example.fr');
    expect((await request(app.baseUrl).post(path)).status).toBe(200);
    const eventsBefore = await eventCount();

    const again = await request(app.baseUrl).post(path);
    expect(again.status).toBe(410);
    expect(again.text).toContain('Lien expiré ou déjà utilisé');
    expect((await request(app.baseUrl).get(path)).status).toBe(410);
    expect(await eventCount()).toBe(eventsBefore);
  });

  it('refuses an expired link and leaves the contact unsubscribed', async () => {
    await signUp(app, { email: 'late@example.fr' });
    const path = confirmationPathIn(app, 'late@example.fr');
    await app.strapi.db
      .query(UID.newsletterConfirmation)
      .updateMany({ where: {}, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect((await request(app.baseUrl).post(path)).status).toBe(410);
    expect((await contactByEmail(app, 'late@example.fr'))?.newsletter).toBe(false);
  });

  it.each([
    ['/api/caladeo-contacts/newsletter/confirmations/not-a-token'],
    [`/api/caladeo-contacts/newsletter/confirmations/${'A'.repeat(43)}`],
  ])('answers 410 to the made-up link %s', async (path) => {
    expect((await request(app.baseUrl).post(path)).status).toBe(410);
  });
});

describe('never overwrite, never reveal', () => {
  const ACCEPTED = { data: { status: 'confirmation_requested' } };

  it('answers new, pending, known and subscribed addresses with the same bytes', async () => {
    const api = restClient(app, await createApiToken(app.strapi, 'full-access'));
    await api.post(CONTACTS, {
      lastName: 'Connue',
      firstName: 'Claire',
      email: 'known@example.fr',
      phone: '0612345678',
    });
    await api.post(CONTACTS, { lastName: 'Abonnée', email: 'subscribed@example.fr', newsletter: true });
    await signUp(app, { email: 'pending@example.fr' });

    const answers = [];
    for (const email of [
      'brand-new@example.fr',
      'pending@example.fr',
      'known@example.fr',
      'subscribed@example.fr',
    ]) {
      const response = await signUp(app, { email, firstName: 'Mallory', lastName: 'Attaquante' });
      answers.push({ status: response.status, body: response.text, type: response.headers['content-type'] });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0].status).toBe(202);
    expect(JSON.parse(answers[0].body)).toMatchObject(ACCEPTED);

    // the known contact keeps its own data; only a confirmation was started
    expect(await contactByEmail(app, 'known@example.fr')).toMatchObject({
      firstName: 'Claire',
      lastName: 'Connue',
      phone: '+33612345678',
      newsletter: false,
    });
    expect(mailsTo(app, 'known@example.fr')).toHaveLength(1);
    expect(mailsTo(app, 'subscribed@example.fr')).toHaveLength(1);
  });

  it('redirects to an allowed page the same way for every address', async () => {
    const redirectTo = 'https://www.agence.test/merci';
    for (const email of ['redirect-new@example.fr', 'known@example.fr']) {
      const response = await signUp(app, { email, redirectTo });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(redirectTo);
    }
  });

  it('refuses a redirect to another website and writes nothing', async () => {
    const before = await contactCount();
    const response = await signUp(app, { email: 'phish@example.fr', redirectTo: 'https://evil.test/merci' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body as ErrorEnvelope)).toEqual([['redirectTo']]);
    expect(await contactCount()).toBe(before);
  });
});

describe('the public body cannot set anything else', () => {
  it.each([
    [{ email: 'mass@example.fr', newsletter: true }, 'newsletter'],
    [{ email: 'mass@example.fr', phone: '0612345678' }, 'phone'],
    [{ email: 'mass@example.fr', clientLinks: { connect: ['x'] } }, 'clientLinks'],
    [{ email: 'mass@example.fr', consentEvents: [1] }, 'consentEvents'],
    [{ email: 'mass@example.fr', documentId: 'abc' }, 'documentId'],
    [{ data: { email: 'mass@example.fr' } }, 'data'],
  ])('refuses %p naming %s, and writes nothing', async (body, field) => {
    const [contacts, events, mails] = [await contactCount(), await eventCount(), sentMails(app).length];
    const response = await signUp(app, body);
    expect(response.status).toBe(400);
    expect(errorPaths(response.body as ErrorEnvelope)).toContainEqual([field]);
    expect([await contactCount(), await eventCount(), sentMails(app).length]).toEqual([
      contacts,
      events,
      mails,
    ]);
  });
});

describe('the honeypot', () => {
  it('accepts a filled trap field like any sign-up, and drops it', async () => {
    const [contacts, events, mails] = [await contactCount(), await eventCount(), sentMails(app).length];
    const trapped = await signUp(app, { email: 'bot@example.fr', website: 'http://spam.test' });
    const genuine = await signUp(app, { email: 'human@example.fr', website: '' });
    expect(trapped.status).toBe(202);
    expect(trapped.text).toBe(genuine.text);
    expect(await contactByEmail(app, 'bot@example.fr')).toBeNull();
    expect(mailsTo(app, 'bot@example.fr')).toHaveLength(0);
    expect([await contactCount(), await eventCount(), sentMails(app).length]).toEqual([
      contacts + 1,
      events + 1,
      mails + 1,
    ]);
  });
});

describe('a plain HTML form', () => {
  it('posts urlencoded fields and is redirected to the thank-you page', async () => {
    const response = await request(app.baseUrl)
      .post(SUBSCRIPTIONS)
      .type('form')
      .send(
        'email=form%40example.fr&firstName=Zo%C3%A9&source=contact-page&locale=fr&website=&redirectTo=https%3A%2F%2Fwww.agence.test%2Fmerci'
      );
    expect(response.status).toBe(303);
    expect(await contactByEmail(app, 'form@example.fr')).toMatchObject({
      firstName: 'Zoé',
      newsletter: false,
    });
  });

  it('lets only the allowed website read answers from a browser', async () => {
    const allowed = await signUp(app, { email: 'cors@example.fr' }).set('Origin', 'https://www.agence.test');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://www.agence.test');
    const other = await signUp(app, { email: 'cors@example.fr' }).set('Origin', 'https://evil.test');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    const preflight = await request(app.baseUrl)
      .options(SUBSCRIPTIONS)
      .set('Origin', 'https://evil.test')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const allowedPreflight = await request(app.baseUrl)
      .options(SUBSCRIPTIONS)
      .set('Origin', 'https://www.agence.test')
      .set('Access-Control-Request-Method', 'POST');
    expect(allowedPreflight.headers['access-control-allow-origin']).toBe('https://www.agence.test');
    expect(allowedPreflight.headers['access-control-allow-methods']).toContain('POST');
  });
});

describe('malformed bodies get a 4xx and write nothing', () => {
  const cases: [string, (test: request.Test) => request.Test, number][] = [
    ['bad JSON', (test) => test.set('Content-Type', 'application/json').send('{"email": "a@b.fr",'), 400],
    ['a JSON array', (test) => test.send([{ email: 'a@b.fr' }]), 400],
    ['a number as e-mail', (test) => test.send({ email: 42 }), 400],
    ['an object as name', (test) => test.send({ email: 'a@b.fr', firstName: { $ne: null } }), 400],
    ['a huge name', (test) => test.send({ email: 'a@b.fr', lastName: 'x'.repeat(5000) }), 400],
    ['a body over the limit', (test) => test.send({ email: 'a@b.fr', source: 'x'.repeat(20000) }), 413],
    ['plain text', (test) => test.set('Content-Type', 'text/plain').send('email=a@b.fr'), 415],
    ['XML', (test) => test.set('Content-Type', 'application/xml').send('<email>a@b.fr</email>'), 415],
    ['multipart', (test) => test.field('email', 'a@b.fr'), 415],
    ['repeated form fields', (test) => test.type('form').send('email=a%40b.fr&email=c%40d.fr'), 400],
    ['an empty body', (test) => test, 400],
  ];

  it.each(cases)('%s', async (_name, build, status) => {
    const [contacts, events, mails] = [await contactCount(), await eventCount(), sentMails(app).length];
    const response = await build(request(app.baseUrl).post(SUBSCRIPTIONS));
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ status });
    expect([await contactCount(), await eventCount(), sentMails(app).length]).toEqual([
      contacts,
      events,
      mails,
    ]);
  });
});

describe('unsubscribe', () => {
  const subscribe = async (email: string) => {
    await signUp(app, { email, locale: 'en' });
    await request(app.baseUrl).post(confirmationPathIn(app, email));
    const contact = await contactByEmail(app, email);
    const url = app.strapi
      .plugin('caladeo-contacts')
      .service('newsletter')
      .unsubscribeUrl(contact?.documentId) as string;
    return { contact, path: new URL(url).pathname };
  };

  it('shows a page that reveals nothing, then unsubscribes in one click (RFC 8058)', async () => {
    const { contact, path } = await subscribe('leaving@example.fr');
    const page = await request(app.baseUrl).get(path).set('Accept-Language', 'en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('List-Unsubscribe');
    expect(page.text).not.toContain('leaving@example.fr');
    expect((await contactByEmail(app, 'leaving@example.fr'))?.newsletter).toBe(true);

    const response = await request(app.baseUrl).post(path).type('form').send('List-Unsubscribe=One-Click');
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('leaving@example.fr');
    expect((await contactByEmail(app, 'leaving@example.fr'))?.newsletter).toBe(false);
    const events = await consentEventsOf(app, String(contact?.documentId));
    expect(events.map((event) => event.action)).toEqual(['requested', 'confirmed', 'withdrawn']);
    expect(events[2]).toMatchObject({ actorKind: 'visitor', source: 'unsubscribe_link' });

    // a second click changes nothing and logs nothing
    expect((await request(app.baseUrl).post(path)).status).toBe(200);
    expect(await consentEventsOf(app, String(contact?.documentId))).toHaveLength(3);
  });

  it('lets the person subscribe again through a new double opt-in only', async () => {
    const { path } = await subscribe('back@example.fr');
    await signUp(app, { email: 'back@example.fr' });
    const pendingBeforeLeaving = confirmationPathIn(app, 'back@example.fr');
    await request(app.baseUrl).post(path);
    // a confirmation link sent before the unsubscribe no longer works
    expect((await request(app.baseUrl).post(pendingBeforeLeaving)).status).toBe(410);
    expect((await contactByEmail(app, 'back@example.fr'))?.newsletter).toBe(false);

    await signUp(app, { email: 'back@example.fr' });
    expect((await request(app.baseUrl).post(confirmationPathIn(app, 'back@example.fr'))).status).toBe(200);
    expect((await contactByEmail(app, 'back@example.fr'))?.newsletter).toBe(true);
  });

  it.each([['forged'], ['abc.def'], ['x'.repeat(300)]])('refuses the link %s with 404', async (token) => {
    const path = `/api/caladeo-contacts/newsletter/unsubscribe/${token}`;
    expect((await request(app.baseUrl).get(path)).status).toBe(404);
    expect((await request(app.baseUrl).post(path)).status).toBe(404);
  });

  it('refuses a link signed for another contact', async () => {
    const { path } = await subscribe('victim@example.fr');
    const other = await contactByEmail(app, 'known@example.fr');
    const forged = path.replace(/unsubscribe\/[a-z0-9]+\./, `unsubscribe/${other?.documentId}.`);
    expect((await request(app.baseUrl).post(forged)).status).toBe(404);
  });

  it('is linked from the confirmation mail flow for later newsletters', async () => {
    const contact = await contactByEmail(app, 'lea.dubois@example.fr');
    const url = app.strapi
      .plugin('caladeo-contacts')
      .service('newsletter')
      .unsubscribeUrl(contact?.documentId) as string;
    expect(linkIn(url, /unsubscribe/)).toMatch(
      /^\/api\/caladeo-contacts\/newsletter\/unsubscribe\/[a-z0-9]+\.[\w-]+$/
    );
  });
});
