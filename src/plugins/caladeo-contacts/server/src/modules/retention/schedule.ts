import { getService } from '../../utils/get-service';
import { defineJobKind } from '../jobs/kinds';

const DAY_MS = 24 * 60 * 60 * 1000;

export const SCHEDULE_NAME = 'retention.daily';

/** The daily run of the retention policies: the contacts due are anonymised, a report is kept. */
export const RETENTION_JOB = defineJobKind<Record<string, never>>({
  kind: 'retention.run',
  maxAttempts: 3,
  leaseMs: 5 * 60 * 1000,
  async run({ strapi, id, progress }) {
    const report = await getService(strapi, 'retention').run({
      jobId: id,
      progress: (done) => progress(done),
    });
    strapi.log.info(
      `retention run ${id}: ${report?.erasedCount ?? 0} of ${report?.dueCount ?? 0} due contacts anonymised, ${report?.errorCount ?? 0} errors`
    );
  },
});

export const RETENTION_SCHEDULE = { name: SCHEDULE_NAME, kind: RETENTION_JOB.kind, everyMs: DAY_MS };
