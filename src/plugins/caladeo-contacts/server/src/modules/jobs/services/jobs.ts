import type { Core } from '@strapi/strapi';
import { JOB_STATES, UID, type JobState } from '../../../../../shared/constants';
import type { JobEntry } from '../../../../../shared/contracts/admin';
import {
  createJobRunner,
  enqueueJob,
  type EnqueueOptions,
  type JobRunner,
  type KindRegistry,
} from '../runner';
import type { JobKind, JobSchedule } from '../kinds';

/** What the "Tâches" page shows of a job: never its payload, which may hold personal data. */
const LISTED_FIELDS: (keyof JobEntry)[] = [
  'id',
  'kind',
  'state',
  'attempts',
  'maxAttempts',
  'lastError',
  'progressDone',
  'progressTotal',
  'result',
  'cancelRequested',
  'claimedBy',
  'availableAt',
  'startedAt',
  'finishedAt',
  'createdAt',
];

export type JobSummary = JobEntry;

export type JobListQuery = { state?: JobState; kind?: string; page: number; pageSize: number };

/**
 * The job runner of the plugin. Modules declare their kinds (and periodic schedules) at register;
 * the runner starts at bootstrap on every node and stops at destroy.
 */
const jobs = ({ strapi }: { strapi: Core.Strapi }) => {
  const kinds: KindRegistry = new Map();
  const schedules: JobSchedule[] = [];
  let runner: JobRunner | null = null;
  const table = () => strapi.db.query(UID.job);
  const thisNode = () => (runner ??= createJobRunner(strapi, { kinds, schedules }));

  const findSummary = async (id: number) =>
    (await table().findOne({ select: [...LISTED_FIELDS], where: { id } })) as JobSummary | null;

  return {
    define<Payload>(kind: JobKind<Payload>) {
      if (kinds.has(kind.kind)) throw new Error(`the job kind "${kind.kind}" is declared twice`);
      kinds.set(kind.kind, kind);
    },

    /** Enqueues `kind` every `everyMs`, once for the whole cluster. */
    schedule(schedule: JobSchedule) {
      schedules.push(schedule);
    },

    /**
     * Writes a job (in the caller's transaction, if any) and wakes this node's runner for its kind
     * once the job can be seen: at once outside a transaction, after the commit inside one (before
     * it, no other connection could claim the job; after a rollback there is none).
     */
    async enqueue<Payload>(kind: JobKind<Payload>, payload: Payload, options?: EnqueueOptions) {
      if (kinds.get(kind.kind) !== kind) throw new Error(`the job kind "${kind.kind}" is not declared`);
      const id = await enqueueJob(strapi, kind as JobKind<unknown>, payload, options);
      const wake = () => thisNode().kick(kind.kind);
      if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(wake));
      else wake();
      return id;
    },

    start: () => thisNode().start(),
    stop: () => thisNode().stop(),
    /** Runs every due job in this process until none is left (tests and scripts). */
    drain: (only?: string[]) => thisNode().drain(only),
    /** Another worker on the same database, as another Strapi node would run it (tests). */
    createRunner: (nodeId?: string) => createJobRunner(strapi, { kinds, schedules, nodeId }),

    async list({ state, kind, page, pageSize }: JobListQuery) {
      const where = { ...(state ? { state } : {}), ...(kind ? { kind } : {}) };
      const [rows, total] = await Promise.all([
        table().findMany({
          select: [...LISTED_FIELDS],
          where,
          orderBy: { id: 'desc' },
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        table().count({ where }),
      ]);
      return { data: rows as JobSummary[], meta: { pagination: { page, pageSize, total } } };
    },

    /** How many jobs are in each state, for the page's filters. */
    async countsByState() {
      const counts = await Promise.all(JOB_STATES.map((state) => table().count({ where: { state } })));
      return Object.fromEntries(JOB_STATES.map((state, index) => [state, counts[index]])) as Record<
        JobState,
        number
      >;
    },

    /** One job as the "Tâches" page shows it, or null. */
    find: findSummary,

    /** The kinds this node knows, for the page's filter. */
    kindNames: () => [...kinds.keys()].sort(),

    /**
     * Puts a dead or cancelled job back in the queue with a fresh count of attempts. Answers the
     * job as it now is, `null` if there is none, or the job unchanged if it was in another state.
     */
    async retry(id: number) {
      const { count } = await table().updateMany({
        where: { id, state: { $in: ['dead', 'cancelled'] } },
        data: {
          state: 'queued',
          attempts: 0,
          availableAt: new Date(),
          finishedAt: null,
          cancelRequested: false,
        },
      });
      if (count === 1) thisNode().kick();
      return { changed: count === 1, job: await findSummary(id) };
    },

    /** Cancels a queued job at once; a running one stops at its next progress report. */
    async cancel(id: number) {
      const queued = await table().updateMany({
        where: { id, state: 'queued' },
        data: { state: 'cancelled', finishedAt: new Date() },
      });
      const running =
        queued.count === 1
          ? queued
          : await table().updateMany({ where: { id, state: 'running' }, data: { cancelRequested: true } });
      return { changed: running.count === 1, job: await findSummary(id) };
    },
  };
};

export type JobsService = ReturnType<typeof jobs>;
export default jobs;
