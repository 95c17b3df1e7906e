import { AsyncResource } from 'async_hooks';
import { randomUUID } from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../shared/constants';
import { withActor } from '../history';
import { claimJobs, hasDueJobs, type ClaimedJob } from './claim';
import {
  DEFAULT_LEASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  defaultRetryDelayMs,
  isJobStopped,
  JobStoppedError,
  type JobKind,
  type JobSchedule,
} from './kinds';
import { jobSettings } from './settings';

const MAX_ERROR_LENGTH = 2000;

/**
 * Runs a function in the asynchronous context this module was loaded in, not the caller's. A job
 * is often enqueued inside a write's transaction: the look for work it sets off must not inherit
 * that transaction (Strapi finds it through AsyncLocalStorage), which has ended by then, nor the
 * writer's other context (who made the change).
 */
const outsideCallerContext = AsyncResource.bind((work: () => void) => work());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kinds of every payload share one registry
export type KindRegistry = Map<string, JobKind<any>>;

type RunnerOptions = {
  kinds: KindRegistry;
  schedules: JobSchedule[];
  /** Shown on the "Tâches" page next to a running job; unique per process unless given. */
  nodeId?: string;
};

const errorMessage = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);

export type EnqueueOptions = {
  delayMs?: number;
  /** How much work the job has to do, known when it is enqueued: its progress starts at 0 of it. */
  total?: number;
};

/** Writes a job to run as soon as possible (or after `delayMs`); part of the caller's transaction. */
export const enqueueJob = async (
  strapi: Core.Strapi,
  kind: JobKind<unknown>,
  payload: unknown,
  { delayMs = 0, total }: EnqueueOptions = {}
) => {
  const job = (await strapi.db.query(UID.job).create({
    data: {
      kind: kind.kind,
      state: 'queued',
      payload,
      availableAt: new Date(Date.now() + delayMs),
      attempts: 0,
      maxAttempts: kind.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      cancelRequested: false,
      ...(total === undefined ? {} : { progressDone: 0, progressTotal: total }),
    },
  })) as { id: number };
  return job.id;
};

/**
 * One node's worker. It claims due jobs of every known kind, up to each kind's concurrency, runs
 * them, and records the outcome against its claim: a run whose lease another node took over
 * writes nothing. A failed run is retried after a growing delay, then kept as dead with its last
 * error; a run whose node died is taken over once its lease has run out.
 */
export const createJobRunner = (strapi: Core.Strapi, { kinds, schedules, nodeId }: RunnerOptions) => {
  const node = nodeId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const jobs = () => strapi.db.query(UID.job);
  const active = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  /** What the next look for work covers: every kind and the schedules, or only the kinds named. */
  let wanted: Set<string> | 'all' | null = null;

  /** Ends this run's hold on the job; nothing is written if the claim is no longer ours. */
  const release = (job: ClaimedJob, data: Record<string, unknown>) =>
    jobs().updateMany({
      where: { id: job.id, claimToken: job.claimToken },
      data: { claimToken: null, claimedUntil: null, ...data },
    });

  const fail = async (kind: JobKind, job: ClaimedJob, error: unknown) => {
    const message = errorMessage(error);
    const isDead = job.attempts >= job.maxAttempts;
    strapi.log.error(
      `job ${job.id} (${job.kind}): attempt ${job.attempts} of ${job.maxAttempts} failed${isDead ? ', giving up' : ''}: ${message}`
    );
    const retryDelayMs = kind.retryDelayMs ?? defaultRetryDelayMs;
    await release(
      job,
      isDead
        ? { state: 'dead', lastError: message, finishedAt: new Date() }
        : {
            state: 'queued',
            lastError: message,
            availableAt: new Date(Date.now() + retryDelayMs(job.attempts)),
          }
    );
  };

  const runOne = async (kind: JobKind, job: ClaimedJob) => {
    if (job.attempts > job.maxAttempts) {
      // its node stopped during each of its attempts: a job that kills its worker must not kill the next one
      await release(job, {
        state: 'dead',
        lastError: `stopped without finishing in each of its ${job.maxAttempts} attempts (its node died or hung)`,
        finishedAt: new Date(),
      });
      return;
    }
    const controller = new AbortController();
    const leaseMs = kind.leaseMs ?? DEFAULT_LEASE_MS;
    const held = { id: job.id, claimToken: job.claimToken, state: 'running', cancelRequested: false };

    const renew = async (data: Record<string, unknown> = {}) => {
      const { count } = await jobs().updateMany({
        where: held,
        data: { claimedUntil: new Date(Date.now() + leaseMs), ...data },
      });
      if (count === 1) return;
      const now = (await jobs().findOne({
        select: ['claimToken', 'cancelRequested'],
        where: { id: job.id },
      })) as {
        claimToken: string | null;
        cancelRequested: boolean | null;
      } | null;
      const reason = now?.claimToken === job.claimToken && now?.cancelRequested ? 'cancelled' : 'lost';
      controller.abort();
      throw new JobStoppedError(reason);
    };
    const heartbeat = setInterval(() => void renew().catch(() => undefined), Math.max(1000, leaseMs / 3));
    heartbeat.unref();
    try {
      // what a job changes is recorded in the history as done by the job, unless it says better
      await withActor({ type: 'job', id: String(job.id), name: job.kind }, () =>
        kind.run({
          strapi,
          id: job.id,
          kind: job.kind,
          payload: job.payload,
          attempt: job.attempts,
          signal: controller.signal,
          progress: (done, total, result) =>
            renew({
              progressDone: done,
              ...(total === undefined ? {} : { progressTotal: total }),
              ...(result === undefined ? {} : { result }),
            }),
          assertClaimed: () => renew(),
        })
      );
      await release(job, { state: 'completed', finishedAt: new Date() });
    } catch (error) {
      if (isJobStopped(error)) {
        if (error.reason === 'cancelled') await release(job, { state: 'cancelled', finishedAt: new Date() });
      } else {
        // if even this write fails, the lease runs out and the job is taken up again
        await fail(kind, job, error).catch(() => undefined);
      }
    } finally {
      clearInterval(heartbeat);
    }
  };

  const start = (kind: JobKind, job: ClaimedJob) => {
    active.set(kind.kind, (active.get(kind.kind) ?? 0) + 1);
    const run: Promise<void> = runOne(kind, job)
      .catch((error) => {
        strapi.log.error(`job ${job.id} (${job.kind}): ${errorMessage(error)}`);
      })
      .finally(() => {
        active.set(kind.kind, (active.get(kind.kind) ?? 1) - 1);
        inFlight.delete(run);
        // a slot of this kind is free: only this kind can have work that was waiting for it
        if (timer) kick(kind.kind);
      });
    inFlight.add(run);
  };

  /** Enqueues each periodic job that is due, on whichever node moves its date forward first. */
  const enqueueDueSchedules = async () => {
    const table = strapi.db.query(UID.jobSchedule);
    for (const schedule of schedules) {
      const kind = kinds.get(schedule.kind);
      if (!kind) continue;
      const now = new Date();
      type Row = { id: number; nextRunAt: string | Date };
      const find = async () => (await table.findOne({ where: { name: schedule.name } })) as Row | null;
      let row = await find();
      if (!row) {
        // first due now; two nodes may try at once: the unique index on the name keeps one row
        await table.create({ data: { name: schedule.name, nextRunAt: now } }).catch(() => undefined);
        row = await find();
      }
      if (!row || new Date(row.nextRunAt) > now) continue;
      const due = row;
      await strapi.db.transaction(async () => {
        const { count } = await table.updateMany({
          where: { id: due.id, nextRunAt: due.nextRunAt },
          data: { nextRunAt: new Date(now.getTime() + schedule.everyMs) },
        });
        if (count === 1) await enqueueJob(strapi, kind, schedule.payload ?? {});
      });
    }
  };

  /** Claims what is due, for every kind (and the schedules), or only for the kinds named. */
  const claimAndStart = async (only?: ReadonlySet<string>) => {
    if (!only) await enqueueDueSchedules();
    for (const kind of kinds.values()) {
      if (only && !only.has(kind.kind)) continue;
      const free = (kind.concurrency ?? 1) - (active.get(kind.kind) ?? 0);
      const claimed = await claimJobs(strapi, {
        kind: kind.kind,
        limit: free,
        leaseMs: kind.leaseMs ?? DEFAULT_LEASE_MS,
        nodeId: node,
      });
      for (const job of claimed) start(kind, job);
    }
  };

  /**
   * One look for work at a time in this process; a kick during one makes it look again when done,
   * over what the kicks asked for. A kick for one kind (a job of it was just enqueued, or one of
   * its runs ended) claims that kind alone; the poll looks at everything.
   */
  const kick = (kind?: string): Promise<void> => {
    wanted = kind === undefined || wanted === 'all' ? 'all' : (wanted ?? new Set<string>()).add(kind);
    if (ticking) return ticking;
    ticking = (async () => {
      while (wanted) {
        const now = wanted;
        wanted = null;
        await claimAndStart(now === 'all' ? undefined : now).catch((error) =>
          strapi.log.error(`jobs: could not claim work: ${errorMessage(error)}`)
        );
      }
      // in the same turn as the last check, so that no kick can fall between the two
      ticking = null;
    })();
    return ticking;
  };

  /** Waits until no look for work and no run is going on, including runs started meanwhile. */
  const settle = async () => {
    while (ticking || inFlight.size > 0) await Promise.all([ticking, ...inFlight]);
  };

  return {
    nodeId: node,
    /** Looks for work of `kind` now (after an enqueue in this process), if the runner is started. */
    kick(kind?: string) {
      if (timer) setImmediate(() => outsideCallerContext(() => void kick(kind)));
    },
    /** Starts the worker (bootstrap): takes up what is due, then polls. */
    start() {
      if (timer) return;
      timer = setInterval(() => void kick(), jobSettings(strapi).pollIntervalMs);
      timer.unref();
      void kick();
    },
    /** Stops claiming (destroy) and waits for the runs in hand; what is queued stays queued. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await settle();
    },
    /**
     * Runs, in this process, every job that is due, and resolves when none is left (a job waiting
     * for its retry delay, or held by another live node, is not waited for). For tests and scripts.
     */
    async drain(only?: string[]) {
      const names = only ?? [...kinds.keys()];
      do {
        await kick();
        await settle();
      } while (await hasDueJobs(strapi, names));
    },
  };
};

export type JobRunner = ReturnType<typeof createJobRunner>;
