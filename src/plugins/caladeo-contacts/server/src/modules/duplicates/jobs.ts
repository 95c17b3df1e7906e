import { getService } from '../../utils/get-service';
import { defineJobKind } from '../jobs/kinds';

const HOUR_MS = 60 * 60 * 1000;

/** The scan of the whole base for likely duplicate pairs: on demand, and once a day for the cluster. */
export const SCAN_JOB = defineJobKind<Record<string, never>>({
  kind: 'duplicates.scan',
  maxAttempts: 3,
  leaseMs: 2 * 60 * 1000,
  async run({ strapi, id, progress }) {
    const report = await getService(strapi, 'duplicate-pairs').scan({ scanId: id, progress });
    strapi.log.info(
      `duplicate scan ${id}: ${report.pairs} likely pairs of ${report.candidates} candidates, ${report.oversizedBlocks} blocks too large to compare; ms by pass: ${JSON.stringify(report.passMs)}`
    );
  },
});

/** The periodic scan of the whole base, every so many hours. */
export const scanSchedule = (everyHours: number) => ({
  name: 'duplicates.scan',
  kind: SCAN_JOB.kind,
  everyMs: everyHours * HOUR_MS,
});

/** The pairs of one contact, after it was created or changed. */
export const REFRESH_JOB = defineJobKind<{ documentId: string }>({
  kind: 'duplicates.refresh',
  maxAttempts: 5,
  concurrency: 2,
  leaseMs: 60 * 1000,
  run: ({ strapi, payload }) => getService(strapi, 'duplicate-pairs').refreshContact(payload.documentId),
});
