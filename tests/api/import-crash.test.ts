import { afterAll, beforeAll, expect, it } from '@jest/globals';
import request from 'supertest';
import { IMPORT_CHUNK_SIZE } from '../../src/plugins/caladeo-contacts/server/src/modules/imports/services/imports';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import { jobRunner } from '../helpers/newsletter';
import { startSecondNode, type SecondNode } from '../helpers/other-node';
import { useStrapi } from '../helpers/strapi';

/**
 * An import whose node is killed with SIGKILL in the middle of a batch (its transaction open), then
 * taken over by another node: the end state is that of an import nothing happened to.
 */
const app = useStrapi();
const IMPORTS = '/api/caladeo-contacts/imports';
const BOOT_TIMEOUT_MS = 120_000;
/** Six batches: the node is killed in the third or a later one, before the last. */
const ROWS = 6 * IMPORT_CHUNK_SIZE;
const PREFIX = 'sigkill';

type Summary = {
  documentId: string;
  status: string;
  counts: { total: number; created: number; updated: number; unchanged: number; failed: number };
  progress: { done: number; total: number };
};

let token: string;
let nodeB: SecondNode | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const waitFor = async (check: () => Promise<boolean>, what: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

const summaryOf = async (documentId: string) => {
  const response = await request(app.baseUrl)
    .get(`${IMPORTS}/${documentId}`)
    .set('Authorization', `Bearer ${token}`);
  expect(response.status).toBe(200);
  return response.body.data as Summary;
};

type JobRow = { id: number; state: string; attempts: number; claimedBy: string | null };
const importJob = async () =>
  (await app.strapi.db.query(UID.job).findOne({ where: { kind: 'imports.run' } })) as JobRow | null;

beforeAll(async () => {
  token = await createApiToken(app.strapi, 'full-access');
  // this process runs no job until node B is dead: B takes the import
  await jobRunner(app).stop();
  nodeB = await startSecondNode({
    TEST_NODE_NAME: 'node-b',
    JOBS_POLL_INTERVAL_MS: '100',
    IMPORT_BATCH_PAUSE_MS: '400',
  });
}, BOOT_TIMEOUT_MS);

afterAll(async () => {
  await nodeB?.kill();
  jobRunner(app).start();
}, BOOT_TIMEOUT_MS);

it('finishes an import whose node was killed mid-batch on another node, each row imported exactly once', async () => {
  const file = Buffer.from(
    [
      'Nom;Email;Newsletter',
      ...Array.from({ length: ROWS }, (_, index) => `${PREFIX} ${index};${PREFIX}.${index}@exemple.fr;oui`),
    ].join('\r\n'),
    'utf8'
  );
  const uploaded = await request(app.baseUrl)
    .post(IMPORTS)
    .set('Authorization', `Bearer ${token}`)
    .field('consent', JSON.stringify({ source: 'bulletin papier du salon', consentedAt: '2026-10-04' }))
    .attach('file', file, 'crash.csv');
  expect(uploaded.status).toBe(202);
  const { documentId } = uploaded.body.data as Summary;

  // node B claims the import and commits two batches; it is killed in the third or a later one
  await waitFor(
    async () => (await summaryOf(documentId)).progress.done >= 2 * IMPORT_CHUNK_SIZE,
    'two batches'
  );
  await nodeB?.kill();
  const killedAt = await summaryOf(documentId);
  expect(killedAt.status).toBe('running');
  expect(killedAt.progress.done).toBeLessThan(ROWS);
  expect(killedAt.progress.done % IMPORT_CHUNK_SIZE).toBe(0);
  const job = await importJob();
  expect(job).toMatchObject({ state: 'running', attempts: 1 });

  // as if the dead node's lease had run out: this node takes the job over and goes on
  await app.strapi.db
    .query(UID.job)
    .update({ where: { id: job?.id }, data: { claimedUntil: new Date(Date.now() - 60_000) } });
  await jobRunner(app).drain();

  const ended = await summaryOf(documentId);
  expect(ended).toMatchObject({
    status: 'completed',
    counts: { total: ROWS, created: ROWS, updated: 0, unchanged: 0, failed: 0 },
    progress: { done: ROWS, total: ROWS },
  });
  expect(await importJob()).toMatchObject({ state: 'completed', attempts: 2 });
  const contacts = (await app.strapi.db.query(UID.contact).findMany({
    select: ['email', 'newsletter'],
    where: { email: { $startsWith: `${PREFIX}.` } },
  })) as { email: string; newsletter: boolean }[];
  expect(new Set(contacts.map((contact) => contact.email)).size).toBe(ROWS);
  expect(contacts).toHaveLength(ROWS);
  expect(contacts.every((contact) => contact.newsletter)).toBe(true);
  // one consent event per person, none from the batch the killed node never committed
  const events = await app.strapi.db.query(UID.consentEvent).count({
    where: { action: 'set_by_import', contact: { email: { $startsWith: `${PREFIX}.` } } },
  });
  expect(events).toBe(ROWS);
});
