import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { claimJobs } from '../../src/plugins/caladeo-contacts/server/src/modules/jobs/claim';
import type { JobKind } from '../../src/plugins/caladeo-contacts/server/src/modules/jobs/kinds';
import { adminClient, adminTokenWithActions } from '../helpers/admin';
import { jobRunner } from '../helpers/newsletter';
import { startSecondNode, type SecondNode } from '../helpers/other-node';
import { useStrapi } from '../helpers/strapi';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defineTestJobKinds, RUNS_TABLE } = require('../helpers/test-job-kinds') as {
  defineTestJobKinds: (
    strapi: unknown
  ) => Promise<Record<'record' | 'hang', JobKind<Record<string, unknown>>>>;
  RUNS_TABLE: string;
};

const app = useStrapi();
const BOOT_TIMEOUT_MS = 120_000;

type JobRow = {
  id: number;
  state: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  availableAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  progressDone: number | null;
  progressTotal: number | null;
  finishedAt: string | null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jobs = () => jobRunner(app);
const jobRow = async (id: number) =>
  (await app.strapi.db.query(UID.job).findOne({ where: { id } })) as JobRow;
const runsOf = async (ids: number[]) =>
  (await app.strapi.db.connection(RUNS_TABLE).whereIn('job_id', ids).select('job_id', 'node')) as {
    job_id: number;
    node: string;
  }[];
const waitFor = async (check: () => Promise<boolean>, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};
/** As if the lease of a job's holder had run out long ago. */
const expireLease = (id: number) =>
  app.strapi.db
    .query(UID.job)
    .update({ where: { id }, data: { claimedUntil: new Date(Date.now() - 60_000) } });

let kinds: Awaited<ReturnType<typeof defineTestJobKinds>>;
const failures = new Map<string, number>();
const poisoned: JobKind<Record<string, never>> = {
  kind: 'test.poisoned',
  maxAttempts: 3,
  retryDelayMs: () => 0,
  async run() {
    throw new Error('the input file is not a spreadsheet');
  },
};
const flaky: JobKind<{ key: string }> = {
  kind: 'test.flaky',
  async run({ payload }) {
    const failed = failures.get(payload.key) ?? 0;
    failures.set(payload.key, failed + 1);
    if (failed === 0) throw new Error('SMTP server unreachable');
  },
};
let running = 0;
let mostAtOnce = 0;
const crowded: JobKind<Record<string, never>> = {
  kind: 'test.crowded',
  concurrency: 3,
  async run() {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    await sleep(30);
    running -= 1;
  },
};
const long: JobKind<{ steps: number }> = {
  kind: 'test.long',
  async run({ payload, progress }) {
    for (let step = 1; step <= payload.steps; step += 1) {
      await sleep(10);
      await progress(step, payload.steps);
    }
  },
};

beforeAll(async () => {
  kinds = await defineTestJobKinds(app.strapi);
  for (const kind of [poisoned, flaky, crowded, long]) jobs().define(kind as JobKind<unknown>);
});

describe('one node', () => {
  // the tests below claim and drain by hand: the runner started at boot would race them
  beforeAll(() => jobs().stop());
  afterAll(() => jobs().start());

  it('keeps a job that fails every time as dead with its last error, after its attempts; the others go on', async () => {
    const bad = await jobs().enqueue(poisoned, {});
    const good = await jobs().enqueue(kinds.record, {});
    await jobs().drain();
    expect(await jobRow(bad)).toMatchObject({
      state: 'dead',
      attempts: 3,
      lastError: 'the input file is not a spreadsheet',
      finishedAt: expect.anything(),
    });
    expect(await jobRow(good)).toMatchObject({ state: 'completed', attempts: 1 });
    expect(await runsOf([good])).toHaveLength(1);
  });

  it('retries a failed job after a delay, keeping the error, and completes it on a later attempt', async () => {
    const id = await jobs().enqueue(flaky, { key: 'retry' });
    const before = Date.now();
    await jobs().drain();
    const waiting = await jobRow(id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, lastError: 'SMTP server unreachable' });
    // the first retry waits about ten seconds: not taken up by the drain that failed it
    expect(new Date(waiting.availableAt).getTime()).toBeGreaterThanOrEqual(before + 9_000);

    await app.strapi.db
      .query(UID.job)
      .update({ where: { id }, data: { availableAt: new Date(Date.now() - 1) } });
    await jobs().drain();
    expect(await jobRow(id)).toMatchObject({ state: 'completed', attempts: 2 });
    expect(failures.get('retry')).toBe(2);
  });

  it('runs no more jobs of a kind at once than its concurrency', async () => {
    for (let index = 0; index < 10; index += 1) await jobs().enqueue(crowded, {});
    await jobs().drain();
    expect(mostAtOnce).toBe(3);
  });

  it('takes over a job whose node stopped renewing its lease', async () => {
    const id = await jobs().enqueue(kinds.record, {});
    const [claimed] = await claimJobs(app.strapi, {
      kind: 'test.record',
      limit: 10,
      leaseMs: 60_000,
      nodeId: 'lost-node',
    });
    expect(claimed?.id).toBe(id);
    // while the lease holds, nobody else runs it
    await jobs().drain();
    expect(await jobRow(id)).toMatchObject({ state: 'running', claimedBy: 'lost-node' });

    await expireLease(id);
    await jobs().drain();
    expect(await jobRow(id)).toMatchObject({ state: 'completed', attempts: 2 });
    expect(await runsOf([id])).toHaveLength(1);
  });

  it('gives up on a job whose node died in each of its attempts, instead of letting it kill the next one', async () => {
    const id = await jobs().enqueue(kinds.hang, {});
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await claimJobs(app.strapi, {
        kind: 'test.hang',
        limit: 10,
        leaseMs: 60_000,
        nodeId: `crashing-${attempt}`,
      });
      await expireLease(id);
    }
    await jobs().drain();
    expect(await jobRow(id)).toMatchObject({
      state: 'dead',
      lastError: expect.stringContaining('stopped without finishing in each of its 3 attempts'),
    });
    expect(await runsOf([id])).toHaveLength(0);
  });

  it('enqueues a periodic job once for the cluster, however many nodes look at once', async () => {
    jobs().schedule({ name: 'test.hourly', kind: 'test.record', everyMs: 60 * 60 * 1000 });
    const count = () => app.strapi.db.query(UID.job).count({ where: { kind: 'test.record' } });
    const before = await count();
    const nodes = [
      jobs().createRunner('node-1'),
      jobs().createRunner('node-2'),
      jobs().createRunner('node-3'),
    ];
    await Promise.all(nodes.map((node) => node.drain()));
    expect(await count()).toBe(before + 1);
    // not due again for an hour
    await Promise.all(nodes.map((node) => node.drain()));
    expect(await count()).toBe(before + 1);
    const schedule = (await app.strapi.db
      .query(UID.jobSchedule)
      .findOne({ where: { name: 'test.hourly' } })) as {
      nextRunAt: string;
    };
    expect(new Date(schedule.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60 * 1000);
  });
});

describe('the "Tâches" page', () => {
  let reader: ReturnType<typeof adminClient>;
  let manager: ReturnType<typeof adminClient>;

  beforeAll(async () => {
    reader = adminClient(app, await adminTokenWithActions(app, [ACTION['jobs.read']]));
    manager = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['jobs.read'], ACTION['jobs.manage']])
    );
  });

  it('lists jobs by state with their last error, never their payload; only to roles that may see them', async () => {
    const id = await jobs().enqueue(poisoned, {});
    await jobs().drain();
    expect((await adminClient(app).get('/jobs')).status).toBe(401);
    const outsider = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.read']]));
    expect((await outsider.get('/jobs')).status).toBe(403);

    const response = await reader.get('/jobs?state=dead&kind=test.poisoned');
    expect(response.status).toBe(200);
    const listed = (response.body.data as Record<string, unknown>[]).find((job) => job.id === id);
    expect(listed).toMatchObject({
      state: 'dead',
      attempts: 3,
      lastError: 'the input file is not a spreadsheet',
    });
    expect(listed).not.toHaveProperty('payload');
    expect(listed).not.toHaveProperty('claimToken');
    expect((response.body.data as { state: string }[]).every((job) => job.state === 'dead')).toBe(true);
    expect(response.body.meta.counts.dead).toBeGreaterThanOrEqual(1);
    expect(response.body.meta.kinds).toEqual(expect.arrayContaining(['newsletter.sign-up', 'test.poisoned']));
  });

  it('retries a dead job for roles that may manage jobs, with a fresh count of attempts', async () => {
    // not due before the test has made it dead, so that the runner cannot take it first
    const id = await jobs().enqueue(flaky, { key: 'dead-then-retried' }, { delayMs: 60_000 });
    await app.strapi.db.query(UID.job).update({ where: { id }, data: { state: 'dead', attempts: 10 } });
    expect((await reader.post(`/jobs/${id}/retry`, {})).status).toBe(403);
    const retried = await manager.post(`/jobs/${id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body.data).toMatchObject({ id, state: 'queued', attempts: 0 });
    await jobs().drain();
    expect(await jobRow(id)).toMatchObject({ state: 'queued', attempts: 1 });
  });

  it('refuses to retry a job that is not dead or cancelled, naming its state; 404 for no such job', async () => {
    const id = await jobs().enqueue(kinds.record, {});
    await jobs().drain();
    const refused = await manager.post(`/jobs/${id}/retry`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0]).toMatchObject({
      path: ['state'],
      code: 'job.notRetryable',
      values: { state: 'completed' },
    });
    expect((await manager.post('/jobs/999999/retry', {})).status).toBe(404);
    const badId = await manager.post('/jobs/abc/cancel', {});
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.errors[0].path).toEqual(['id']);
  });

  it.each([
    ['state=lost', 'state'],
    ['pageSize=1000', 'pageSize'],
    ['page=0', 'page'],
    ['sort=id', 'sort'],
  ])('refuses the list query %s naming %s', async (query, field) => {
    const response = await reader.get(`/jobs?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual([field]);
  });

  it('shows a running job’s progress and stops it at its next report when cancelled', async () => {
    const id = await jobs().enqueue(long, { steps: 1000 });
    const draining = jobs().drain();
    await waitFor(async () => ((await jobRow(id)).progressDone ?? 0) >= 5, 'progress');
    const listed = await reader.get('/jobs?state=running');
    expect((listed.body.data as Record<string, unknown>[]).find((job) => job.id === id)).toMatchObject({
      progressTotal: 1000,
    });
    const cancelled = await manager.post(`/jobs/${id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ state: 'running', cancelRequested: true });
    await draining;
    const row = await jobRow(id);
    expect(row.state).toBe('cancelled');
    expect(row.progressDone).toBeLessThan(1000);
  });

  it('cancels a queued job at once', async () => {
    const id = await jobs().enqueue(long, { steps: 1 }, { delayMs: 60_000 });
    const cancelled = await manager.post(`/jobs/${id}/cancel`, {});
    expect(cancelled.body.data).toMatchObject({ state: 'cancelled' });
    const again = await manager.post(`/jobs/${id}/cancel`, {});
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors[0]).toMatchObject({ code: 'job.notCancellable' });
  });
});

describe('two nodes on one database', () => {
  let nodeB: SecondNode | undefined;

  beforeAll(async () => {
    nodeB = await startSecondNode({
      TEST_JOB_KINDS: '1',
      TEST_NODE_NAME: 'node-b',
      HANG_JOBS: '1',
      JOBS_POLL_INTERVAL_MS: '100',
    });
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await nodeB?.stop();
  }, BOOT_TIMEOUT_MS);

  it('runs each job on one node only, the two sharing the work', async () => {
    const ids: number[] = [];
    for (let index = 0; index < 60; index += 1) ids.push(await jobs().enqueue(kinds.record, { sleepMs: 20 }));
    const completed = () =>
      app.strapi.db.query(UID.job).count({ where: { id: { $in: ids }, state: 'completed' } });
    await jobs().drain();
    await waitFor(async () => (await completed()) === ids.length, 'every job completed');
    const runs = await runsOf(ids);
    expect(runs).toHaveLength(ids.length);
    expect(new Set(runs.map((run) => run.job_id)).size).toBe(ids.length);
    expect(new Set(runs.map((run) => run.node))).toEqual(new Set(['node-b', 'test-process']));
  });

  it('takes over the job of a node killed mid-run, once its lease has run out', async () => {
    await jobs().stop();
    try {
      const id = await jobs().enqueue(kinds.hang, {});
      await waitFor(
        async () => (await runsOf([id])).some((run) => run.node === 'node-b'),
        'node B to start the job'
      );
      await nodeB?.kill();
      expect(await jobRow(id)).toMatchObject({ state: 'running', attempts: 1 });
      // the lease (1.5 s) runs out without a renewal
      await waitFor(
        async () => new Date((await jobRow(id)).claimedUntil ?? 0).getTime() < Date.now(),
        'the lease'
      );
      await jobs().drain();
      expect(await jobRow(id)).toMatchObject({ state: 'completed', attempts: 2 });
      expect((await runsOf([id])).map((run) => run.node)).toEqual(['node-b', 'test-process']);
    } finally {
      jobs().start();
    }
  });
});
