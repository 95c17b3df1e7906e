import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID, type NewsletterLocale } from '../../../../../shared/constants';
import { runInPublicConsentFlow } from '../consent-flow';
import { confirmationMail } from '../messages';
import { newsletterSettings } from '../settings';
import {
  hashConfirmationToken,
  isWellFormedConfirmationToken,
  newConfirmationToken,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from '../tokens';
import type { NewsletterSignUp } from '../validation';
import { toCsv } from '../../../utils/csv';
import { getService } from '../../../utils/get-service';
import { contentApiPath } from '../../../utils/routes';
import { SIGN_UP_JOB } from '../sign-up-job';

/** What the public pages know about the person in front of them. */
export type Visitor = { ipAddress: string | null; userAgent: string | null };

/** A sign-up as the form sent it, with the evidence of its request, waiting in the queue. */
export type SignUpRequest = Omit<NewsletterSignUp, 'redirectTo'> & Visitor & { requestedAt: Date };

type ContactRow = { id: number; documentId: string; email: string | null; newsletter: boolean };
type ConfirmationRow = {
  id: number;
  expiresAt: string | Date;
  consumedAt: string | Date | null;
  source: string | null;
  consentTextVersion: string | null;
  locale: string | null;
  contact: ContactRow | null;
};

export type ConfirmationState =
  | { valid: true; locale: NewsletterLocale }
  | { valid: false; locale: NewsletterLocale };

const CONTACT_FIELDS = ['id', 'documentId', 'email', 'newsletter'];
const EXPORT_BATCH = 1000;
/** The subscriber export's columns, in order (also told by the API document). */
export const EXPORT_COLUMNS = [
  'email',
  'firstName',
  'lastName',
  'locale',
  'confirmedAt',
  'consentMethod',
  'unsubscribeUrl',
];
const CONSENT_METHOD: Record<string, string> = {
  confirmed: 'double_opt_in',
  set_by_staff: 'staff',
  set_by_api: 'api',
};

const asLocale = (value: unknown): NewsletterLocale => (value === 'en' ? 'en' : 'fr');

const isEmailTaken = (error: unknown) =>
  error instanceof errors.ValidationError &&
  ((error.details as { errors?: { path?: string[] }[] } | undefined)?.errors ?? []).some(
    (entry) => entry.path?.[0] === 'email'
  );

const newsletter = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => newsletterSettings(strapi);
  const consentLog = () => getService(strapi, 'consent-log');
  const contacts = () => strapi.db.query(UID.contact);
  const confirmations = () => strapi.db.query(UID.newsletterConfirmation);

  const signUps = () => strapi.db.query(UID.newsletterSignUp);

  /** Writes the request and its job; called in a transaction, so neither exists without the other. */
  const queueSignUp = async (request: SignUpRequest) => {
    const { id } = (await signUps().create({
      data: {
        email: request.email,
        firstName: request.firstName,
        lastName: request.lastName,
        source: request.source,
        consentTextVersion: request.consentTextVersion,
        locale: request.locale,
        isTrapped: request.isTrapped,
        ipAddress: request.ipAddress,
        userAgent: request.userAgent,
        requestedAt: request.requestedAt,
      },
    })) as { id: number };
    const jobId = await getService(strapi, 'jobs').enqueue(SIGN_UP_JOB, { signUpId: id });
    await signUps().update({ where: { id }, data: { jobId } });
  };

  const linkTo = (path: string) =>
    `${settings().publicUrl.replace(/\/+$/, '')}${contentApiPath(strapi, path)}`;

  /**
   * The contact of this address, created from the form when there is none. An existing contact
   * is never changed by a sign-up: the form's data is unverified. Concurrent sign-ups of one new
   * address race on the unique e-mail index; the losers read the winner's contact.
   */
  const findOrCreateContact = async (request: SignUpRequest): Promise<ContactRow> => {
    // the address of a contact merged into another finds the contact it went to
    const find = async () =>
      ((await contacts().findOne({
        select: CONTACT_FIELDS,
        where: { email: request.email },
      })) as ContactRow | null) ??
      (await getService(strapi, 'email-aliases').contactsOf<ContactRow>([request.email])).get(
        request.email.toLowerCase()
      ) ??
      null;
    const existing = await find();
    if (existing) return existing;
    try {
      const created = await strapi.documents(UID.contact).create({
        data: {
          email: request.email,
          firstName: request.firstName,
          lastName: request.lastName,
          preferredLanguage: request.locale,
          newsletter: false,
        } as never,
      });
      return created as unknown as ContactRow;
    } catch (error) {
      const winner = isEmailTaken(error) ? await find() : null;
      if (winner) return winner;
      throw error;
    }
  };

  return {
    /**
     * Accepts a sign-up from the public form. Only work that is the same for every address is done
     * before the answer: the request is written to its hidden table with a job to process it
     * (durable, so a stopped process loses nothing), and the job runner does the rest in the
     * background (`sign-up-job.ts`) — so that neither the answer nor its timing tells a new,
     * pending or known address apart. A trapped request is queued too (a bot must not see the trap
     * in the timing) and dropped by the job.
     */
    async signUp(signUp: NewsletterSignUp, visitor: Visitor) {
      const { redirectTo: _redirectTo, ...request } = signUp;
      await strapi.db.transaction(() => queueSignUp({ ...request, ...visitor, requestedAt: new Date() }));
    },

    /**
     * Gives a job to every sign-up request that has none: requests queued before sign-ups became
     * jobs. Each is taken by a conditional update, so two nodes starting together queue it once.
     */
    async queueUnprocessedSignUps() {
      const orphans = (await signUps().findMany({ select: ['id'], where: { jobId: null } })) as {
        id: number;
      }[];
      for (const { id } of orphans) {
        await strapi.db.transaction(async () => {
          const { count } = await signUps().updateMany({ where: { id, jobId: null }, data: { jobId: 0 } });
          if (count !== 1) return;
          const jobId = await getService(strapi, 'jobs').enqueue(SIGN_UP_JOB, { signUpId: id });
          await signUps().update({ where: { id }, data: { jobId } });
        });
      }
    },

    /**
     * The work behind a sign-up, run by the queue's worker: finds or creates the contact, then in
     * one transaction writes a pending confirmation and the `requested` consent event with the
     * request's own evidence (IP address, user agent, source, text version, time). `withinTransaction`
     * lets the worker mark its queue row in the same transaction, so the events are written once
     * even if the process stops right after. Returns what the confirmation mail needs.
     */
    async startDoubleOptIn(
      request: SignUpRequest,
      withinTransaction: (confirmationId: number) => Promise<void>
    ): Promise<{ confirmationId: number; token: string }> {
      return runInPublicConsentFlow(async () => {
        const contact = await findOrCreateContact(request);
        const { token, tokenHash } = newConfirmationToken();
        const expiresAt = new Date(
          request.requestedAt.getTime() + settings().confirmationTtlHours * 3600 * 1000
        );
        const confirmationId = await strapi.db.transaction(async () => {
          const confirmation = (await confirmations().create({
            data: {
              tokenHash,
              expiresAt,
              source: request.source,
              consentTextVersion: request.consentTextVersion,
              locale: request.locale,
              contact: contact.id,
            },
          })) as { id: number };
          await consentLog().append({
            contactDocumentId: contact.documentId,
            email: request.email,
            action: 'requested',
            newsletter: contact.newsletter,
            actor: { kind: 'visitor', id: null, name: null },
            source: request.source,
            consentTextVersion: request.consentTextVersion,
            locale: request.locale,
            ipAddress: request.ipAddress,
            userAgent: request.userAgent,
            occurredAt: request.requestedAt,
          });
          await withinTransaction(confirmation.id);
          return confirmation.id;
        });
        return { confirmationId, token };
      });
    },

    /**
     * Gives a pending confirmation a new link, for a mail that must be sent again (only the hash of
     * a link is stored, so the old one cannot be mailed twice). Null when the confirmation is gone
     * (its contact was erased) or already used.
     */
    async renewConfirmationToken(confirmationId: number): Promise<string | null> {
      const { token, tokenHash } = newConfirmationToken();
      const { count } = await confirmations().updateMany({
        where: { id: confirmationId, consumedAt: null },
        data: { tokenHash },
      });
      return count === 1 ? token : null;
    },

    /** Sends the confirmation link; throws when the mail is not accepted, so the worker retries. */
    async sendConfirmationMail(email: string, locale: NewsletterLocale, token: string) {
      const { confirmationTtlHours } = settings();
      const mail = confirmationMail(
        locale,
        linkTo(`/newsletter/confirmations/${token}`),
        confirmationTtlHours
      );
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: email, ...mail });
    },

    /** Whether a confirmation link can still be followed; reads only. */
    async confirmationState(token: string): Promise<ConfirmationState> {
      const row = await this.findConfirmation(token);
      const locale = asLocale(row?.locale);
      const valid = Boolean(row && !row.consumedAt && new Date(row.expiresAt) > new Date() && row.contact);
      return { valid, locale };
    },

    async findConfirmation(token: string): Promise<ConfirmationRow | null> {
      if (!isWellFormedConfirmationToken(token)) return null;
      return (await confirmations().findOne({
        where: { tokenHash: hashConfirmationToken(token) },
        populate: { contact: { select: CONTACT_FIELDS } },
      })) as ConfirmationRow | null;
    },

    /** Follows a confirmation link once: subscribes the contact and logs the confirmation. */
    async confirm(token: string, visitor: Visitor): Promise<ConfirmationState> {
      const row = await this.findConfirmation(token);
      const locale = asLocale(row?.locale);
      const now = new Date();
      if (!row || row.consumedAt || new Date(row.expiresAt) <= now || !row.contact)
        return { valid: false, locale };
      const contact = row.contact;

      const confirmed = await runInPublicConsentFlow(() =>
        strapi.db.transaction(async () => {
          // the conditional update is what makes the link single-use under concurrent clicks
          const { count } = await confirmations().updateMany({
            where: { id: row.id, consumedAt: null },
            data: { consumedAt: now },
          });
          if (count !== 1) return false;
          if (!contact.newsletter) {
            await strapi.documents(UID.contact).update({
              documentId: contact.documentId,
              data: { newsletter: true },
            });
          }
          await consentLog().append({
            contactDocumentId: contact.documentId,
            email: contact.email,
            action: 'confirmed',
            newsletter: true,
            actor: { kind: 'visitor', id: null, name: null },
            source: row.source,
            consentTextVersion: row.consentTextVersion,
            locale: row.locale,
            ...visitor,
            occurredAt: now,
          });
          // a fresh, confirmed consent: the address no longer stands for an erased person
          if (contact.email)
            await getService(strapi, 'privacy-suppressions').release({ kind: 'email', value: contact.email });
          return true;
        })
      );
      return { valid: confirmed, locale };
    },

    unsubscribeUrl(contactDocumentId: string) {
      return linkTo(`/newsletter/unsubscribe/${signUnsubscribeToken(settings().secret, contactDocumentId)}`);
    },

    isValidUnsubscribeToken(token: string) {
      return verifyUnsubscribeToken(settings().secret, token) !== null;
    },

    /**
     * One-click unsubscribe. Idempotent; pending confirmation links of the contact are revoked so
     * that only a new double opt-in can subscribe the address again. Returns false for a forged link.
     */
    async unsubscribe(token: string, visitor: Visitor): Promise<boolean> {
      const documentId = verifyUnsubscribeToken(settings().secret, token);
      if (!documentId) return false;
      await runInPublicConsentFlow(() =>
        strapi.db.transaction(async () => {
          const contact = (await contacts().findOne({
            select: CONTACT_FIELDS,
            where: { documentId },
          })) as ContactRow | null;
          // an erased contact's link still answers "done": nothing is left to unsubscribe
          if (!contact) return;
          const now = new Date();
          const pending = (await confirmations().findMany({
            select: ['id'],
            where: { contact: { id: contact.id }, consumedAt: null },
          })) as { id: number }[];
          if (pending.length > 0) {
            await confirmations().updateMany({
              where: { id: { $in: pending.map((row) => row.id) } },
              data: { consumedAt: now },
            });
          }
          if (!contact.newsletter) return;
          await strapi.documents(UID.contact).update({ documentId, data: { newsletter: false } });
          await consentLog().append({
            contactDocumentId: documentId,
            email: contact.email,
            action: 'withdrawn',
            newsletter: false,
            actor: { kind: 'visitor', id: null, name: null },
            source: 'unsubscribe_link',
            ...visitor,
            occurredAt: now,
          });
        })
      );
      return true;
    },

    /**
     * Subscribers for a mailing tool, as CSV streamed in batches: contacts whose newsletter consent
     * is on and who have an address, with the moment and the way consent was last given.
     */
    exportSubscribersCsv(): Readable {
      const batches = async function* (service: {
        batch: (afterId: number) => Promise<{ lastId: number; csv: string } | null>;
      }) {
        yield toCsv([EXPORT_COLUMNS]);
        let afterId = 0;
        for (;;) {
          const next = await service.batch(afterId);
          if (!next) return;
          afterId = next.lastId;
          yield next.csv;
        }
      };
      const batch = async (afterId: number) => {
        const rows = (await contacts().findMany({
          select: ['id', 'documentId', 'email', 'firstName', 'lastName', 'preferredLanguage'],
          where: { id: { $gt: afterId }, newsletter: true, email: { $notNull: true } },
          orderBy: { id: 'asc' },
          limit: EXPORT_BATCH,
        })) as (ContactRow & {
          firstName: string | null;
          lastName: string | null;
          preferredLanguage: string;
        })[];
        if (rows.length === 0) return null;
        const events = (await strapi.db.query(UID.consentEvent).findMany({
          select: ['action', 'occurredAt'],
          where: {
            contact: { id: { $in: rows.map((row) => row.id) } },
            newsletter: true,
            action: { $in: Object.keys(CONSENT_METHOD) },
          },
          populate: { contact: { select: ['id'] } },
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        })) as { action: string; occurredAt: string; contact: { id: number } | null }[];
        const lastConsent = new Map<number, { action: string; occurredAt: string }>();
        for (const event of events) if (event.contact) lastConsent.set(event.contact.id, event);
        const records = rows.map((row) => {
          const consent = lastConsent.get(row.id);
          return [
            row.email ?? '',
            row.firstName ?? '',
            row.lastName ?? '',
            row.preferredLanguage,
            consent ? new Date(consent.occurredAt).toISOString() : '',
            consent ? CONSENT_METHOD[consent.action] : 'unknown',
            this.unsubscribeUrl(row.documentId),
          ];
        });
        return { lastId: rows[rows.length - 1].id, csv: toCsv(records) };
      };
      return Readable.from(batches({ batch }));
    },
  };
};

export type NewsletterService = ReturnType<typeof newsletter>;
export default newsletter;
