import { setTimeout as sleep } from 'timers/promises';
import type { Core } from '@strapi/strapi';

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Strapi emits each document's entry event after its transaction commits, without awaiting it
 * (one query per write). Destroying Strapi while those queries wait for a connection aborts them
 * and fails the process, so scripts and tests wait for the pool to stay idle for a moment first.
 */
export async function waitForIdleDatabase(
  strapi: Core.Strapi,
  { timeoutMs = 15_000, idleChecks = 4, intervalMs = 50 } = {}
) {
  const pool = (strapi.db?.connection?.client as { pool?: Pool } | undefined)?.pool;
  if (!pool || typeof pool.numUsed !== 'function') return;
  const deadline = Date.now() + timeoutMs;
  for (let idle = 0; idle < idleChecks && Date.now() < deadline; ) {
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
    idle = busy ? 0 : idle + 1;
    await sleep(intervalMs);
  }
}
