import { getService } from '../../utils/get-service';
import { DEFAULT_MAX_ATTEMPTS, defineJobKind } from '../jobs/kinds';

/**
 * Runs an import's rows. A batch is one transaction that also checks the job's claim, and each row
 * records its outcome in it: after a crash, the node that takes the job over starts at the first
 * row without one, so no row is imported twice and none is lost.
 */
export const IMPORT_JOB = defineJobKind<{ importId: number }>({
  kind: 'imports.run',
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  leaseMs: 60 * 1000,
  run: ({ strapi, payload, progress, assertClaimed, attempt }) =>
    getService(strapi, 'imports').run(payload.importId, {
      progress,
      assertClaimed,
      isLastAttempt: attempt >= DEFAULT_MAX_ATTEMPTS,
    }),
});

/** Puts back what a completed import did. */
export const UNDO_IMPORT_JOB = defineJobKind<{ importId: number }>({
  kind: 'imports.undo',
  run: ({ strapi, payload }) => getService(strapi, 'imports').runUndo(payload.importId),
});
