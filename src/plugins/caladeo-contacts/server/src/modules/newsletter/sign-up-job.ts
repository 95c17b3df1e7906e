import { UID } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { defineJobKind } from '../jobs/kinds';
import type { SignUpRequest } from './services/newsletter';

type SignUpRow = {
  id: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  source: string | null;
  consentTextVersion: string | null;
  locale: string | null;
  isTrapped: boolean | null;
  ipAddress: string | null;
  userAgent: string | null;
  requestedAt: string | Date;
  confirmationId: number | null;
};

const asRequest = (row: SignUpRow): SignUpRequest => ({
  email: row.email,
  firstName: row.firstName,
  lastName: row.lastName,
  source: row.source,
  consentTextVersion: row.consentTextVersion,
  locale: row.locale === 'en' ? 'en' : 'fr',
  isTrapped: row.isTrapped === true,
  ipAddress: row.ipAddress,
  userAgent: row.userAgent,
  requestedAt: new Date(row.requestedAt),
});

/**
 * The work behind a public sign-up, done after the form has had its answer: the contact, the
 * pending confirmation and its consent event, the mail. The request itself (personal data) waits in
 * its own hidden table, so the job holds only its id. The confirmation is written in one
 * transaction with a check of the job's claim: a run that lost its job to another node writes
 * nothing, so each request is logged once. A failed mail is retried with a new link (only hashes
 * are stored); after every attempt the job stays on the "Tâches" page with its error.
 */
export const SIGN_UP_JOB = defineJobKind<{ signUpId: number }>({
  kind: 'newsletter.sign-up',
  // about a day of retries (10 s doubling up to an hour) before a person is needed
  maxAttempts: 30,
  // per node. A run mostly waits, on the database and in production on the SMTP server: with 2 at
  // once a node sent 2 mails per round trip; 8 drained a fifth more on the 2-core benchmark machine
  concurrency: 8,
  leaseMs: 2 * 60 * 1000,
  async run({ strapi, payload, assertClaimed }) {
    // its rows are written with updateMany and deleteMany: update and delete read the row again
    const requests = strapi.db.query(UID.newsletterSignUp);
    const newsletter = getService(strapi, 'newsletter');
    const row = (await requests.findOne({ where: { id: payload.signUpId } })) as SignUpRow | null;
    // done by an earlier run that stopped before recording it
    if (!row) return;
    if (!row.isTrapped) {
      const request = asRequest(row);
      const written =
        row.confirmationId === null
          ? await newsletter.startDoubleOptIn(request, async (confirmationId) => {
              await assertClaimed();
              await requests.updateMany({ where: { id: row.id }, data: { confirmationId } });
            })
          : { confirmationId: row.confirmationId, token: null };
      const token = written.token ?? (await newsletter.renewConfirmationToken(written.confirmationId));
      // the contact was erased or the link used meanwhile: nothing left to send
      if (token) await newsletter.sendConfirmationMail(row.email, request.locale, token);
    }
    await requests.deleteMany({ where: { id: row.id } });
  },
});
