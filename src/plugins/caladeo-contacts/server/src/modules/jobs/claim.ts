import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../shared/constants';

export const JOB_TABLE = 'caladeo_jobs';

/** A job as a claim hands it to its run. */
export type ClaimedJob = {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  claimToken: string;
};

const dueOrAbandoned = (kind: string, now: Date) => ({
  kind,
  $or: [
    { state: 'queued', availableAt: { $lte: now } },
    // a run whose node stopped renewing its lease: killed, frozen or cut off
    { state: 'running', claimedUntil: { $lt: now } },
  ],
});

/**
 * Claims up to `limit` due jobs of one kind for this node. On PostgreSQL one statement picks and
 * claims them, skipping rows another node is claiming (`FOR UPDATE SKIP LOCKED`), so nodes never
 * wait on one another. SQLite has one writer at a time: each candidate is claimed by an update
 * that succeeds only if the job is still free. Either way each job has one holder, named by its
 * claim token, and every later write of the run is checked against it.
 */
export const claimJobs = async (
  strapi: Core.Strapi,
  { kind, limit, leaseMs, nodeId }: { kind: string; limit: number; leaseMs: number; nodeId: string }
): Promise<ClaimedJob[]> => {
  if (limit <= 0) return [];
  const jobs = strapi.db.query(UID.job);
  const now = new Date();
  const claimToken = randomUUID();
  const claim = {
    state: 'running',
    claimToken,
    claimedUntil: new Date(now.getTime() + leaseMs),
    claimedBy: nodeId,
  };
  let ids: number[];
  if (strapi.db.dialect.client === 'postgres') {
    // The CTE is evaluated once: an `IN (SELECT … LIMIT n)` may be re-run under the update and
    // claim more than n rows.
    const result = (await strapi.db.connection.raw(
      `WITH next AS (
         SELECT id FROM ${JOB_TABLE}
         WHERE kind = ?
           AND ((state = 'queued' AND available_at <= ?) OR (state = 'running' AND claimed_until < ?))
         ORDER BY id
         LIMIT ?
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${JOB_TABLE} AS job
       SET state = 'running', claim_token = ?, claimed_until = ?, claimed_by = ?,
           attempts = coalesce(job.attempts, 0) + 1, started_at = ?, updated_at = ?
       FROM next
       WHERE job.id = next.id
       RETURNING job.id`,
      [kind, now, now, limit, claimToken, claim.claimedUntil, nodeId, now, now]
    )) as { rows: { id: number }[] };
    ids = result.rows.map(({ id }) => id);
  } else {
    const candidates = (await jobs.findMany({
      select: ['id', 'attempts'],
      where: dueOrAbandoned(kind, now),
      orderBy: { id: 'asc' },
      limit,
    })) as { id: number; attempts: number | null }[];
    ids = [];
    for (const { id, attempts } of candidates) {
      const { count } = await jobs.updateMany({
        where: { id, ...dueOrAbandoned(kind, now) },
        data: { ...claim, attempts: (attempts ?? 0) + 1, startedAt: now },
      });
      if (count === 1) ids.push(id);
    }
  }
  if (ids.length === 0) return [];
  const rows = (await jobs.findMany({
    select: ['id', 'kind', 'payload', 'attempts', 'maxAttempts', 'claimToken'],
    where: { id: { $in: ids }, claimToken },
    orderBy: { id: 'asc' },
  })) as (ClaimedJob & { payload: unknown })[];
  return rows.map((row) => ({
    ...row,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  }));
};

/** Whether any job of these kinds could be claimed now (for `drain`). */
export const hasDueJobs = async (strapi: Core.Strapi, kinds: string[]) => {
  const now = new Date();
  for (const kind of kinds) {
    if ((await strapi.db.query(UID.job).count({ where: dueOrAbandoned(kind, now) })) > 0) return true;
  }
  return false;
};
