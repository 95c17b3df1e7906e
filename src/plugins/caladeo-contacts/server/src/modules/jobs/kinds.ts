import type { Core } from '@strapi/strapi';

/** What a job's code is given while it runs. */
export type JobContext<Payload> = {
  strapi: Core.Strapi;
  id: number;
  kind: string;
  payload: Payload;
  /** 1 on the first attempt. */
  attempt: number;
  /** Aborted once this run no longer holds the job: cancelled by an admin, or its lease taken over. */
  signal: AbortSignal;
  /**
   * Records how far the job is (shown on the "Tâches" page) and, when given, what it has done so
   * far (`result`: counts, never personal data), and renews the lease. Throws `JobStoppedError` if
   * the job was cancelled or another node took it over: stop there. Called inside a transaction,
   * the report is part of it: committed with the work it reports, or not at all.
   */
  progress(done: number, total?: number, result?: JobResult): Promise<void>;
  /**
   * Throws `JobStoppedError` unless this run still holds the job. Called inside a transaction
   * before a write, it makes the write and the claim one: a run that lost its job writes nothing.
   */
  assertClaimed(): Promise<void>;
};

/** What a job reports it has done (counts by outcome); shown with the job. */
export type JobResult = Record<string, number>;

/** One kind of job: its code and how it is retried. */
export type JobKind<Payload = unknown> = {
  kind: string;
  run(context: JobContext<Payload>): Promise<void>;
  /** Attempts before the job is dead and kept with its last error; 10 unless said. */
  maxAttempts?: number;
  /** Jobs of this kind one node runs at once; 1 unless said. */
  concurrency?: number;
  /** How long a claim lasts without news from its run; renewed while the run goes on. */
  leaseMs?: number;
  /** The wait before attempt `attempt + 1`; 10 s doubling up to an hour unless said. */
  retryDelayMs?(attempt: number): number;
};

/** A job enqueued once per period for the whole cluster, whichever node gets there first. */
export type JobSchedule = { name: string; kind: string; everyMs: number; payload?: unknown };

/** Thrown into a run that no longer holds its job; the runner then leaves the job as it is. */
export class JobStoppedError extends Error {
  constructor(readonly reason: 'cancelled' | 'lost') {
    super(reason === 'cancelled' ? 'the job was cancelled' : 'another node took the job over');
    this.name = 'JobStoppedError';
  }
}

/** Whether an error says the run lost its job (by its name: it may come from another copy of this module). */
export const isJobStopped = (error: unknown, reason?: JobStoppedError['reason']): error is JobStoppedError =>
  error instanceof Error &&
  error.name === 'JobStoppedError' &&
  (reason === undefined || (error as JobStoppedError).reason === reason);

export const DEFAULT_MAX_ATTEMPTS = 10;
export const DEFAULT_LEASE_MS = 5 * 60 * 1000;
const FIRST_RETRY_MS = 10 * 1000;
const LONGEST_RETRY_MS = 60 * 60 * 1000;

export const defaultRetryDelayMs = (attempt: number) =>
  Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));

/** Declares a kind with its payload's type, so that `enqueue` and `run` agree on it. */
export const defineJobKind = <Payload>(kind: JobKind<Payload>) => kind;
