import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { SignUpRequest } from './newsletter';
import { getService } from '../utils/get-service';

/** How long a claimed request belongs to the worker that claimed it; then any node may take it over. */
const LEASE_MS = 5 * 60 * 1000;
/** Requests claimed in one go: small enough that a lease never runs out while they are processed. */
const BATCH_SIZE = 20;
/** Safety net for requests no kick reached: retries that came due, leases of a stopped node. */
const POLL_INTERVAL_MS = 10 * 1000;
const FIRST_RETRY_MS = 10 * 1000;
const LONGEST_RETRY_MS = 60 * 60 * 1000;

type QueuedRow = {
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
  attempts: number | null;
  confirmationId: number | null;
};

const asRequest = (row: QueuedRow): SignUpRequest => ({
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

/** Another node took the request over (our lease ran out): whatever we were writing is rolled back. */
class LostClaimError extends Error {}

const retryDelayMs = (attempts: number) => Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));

/**
 * The newsletter sign-up queue. The public route only inserts the request (the same cost for every
 * address) and answers; this worker does the real work afterwards: contact, confirmation, consent
 * event, mail. Several Strapi nodes may share the database: a request is claimed by a conditional
 * update (free, or its lease ran out), so exactly one worker processes it; every write that
 * follows is checked against the claim. A failure (database, mail) puts the request back with a
 * growing delay; nothing is dropped. At startup, each node drains what was left.
 */
export const createSignUpQueue = (strapi: Core.Strapi) => {
  const requests = () => strapi.db.query(UID.newsletterSignUp);
  const newsletter = () => getService(strapi, 'newsletter');
  let running: Promise<void> | null = null;
  let runAgain = false;
  let timer: NodeJS.Timeout | null = null;

  const claimableAt = (now: Date) => ({
    availableAt: { $lte: now },
    $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
  });

  /** Takes up to a batch of due requests for this worker; each one only if no other worker has. */
  const claimBatch = async () => {
    const now = new Date();
    const candidates = (await requests().findMany({
      select: ['id'],
      where: claimableAt(now),
      orderBy: { id: 'asc' },
      limit: BATCH_SIZE,
    })) as { id: number }[];
    const claimed: { row: QueuedRow; claimToken: string }[] = [];
    for (const { id } of candidates) {
      const claimToken = randomUUID();
      const { count } = await requests().updateMany({
        where: { id, ...claimableAt(now) },
        data: { claimToken, claimedUntil: new Date(now.getTime() + LEASE_MS) },
      });
      if (count !== 1) continue;
      const row = (await requests().findOne({ where: { id, claimToken } })) as QueuedRow | null;
      if (row) claimed.push({ row, claimToken });
    }
    return claimed;
  };

  const finish = async (id: number, claimToken: string) => {
    await requests().deleteMany({ where: { id, claimToken } });
  };

  /** Mails the link of a written confirmation; a retry mails a new link (only hashes are stored). */
  const mailConfirmation = async (
    row: QueuedRow,
    claimToken: string,
    written: { confirmationId: number; token: string | null }
  ) => {
    const token = written.token ?? (await newsletter().renewConfirmationToken(written.confirmationId));
    // the contact was erased or the link used meanwhile: nothing left to send
    if (token) await newsletter().sendConfirmationMail(row.email, asRequest(row).locale, token);
    await finish(row.id, claimToken);
  };

  const processRequest = async (row: QueuedRow, claimToken: string) => {
    if (row.isTrapped) return finish(row.id, claimToken);
    if (row.confirmationId !== null) {
      return mailConfirmation(row, claimToken, { confirmationId: row.confirmationId, token: null });
    }
    const written = await newsletter().startDoubleOptIn(asRequest(row), async (confirmationId) => {
      const { count } = await requests().updateMany({
        where: { id: row.id, claimToken },
        data: { confirmationId },
      });
      if (count !== 1) throw new LostClaimError();
    });
    await mailConfirmation(row, claimToken, written);
  };

  /** Puts a failed request back for a later attempt; the claim is checked so a takeover wins. */
  const release = async (row: QueuedRow, claimToken: string, error: unknown) => {
    const attempts = (row.attempts ?? 0) + 1;
    const message = error instanceof Error ? error.message : String(error);
    strapi.log.error(`newsletter sign-up ${row.id}: attempt ${attempts} failed: ${message}`);
    await requests().updateMany({
      where: { id: row.id, claimToken },
      data: {
        claimToken: null,
        claimedUntil: null,
        attempts,
        lastError: message.slice(0, 500),
        availableAt: new Date(Date.now() + retryDelayMs(attempts)),
      },
    });
  };

  /** Processes batches until none is due; returns how many requests were handled. */
  const work = async () => {
    let handled = 0;
    for (;;) {
      const batch = await claimBatch();
      if (batch.length === 0) return handled;
      for (const { row, claimToken } of batch) {
        try {
          await processRequest(row, claimToken);
        } catch (error) {
          // if even the release fails, the lease runs out and the request is taken up again
          if (!(error instanceof LostClaimError))
            await release(row, claimToken, error).catch(() => undefined);
        }
        handled += 1;
      }
    }
  };

  /** One run at a time in this process; a kick during a run makes it look again when done. */
  const run = (): Promise<void> => {
    if (running) {
      runAgain = true;
      return running;
    }
    running = (async () => {
      do {
        runAgain = false;
        await work().catch((error: Error) =>
          strapi.log.error(`newsletter sign-ups: queue not processed: ${error.message}`)
        );
      } while (runAgain);
      // in the same turn as the last check, so that no kick can fall between the two
      running = null;
    })();
    return running;
  };

  return {
    /** Writes an accepted sign-up to the queue; it is processed once the answer has left. */
    async enqueue(request: SignUpRequest) {
      await requests().create({
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
          availableAt: request.requestedAt,
          attempts: 0,
        },
      });
      // after the current I/O turn: the answer is written before any of the work starts
      if (timer) setImmediate(() => void run());
    },

    /** Starts the worker (bootstrap): drains what an earlier run left, then polls. */
    start() {
      if (timer) return;
      timer = setInterval(() => void run(), POLL_INTERVAL_MS);
      timer.unref();
      void run();
    },

    /** Stops the worker (destroy) and waits for the request in hand; what is queued stays queued. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },

    /**
     * Processes, in this process, every request that is due, and resolves when none is left (a
     * request waiting for its retry delay, or claimed by another live node, is not waited for).
     * For tests and scripts that read the outcome of sign-ups.
     */
    async drain() {
      do {
        await run();
      } while ((await requests().count({ where: claimableAt(new Date()) })) > 0);
    },

    /** Requests still queued, due or not. */
    pendingCount: () => requests().count(),
  };
};

const newsletterQueue = ({ strapi }: { strapi: Core.Strapi }) => createSignUpQueue(strapi);

export type NewsletterQueueService = ReturnType<typeof newsletterQueue>;
export default newsletterQueue;
