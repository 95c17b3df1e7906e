import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
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
  processSignUps,
  signUp,
  signUpAndProcess,
  jobRunner,
  SUBSCRIPTIONS,
} from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi({ env: GENEROUS_LIMITS });
const contactCount = () => app.strapi.db.query(UID.contact).count();
const eventCount = () => app.strapi.db.query(UID.consentEvent).count();
/** Contacts, consent events and mails once every accepted sign-up is processed. */
const writtenSoFar = async () => {
  await processSignUps(app);
  return [await contactCount(), await eventCount(), sentMails(app).length];
};

describe('double opt-in', () => {
  it('signs a new address up, mails a link, and subscribes only once the link is followed', async () => {
    const response = await signUpAndProcess(app, {
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
    expect((await signUpAndProcess(app, { email: 'tom@example.co.uk', locale: 'en-GB' })).status).toBe(202);
    const [mail] = mailsTo(app, 'tom@example.co.uk');
    expect(mail.subject).toBe('Please confirm your newsletter subscription');
    expect(mail.text).toContain('valid for 48 hours');
  });

  it('refuses a link a second time, and leaves the consent log alone', async () => {
    await signUpAndProcess(app, { email: 'reuse@example.fr' });
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
    await signUpAndProcess(app, { email: 'late@example.fr' });
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

  it('answers new, pending, known and subscribed addresses with the same bytes, headers included', async () => {
    const api = restClient(app, await createApiToken(app.strapi, 'full-access'));
    await api.post(CONTACTS, {
      lastName: 'Connue',
      firstName: 'Claire',
      email: 'known@example.fr',
      phone: '0612345678',
    });
    await api.post(CONTACTS, { lastName: 'Abonnée', email: 'subscribed@example.fr', newsletter: true });
    await signUpAndProcess(app, { email: 'pending@example.fr' });

    const answers = [];
    for (const email of [
      'brand-new@example.fr',
      'pending@example.fr',
      'known@example.fr',
      'subscribed@example.fr',
    ]) {
      const response = await signUp(app, { email, firstName: 'Mallory', lastName: 'Attaquante' });
      // every header but the clock's: the date, and the time Strapi measured
      const { date: _date, 'x-response-time': _time, ...headers } = response.headers;
      answers.push({ status: response.status, headers, body: response.text });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0].status).toBe(202);
    expect(JSON.parse(answers[0].body)).toMatchObject(ACCEPTED);
    expect(answers[0].headers['content-type']).toMatch(/^application\/json/);
    await processSignUps(app);

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
    const before = await writtenSoFar();
    const response = await signUp(app, { email: 'phish@example.fr', redirectTo: 'https://evil.test/merci' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body as ErrorEnvelope)).toEqual([['redirectTo']]);
    expect(await writtenSoFar()).toEqual(before);
  });
});

describe('the answer speaks the sign-up’s language', () => {
  const FRENCH = 'Si cette adresse peut recevoir des e-mails, un lien de confirmation va lui être envoyé.';
  const ENGLISH = 'If this address can receive mail, a confirmation link is on its way.';
  let sequence = 0;

  it.each([
    ['fr', 'en', FRENCH, 'fr'],
    ['en-GB', 'fr-FR', ENGLISH, 'en'],
  ])(
    'answers a form in %s in its language, whatever the browser (%s), the same for a new and a known address',
    async (locale, browser, message, language) => {
      const known = `deja-inscrit-${language}@example.fr`;
      await signUpAndProcess(app, { email: known, locale });
      const answers = [];
      for (const email of [`nouveau-${language}@example.fr`, known]) {
        const response = await signUp(app, { email, locale }).set('Accept-Language', browser);
        expect(response.status).toBe(202);
        expect(response.body.data).toEqual({ status: 'confirmation_requested', message });
        expect(response.headers['content-language']).toBe(language);
        answers.push(response.text);
      }
      expect(answers[1]).toBe(answers[0]);
    }
  );

  it.each([
    ['en-GB,en;q=0.8', ENGLISH, 'Please confirm your newsletter subscription'],
    ['de-DE, en;q=0.5', ENGLISH, 'Please confirm your newsletter subscription'],
    ['de-DE', FRENCH, 'Confirmez votre inscription à notre lettre d’information'],
    [undefined, FRENCH, 'Confirmez votre inscription à notre lettre d’information'],
  ])(
    'follows the browser’s language (%p) when the form gives none, in the answer and the mail',
    async (acceptLanguage, message, subject) => {
      const email = `navigateur-${++sequence}@example.fr`;
      const sent = signUp(app, { email });
      const response = await (acceptLanguage ? sent.set('Accept-Language', acceptLanguage) : sent);
      expect(response.status).toBe(202);
      expect(response.body.data.message).toBe(message);
      await processSignUps(app);
      expect(mailsTo(app, email).map((mail) => mail.subject)).toEqual([subject]);
    }
  );
});

describe('the answer comes before the work', () => {
  const queued = () => app.strapi.db.query(UID.newsletterSignUp).count();

  it('only queues the request before answering; the worker then uses the request’s own evidence', async () => {
    const queue = jobRunner(app);
    await processSignUps(app);
    await queue.stop();
    try {
      const before = new Date();
      const response = await signUp(app, {
        email: 'later@example.fr',
        source: 'footer-blog',
        consentTextVersion: 'cgu-2026-02',
      }).set('User-Agent', 'jest-slow-browser/3.0');
      const answered = new Date();
      expect(response.status).toBe(202);
      // nothing of the address is looked up or written before the answer: only the queued request
      expect(await contactByEmail(app, 'later@example.fr')).toBeNull();
      expect(mailsTo(app, 'later@example.fr')).toHaveLength(0);
      expect(await queued()).toBe(1);

      // a node that starts (or restarts) drains what was left
      queue.start();
      await processSignUps(app);
      expect(await queued()).toBe(0);
      const contact = await contactByEmail(app, 'later@example.fr');
      const [event] = await consentEventsOf(app, String(contact?.documentId));
      expect(event).toMatchObject({
        action: 'requested',
        source: 'footer-blog',
        consentTextVersion: 'cgu-2026-02',
        ipAddress: expect.stringMatching(/127\.0\.0\.1/),
        userAgent: 'jest-slow-browser/3.0',
      });
      // the moment of the request, not of the processing
      const occurredAt = new Date(String((event as unknown as { occurredAt: string }).occurredAt));
      expect(occurredAt >= new Date(before.getTime() - 1000) && occurredAt <= answered).toBe(true);
      expect(mailsTo(app, 'later@example.fr')).toHaveLength(1);
    } finally {
      queue.start();
    }
  });

  it('retries a sign-up whose mail failed, with a new link, and logs the request once', async () => {
    const provider = app.strapi.plugin('email').provider as { send: (mail: unknown) => Promise<void> };
    const send = provider.send;
    await processSignUps(app);
    provider.send = async () => {
      throw new Error('SMTP server unreachable');
    };
    try {
      await signUpAndProcess(app, { email: 'retry@example.fr' });
    } finally {
      provider.send = send;
    }
    expect(mailsTo(app, 'retry@example.fr')).toHaveLength(0);
    const [waiting] = (await app.strapi.db
      .query(UID.job)
      .findMany({ where: { kind: 'newsletter.sign-up', state: { $ne: 'completed' } } })) as {
      state: string;
      attempts: number;
      lastError: string;
      availableAt: string;
    }[];
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, lastError: 'SMTP server unreachable' });
    expect(new Date(waiting!.availableAt).getTime()).toBeGreaterThan(Date.now());

    // as if the retry delay had passed
    await app.strapi.db
      .query(UID.job)
      .updateMany({ where: { state: 'queued' }, data: { availableAt: new Date(Date.now() - 1000) } });
    await processSignUps(app);
    expect(await queued()).toBe(0);
    expect(mailsTo(app, 'retry@example.fr')).toHaveLength(1);
    const contact = await contactByEmail(app, 'retry@example.fr');
    expect((await consentEventsOf(app, String(contact?.documentId))).map((event) => event.action)).toEqual([
      'requested',
    ]);
    expect((await request(app.baseUrl).post(confirmationPathIn(app, 'retry@example.fr'))).status).toBe(200);
  });

  it('processes each request exactly once when two nodes’ workers share the queue', async () => {
    const queue = jobRunner(app);
    await processSignUps(app);
    await queue.stop();
    const [events, confirmations, mails] = [
      await eventCount(),
      await app.strapi.db.query(UID.newsletterConfirmation).count(),
      sentMails(app).length,
    ];
    try {
      for (let index = 0; index < 30; index += 1) {
        const email = index % 3 === 0 ? 'shared-queue@example.fr' : `queue-${index}@example.fr`;
        expect((await signUp(app, { email })).status).toBe(202);
      }
      // a second worker on the same database, as another Strapi node would run
      await Promise.all([queue.drain(), queue.createRunner('second-node').drain()]);
    } finally {
      queue.start();
    }
    expect(await queued()).toBe(0);
    expect(await eventCount()).toBe(events + 30);
    expect(await app.strapi.db.query(UID.newsletterConfirmation).count()).toBe(confirmations + 30);
    expect(sentMails(app).length).toBe(mails + 30);
    expect(
      await app.strapi.db.query(UID.contact).count({ where: { email: 'shared-queue@example.fr' } })
    ).toBe(1);
  });

  it('is no part of any API, nor are the jobs, even for a full-access token', async () => {
    const token = await createApiToken(app.strapi, 'full-access');
    for (const path of ['newsletter-sign-ups', 'jobs', 'job-schedules']) {
      expect((await restClient(app, token).get(`/api/caladeo-contacts/${path}`)).status).toBe(404);
    }
    const schema = await request(app.baseUrl)
      .post('/graphql')
      .set('Authorization', `Bearer ${token}`)
      .send({ query: '{ __schema { queryType { fields { name } } } }' });
    const queries = (schema.body.data.__schema.queryType.fields as { name: string }[]).map(
      (field) => field.name
    );
    expect(queries).toContain('caladeoContactsContacts');
    expect(queries.filter((name) => /signUp|newsletter|job/i.test(name))).toEqual([]);
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
    const [contacts, events, mails] = await writtenSoFar();
    const response = await signUp(app, body);
    expect(response.status).toBe(400);
    expect(errorPaths(response.body as ErrorEnvelope)).toContainEqual([field]);
    expect(await writtenSoFar()).toEqual([contacts, events, mails]);
  });
});

describe('the honeypot', () => {
  it('accepts a filled trap field like any sign-up, and drops it', async () => {
    const [contacts, events, mails] = await writtenSoFar();
    const trapped = await signUp(app, { email: 'bot@example.fr', website: 'http://spam.test' });
    const genuine = await signUp(app, { email: 'human@example.fr', website: '' });
    await processSignUps(app);
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
    await processSignUps(app);
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
    const [contacts, events, mails] = await writtenSoFar();
    const response = await build(request(app.baseUrl).post(SUBSCRIPTIONS));
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ status });
    expect(await writtenSoFar()).toEqual([contacts, events, mails]);
  });
});

describe('unsubscribe', () => {
  const subscribe = async (email: string) => {
    await signUpAndProcess(app, { email, locale: 'en' });
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
    await signUpAndProcess(app, { email: 'back@example.fr' });
    const pendingBeforeLeaving = confirmationPathIn(app, 'back@example.fr');
    await request(app.baseUrl).post(path);
    // a confirmation link sent before the unsubscribe no longer works
    expect((await request(app.baseUrl).post(pendingBeforeLeaving)).status).toBe(410);
    expect((await contactByEmail(app, 'back@example.fr'))?.newsletter).toBe(false);

    await signUpAndProcess(app, { email: 'back@example.fr' });
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
