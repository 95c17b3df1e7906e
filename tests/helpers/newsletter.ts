import request from 'supertest';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type { CapturingMailProvider } from '../../src/mail-providers/capture';
import type { JobsService } from '../../src/plugins/caladeo-contacts/server/src/modules/jobs/services/jobs';
import type { TestStrapi } from './strapi';

export const SUBSCRIPTIONS = '/api/caladeo-contacts/newsletter/subscriptions';
export const EXPORT = '/api/caladeo-contacts/newsletter/subscribers/export';

/** Settings of a test file that is not about rate limits: limits out of the way, one allowed website. */
export const GENEROUS_LIMITS = {
  NEWSLETTER_LIMIT_PER_IP: '100000',
  NEWSLETTER_LIMIT_PER_EMAIL: '100000',
  NEWSLETTER_ALLOWED_ORIGINS: 'https://www.agence.test',
};

/** The mails the test provider captured, oldest first. */
export const sentMails = (app: TestStrapi) =>
  (app.strapi.plugin('email').provider as unknown as CapturingMailProvider).sentMails;

export const mailsTo = (app: TestStrapi, email: string) => sentMails(app).filter((mail) => mail.to === email);

/** The path (from /api on) of the first link of a mail's text that matches. */
export const linkIn = (text: string | undefined, pattern: RegExp) => {
  const url = (text ?? '').split(/\s+/).find((word) => pattern.test(word));
  if (!url) throw new Error(`no link matching ${pattern} in mail`);
  return new URL(url).pathname;
};

export const confirmationPathIn = (app: TestStrapi, email: string) => {
  const mails = mailsTo(app, email);
  return linkIn(mails[mails.length - 1]?.text, /\/newsletter\/confirmations\//);
};

export const signUp = (app: TestStrapi, body: Record<string, unknown>) =>
  request(app.baseUrl).post(SUBSCRIPTIONS).set('User-Agent', 'jest-browser/1.0').send(body);

/** The job runner of the booted Strapi, which processes sign-ups. */
export const jobRunner = (app: TestStrapi) =>
  app.strapi.plugin('caladeo-contacts').service('jobs') as JobsService;

/**
 * Waits until every sign-up accepted so far is processed (contact, confirmation, consent event,
 * mail): the route answers before that work is done.
 */
export const processSignUps = (app: TestStrapi) => jobRunner(app).drain();

/** A sign-up whose background work is done once it resolves. */
export const signUpAndProcess = async (app: TestStrapi, body: Record<string, unknown>) => {
  const response = await signUp(app, body);
  await processSignUps(app);
  return response;
};

export const contactByEmail = (app: TestStrapi, email: string) =>
  app.strapi.db.query(UID.contact).findOne({ where: { email } }) as Promise<Record<string, unknown> | null>;

export type StoredConsentEvent = {
  action: string;
  newsletter: boolean | null;
  source: string | null;
  consentTextVersion: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  emailDigest: string | null;
  anonymisedAt: string | null;
};

export const consentEventsOf = async (app: TestStrapi, contactDocumentId: string) =>
  (await app.strapi.db.query(UID.consentEvent).findMany({
    where: { contact: { documentId: contactDocumentId } },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  })) as StoredConsentEvent[];

/** Rows of the subscriber CSV as objects keyed by the header line. */
export const parseCsv = (text: string) => {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((cell, index) => [columns[index], cell]))
  );
};
