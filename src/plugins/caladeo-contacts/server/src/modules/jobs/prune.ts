import { UID } from '../../../../shared/constants';
import { defineJobKind } from './kinds';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Finished jobs stay this long on the "Tâches" page; dead ones longer, for someone to look at them. */
export const KEEP_FINISHED_DAYS = 14;
export const KEEP_DEAD_DAYS = 90;

/** Deletes old finished jobs; enqueued once a day for the whole cluster. */
export const PRUNE_JOBS = defineJobKind<Record<string, never>>({
  kind: 'jobs.prune',
  maxAttempts: 3,
  async run({ strapi }) {
    const now = Date.now();
    await strapi.db.query(UID.job).deleteMany({
      where: {
        $or: [
          {
            state: { $in: ['completed', 'cancelled'] },
            finishedAt: { $lt: new Date(now - KEEP_FINISHED_DAYS * DAY_MS) },
          },
          { state: 'dead', finishedAt: { $lt: new Date(now - KEEP_DEAD_DAYS * DAY_MS) } },
        ],
      },
    });
  },
});

export const PRUNE_SCHEDULE = { name: 'jobs.prune', kind: PRUNE_JOBS.kind, everyMs: DAY_MS };
