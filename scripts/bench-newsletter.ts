/**
 * Load test of the public newsletter sign-up on PostgreSQL, against Strapi's stock REST create of
 * a contact in the same run, plus the timing of new, pending and known addresses (the sign-up must
 * not tell them apart). The route answers once the request is queued; the worker does the rest
 * afterwards, so the script also reports how long the queue takes to drain after each load.
 *
 *   npm run bench:newsletter                       # 10 connections, 15 s per scenario
 *   npm run bench:newsletter -- --duration 30 --connections 20
 *
 * The parent creates a throwaway PostgreSQL schema, starts Strapi in a child process (this same
 * file with --serve, so the load generator does not share its event loop), then drives it with
 * autocannon. Rate limits are raised out of the way: this measures the work of a request.
 */
import { spawn } from 'child_process';
import path from 'path';
import { performance } from 'perf_hooks';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createStrapi } from '@strapi/strapi';
import { waitForIdleDatabase } from './lib/idle-database';

// run from the app's root (npm run), compiled into dist/scripts
const APP_DIR = process.cwd();
const SIGN_UP = '/api/caladeo-contacts/newsletter/subscriptions';
const CONTACTS = '/api/caladeo-contacts/contacts';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

const pg = {
  host: process.env.TEST_DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_DATABASE_PORT ?? 5432),
  user: process.env.TEST_DATABASE_USERNAME ?? 'postgres',
  password: process.env.TEST_DATABASE_PASSWORD ?? '',
  database: process.env.TEST_DATABASE_NAME ?? 'caladeo_test',
};
const SCHEMA = 'bench_newsletter';

/** Child mode: boot Strapi, make a full-access API token, print the port and the token. */
const serve = async () => {
  const strapi = createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  await strapi.load();
  strapi.server.mount();
  const token = (await strapi.service('admin::api-token').create({
    name: `bench-${Date.now()}`,
    type: 'full-access',
    lifespan: null,
  })) as { accessKey: string };
  const httpServer = strapi.server.httpServer;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`READY ${port} ${token.accessKey}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    // requests autocannon cut off at the end may still hold pool slots; let them finish first
    await waitForIdleDatabase(strapi);
    await strapi.destroy().catch(() => undefined);
    process.exit(0);
  });
};

const withPg = async <T>(work: (client: Client) => Promise<T>) => {
  const client = new Client(pg);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** Waits until the worker has processed every queued sign-up; returns the seconds it took. */
const waitForEmptyQueue = async () => {
  const started = performance.now();
  for (;;) {
    const queued = await withPg(async (client) => {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.caladeo_newsletter_sign_ups`
      );
      return (rows[0] as { n: number }).n;
    });
    if (queued === 0) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const percentile = (sorted: number[], fraction: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];

type Scenario = {
  name: string;
  path: string;
  headers: Record<string, string>;
  body: (sequence: number) => unknown;
};

const runScenario = async (baseUrl: string, scenario: Scenario, duration: number, connections: number) => {
  let sequence = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: scenario.path,
        headers: { 'content-type': 'application/json', ...scenario.headers },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(scenario.body(++sequence)) }),
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
};

/**
 * Sequential sign-ups cycling through a new, a pending and a known address: median and mean of
 * each, in ms. The queue is drained before each request, so that each one is timed on its own and
 * not slowed by the background work of the one before.
 */
const timeNewPendingKnown = async (baseUrl: string, rounds: number) => {
  const post = async (email: string) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${SIGN_UP}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, firstName: 'Mesure' }),
    });
    const text = await response.text();
    return { ms: performance.now() - started, answer: `${response.status} ${text}` };
  };
  const timed = async (email: string) => {
    await waitForEmptyQueue();
    return post(email);
  };
  await post('known-timing@example.fr');
  const samples = { new: [] as number[], pending: [] as number[], known: [] as number[] };
  const answers = new Set<string>();
  for (let round = 0; round < rounds; round += 1) {
    // a new address, then the same one again while its confirmation is pending
    const pendingAddress = `timing-${round}-${Date.now()}@example.fr`;
    const fresh = await timed(pendingAddress);
    const pending = await timed(pendingAddress);
    const known = await timed('known-timing@example.fr');
    samples.new.push(fresh.ms);
    samples.pending.push(pending.ms);
    samples.known.push(known.ms);
    answers.add(fresh.answer).add(pending.answer).add(known.answer);
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const deviation = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    return { median: percentile(sorted, 0.5), mean, deviation };
  };
  return {
    new: summary(samples.new),
    pending: summary(samples.pending),
    known: summary(samples.known),
    distinctAnswers: answers.size,
  };
};

const main = async () => {
  if (process.argv.includes('--serve')) return serve();
  const duration = argument('duration', 15);
  const connections = argument('connections', 10);
  const rounds = argument('rounds', 50);

  await withPg(async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA ${SCHEMA}`);
  });
  const child = spawn(process.execPath, [__filename, '--serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: pg.host,
      DATABASE_PORT: String(pg.port),
      DATABASE_USERNAME: pg.user,
      DATABASE_PASSWORD: pg.password,
      DATABASE_NAME: pg.database,
      DATABASE_SCHEMA: SCHEMA,
      EMAIL_PROVIDER: 'capture',
      NEWSLETTER_LIMIT_PER_IP: '100000000',
      NEWSLETTER_LIMIT_PER_EMAIL: '100000000',
    },
  });
  child.stderr.pipe(process.stderr);
  const [port, token] = await new Promise<[string, string]>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+) (\S+)/.exec(output);
      if (match) resolve([match[1], match[2]]);
    });
    child.on('exit', (code) => reject(new Error(`Strapi exited with ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const runId = Date.now();

  const scenarios: Scenario[] = [
    {
      name: 'sign-up, new address (POST newsletter/subscriptions)',
      path: SIGN_UP,
      headers: {},
      body: (sequence) => ({
        email: `new-${runId}-${sequence}@example.fr`,
        firstName: 'Charge',
        source: 'bench',
      }),
    },
    {
      name: 'sign-up, known address',
      path: SIGN_UP,
      headers: {},
      body: () => ({ email: 'known-timing@example.fr', source: 'bench' }),
    },
    {
      name: 'stock create (POST contacts, full-access token)',
      path: CONTACTS,
      headers: { authorization: `Bearer ${token}` },
      body: (sequence) => ({ data: { lastName: 'Charge', email: `stock-${runId}-${sequence}@example.fr` } }),
    },
  ];

  try {
    const timing = await timeNewPendingKnown(baseUrl, rounds);
    const results = [];
    for (const scenario of scenarios) {
      const result = await runScenario(baseUrl, scenario, duration, connections);
      // the backlog the load left to the worker (zero for the stock create)
      results.push({ ...result, queueDrainSeconds: await waitForEmptyQueue() });
    }
    process.stdout.write(`${JSON.stringify({ duration, connections, rounds, timing, results }, null, 2)}\n`);
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.on('exit', resolve));
    await withPg((client) => client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`));
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
