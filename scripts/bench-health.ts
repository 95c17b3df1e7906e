/**
 * `npm run bench:health -- [--connections N] [--duration S] [--write]`
 *
 * Whether one caller's expensive reads cost the others: on PostgreSQL with many contacts
 * (DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench_hist, a million seeded), N connections send
 * for S seconds the heaviest reads the request limits still allow (docs/api.md, "Limits on one
 * request") with a read-only API token, while `/_health` is asked every 50 ms. Prints p50/p95/max
 * of `/_health` with no load first, then under the load, and what the heavy reads got: served,
 * refused by the statement timeout (`query.timeout`, API_READ_TIMEOUT_MS), refused for waiting too long
 * for a read slot (`query.busy`, API_READS_PER_CALLER), anything else.
 *
 * The reads: REST filters through four names (three relations) inside `$or`, nested ten levels,
 * `$containsi` terms no contact holds (so that every row is scanned), sorted through three
 * relations, populated three deep, 100 to a page and counted; GraphQL with 20 aliased lists, each
 * a full scan; and a GraphQL list filtered through two relations with its links read, under the
 * cost limit. Each is sent once before the load and must not be refused by a shape limit (that
 * would measure a 400 that costs nothing). The N connections are shared out among the reads (one
 * autocannon instance each). The load and the sampler run in child processes of
 * their own, so that neither shares the event loop of the server it measures. With `--write` the
 * figures replace the "Health check under heavy reads" section of docs/benchmarks.md.
 */
import { spawn } from 'child_process';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import autocannon from 'autocannon';
import type { Core } from '@strapi/strapi';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { apiSettings } from '../src/plugins/caladeo-contacts/server/src/modules/records/settings';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { listen } from './lib/listen';
import { usageError, wholeNumberOption } from './lib/options';
import { percentile } from './lib/percentile';

type Options = { connections: number; duration: number; write: boolean };
type HeavyRead = { label: string; method: 'GET' | 'POST'; path: string; body?: string };
type LoadSpec = { baseUrl: string; token: string; reads: HeavyRead[]; connections: number; duration: number };
/** `sent` counts the reads still running when the load stopped, which have no answer. */
type ReadOutcomes = {
  sent: number;
  served: number;
  timedOut: number;
  busy: number;
  other: Record<string, number>;
};
type LoadFigures = {
  perRead: Record<string, ReadOutcomes>;
  total: number;
  p50: number | null;
  p95: number | null;
  /** Requests that got no answer (socket errors, autocannon's timeout). */
  unanswered: number;
};
type SamplerSpec = { baseUrl: string; seconds: number };
type HealthFigures = {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  over100: number;
  failed: number;
};

const CONTACTS = '/api/caladeo-contacts/contacts';
const SAMPLE_EVERY_MS = 50;
const IDLE_SECONDS = 5;
const LOAD_GENERATOR_FLAG = '--load-generator';
const SAMPLER_FLAG = '--health-sampler';
const SECTION_TITLE = '## Health check under heavy reads';
/** A term no seeded contact holds: `$containsi` then reads every row. */
const ABSENT = 'zqxj';

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { connections: 10, duration: 20, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--connections')
      options.connections = wholeNumberOption('connections', argv[++index], 1, 100);
    else if (arg === '--duration') options.duration = wholeNumberOption('duration', argv[++index], 5, 600);
    else
      throw usageError(
        `unknown option ${arg}; usage: npm run bench:health -- [--connections N] [--duration S] [--write]`
      );
  }
  return options;
}

/** `filters[$and][index][$or][0]…` ten levels down, then the condition. */
const nestedFilter = (index: number, condition: string) => {
  let prefix = `filters[$and][${index}]`;
  for (let level = 1; level < 5; level += 1) prefix += `[${level % 2 ? '$or' : '$and'}][0]`;
  return `${prefix}${condition}`;
};

const graphqlRead = (label: string, query: string): HeavyRead => ({
  label,
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query }),
});

const HEAVY_READS: HeavyRead[] = [
  {
    label: 'REST: `$or` through 3 relations, sorted and populated 3 deep, 100 a page',
    method: 'GET',
    path: `${CONTACTS}?${[
      `filters[$or][0][lastName][$containsi]=${ABSENT}`,
      `filters[$or][1][clientLinks][client][contactLinks][role][$containsi]=${ABSENT}`,
      `filters[$or][2][email][$containsi]=${ABSENT}`,
      `filters[$or][3][offerLinks][offer][client][name][$containsi]=${ABSENT}`,
      'sort=clientLinks.client.name:asc',
      'populate[clientLinks][populate][client][populate][contactLinks]=true',
      'pagination[pageSize]=100',
    ].join('&')}`,
  },
  {
    label: 'REST: filters nested 10 levels, `$containsi` on two fields',
    method: 'GET',
    path: `${CONTACTS}?${nestedFilter(0, `[city][$containsi]=${ABSENT}`)}&${nestedFilter(
      1,
      `[firstName][$containsi]=${ABSENT}`
    )}&pagination[pageSize]=100`,
  },
  graphqlRead(
    'GraphQL: 20 aliased lists, each a full scan',
    `{ ${Array.from(
      { length: 20 },
      (_, index) =>
        `a${index}: caladeoContactsContacts(filters: { lastName: { containsi: "${ABSENT}${index}" } }) { documentId lastName }`
    ).join(' ')} }`
  ),
  graphqlRead(
    'GraphQL: a list filtered through 2 relations, its links read',
    `{ caladeoContactsContacts(filters: { clientLinks: { client: { name: { containsi: "${ABSENT}" } } } },
      pagination: { pageSize: 10 }) { documentId clientLinks { role client { name contactLinks { role } } } } }`
  ),
];

/** The connections of the `index`-th of `reads` reads when `total` are shared out (at least one each). */
const connectionsOf = (total: number, reads: number, index: number) =>
  Math.max(1, Math.floor(total / reads) + (index < total % reads ? 1 : 0));

const isTimeoutRefusal = (body: string) => body.includes('"query.timeout"');
const isBusyRefusal = (body: string) => body.includes('"query.busy"');

/** The load generator's side: autocannon cycling through the reads, outcomes per read as JSON. */
async function runLoad({ baseUrl, token, reads, connections, duration }: LoadSpec): Promise<LoadFigures> {
  const perRead: Record<string, ReadOutcomes> = Object.fromEntries(
    reads.map((read) => [read.label, { sent: 0, served: 0, timedOut: 0, busy: 0, other: {} }])
  );
  const latencies: number[] = [];
  // one instance per read, the connections shared out: an instance sends its list in order on each
  // connection, so that a list of reads would have every connection wait on the first ones
  const results = await Promise.all(
    reads.map((read, index) => {
      const outcomes = perRead[read.label] as ReadOutcomes;
      const instance = autocannon({
        url: baseUrl,
        connections: connectionsOf(connections, reads.length, index),
        duration,
        // a heavy read may legitimately take the statement timeout several times over
        timeout: 120,
        requests: [
          {
            method: read.method,
            path: read.path,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            ...(read.body ? { body: read.body } : {}),
            setupRequest: (request) => {
              outcomes.sent += 1;
              return request;
            },
            onResponse: (status: number, body: string) => {
              const graphqlErrors = read.path === '/graphql' && body.includes('"errors"');
              if (status >= 200 && status < 300 && !graphqlErrors) outcomes.served += 1;
              else if (status === 400 && isTimeoutRefusal(body)) outcomes.timedOut += 1;
              else if (status === 429 && isBusyRefusal(body)) outcomes.busy += 1;
              else outcomes.other[String(status)] = (outcomes.other[String(status)] ?? 0) + 1;
            },
          },
        ],
      });
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
      });
      return instance;
    })
  );
  latencies.sort((a, b) => a - b);
  return {
    perRead,
    total: latencies.length,
    p50: latencies.length ? percentile(latencies, 0.5) : null,
    p95: latencies.length ? percentile(latencies, 0.95) : null,
    unanswered: results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
  };
}

/** The sampler's side: GET /_health every 50 ms for the given seconds, one at a time. */
async function sampleHealth({ baseUrl, seconds }: SamplerSpec): Promise<HealthFigures> {
  const timings: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}/_health`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status !== 204) failed += 1;
    } catch {
      failed += 1;
    }
    const elapsed = performance.now() - started;
    timings.push(elapsed);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, SAMPLE_EVERY_MS - elapsed)));
  }
  timings.sort((a, b) => a - b);
  return {
    samples: timings.length,
    p50: percentile(timings, 0.5),
    p95: percentile(timings, 0.95),
    max: timings[timings.length - 1] ?? NaN,
    over100: timings.filter((value) => value > 100).length,
    failed,
  };
}

/** Runs this compiled script as a child with one of the flags, its spec on stdin, its figures as JSON. */
async function inChild<T>(flag: string, spec: unknown): Promise<T> {
  const child = spawn(process.execPath, [__filename, flag], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
    child.stdin.end(JSON.stringify(spec));
  });
  if (code !== 0) throw new Error(`the ${flag.slice(2)} exited with ${code}`);
  return JSON.parse(output) as T;
}

async function childMain(flag: string) {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const spec = JSON.parse(input) as unknown;
  const figures =
    flag === SAMPLER_FLAG ? await sampleHealth(spec as SamplerSpec) : await runLoad(spec as LoadSpec);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** One read before the load: refused by a shape limit or failing, it would measure nothing. */
async function checkRead(baseUrl: string, token: string, read: HeavyRead) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${read.path}`, {
    method: read.method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: read.body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const timedOut = response.status === 400 && isTimeoutRefusal(text);
  if (!response.ok && !timedOut)
    throw new Error(
      `${read.label}: HTTP ${response.status} ${text.slice(0, 300)} (the bench would measure a refusal)`
    );
  if (read.path === '/graphql' && !timedOut && (JSON.parse(text) as { errors?: unknown }).errors)
    throw new Error(`${read.label}: ${text.slice(0, 300)}`);
  return { ms, timedOut };
}

const ms = (value: number | null) =>
  value === null || Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(1) : value.toFixed(0);

const healthLine = (label: string, figures: HealthFigures) =>
  `| ${label} | ${figures.samples} | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.max)} | ${figures.over100} | ${figures.failed} |`;

export default async function benchHealth(strapi: Core.Strapi, argv: string[]) {
  const options = parseArgv(argv);
  if (strapi.db.dialect.client !== 'postgres')
    throw usageError(
      'bench:health measures PostgreSQL: DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench_hist npm run bench:health'
    );
  const contactCount = await strapi.db.query(UID.contact).count();
  if (contactCount < 1000)
    throw usageError(`only ${contactCount} contacts: seed first (npm run seed:bulk -- --contacts 1000000)`);
  const { readTimeoutMs, readsPerCaller } = apiSettings(strapi);
  const database = String(strapi.config.get('database.connection.connection.database'));
  const poolMax = strapi.config.get<number>('database.connection.pool.max', 10);
  const loadAverage = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

  const server = await listen(strapi);
  const token = (await strapi.service('admin::api-token').create({
    name: `bench-health-${Date.now()}`,
    type: 'read-only',
    lifespan: null,
  })) as { accessKey: string; id: number };
  try {
    console.log(
      `${machine}; load average ${loadAverage}\n${contactCount} contacts (${database}), statement timeout of reads ${readTimeoutMs} ms, ${readsPerCaller} reads per caller at once, pool of ${poolMax}\n`
    );
    const alone: string[] = [];
    for (const read of HEAVY_READS) {
      const { ms: took, timedOut } = await checkRead(server.baseUrl, token.accessKey, read);
      const line = `${read.label}: ${ms(took)} ms alone${timedOut ? ', refused by the timeout' : ''}`;
      alone.push(line);
      console.log(line);
    }

    const idle = await inChild<HealthFigures>(SAMPLER_FLAG, {
      baseUrl: server.baseUrl,
      seconds: IDLE_SECONDS,
    });
    console.log(`\n/_health idle: p50 ${ms(idle.p50)} ms, p95 ${ms(idle.p95)} ms, max ${ms(idle.max)} ms`);
    const [load, busy] = await Promise.all([
      inChild<LoadFigures>(LOAD_GENERATOR_FLAG, {
        baseUrl: server.baseUrl,
        token: token.accessKey,
        reads: HEAVY_READS,
        connections: options.connections,
        duration: options.duration,
      } satisfies LoadSpec),
      inChild<HealthFigures>(SAMPLER_FLAG, { baseUrl: server.baseUrl, seconds: options.duration }),
    ]);
    console.log(
      `/_health under load: p50 ${ms(busy.p50)} ms, p95 ${ms(busy.p95)} ms, max ${ms(busy.max)} ms, ${busy.over100} of ${busy.samples} over 100 ms, ${busy.failed} failed`
    );

    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const healthTable = [
      line(['/_health', 'samples', 'p50 ms', 'p95 ms', 'max ms', 'over 100 ms', 'failed']),
      line(Array<string>(7).fill('---')),
      healthLine(`idle, ${IDLE_SECONDS} s`, idle),
      healthLine(`under the heavy reads, ${options.duration} s`, busy),
    ];
    const readsTable = [
      line([
        'heavy read',
        'connections',
        'sent',
        'served',
        'refused `query.timeout`',
        'refused `query.busy` (429)',
        'other answers',
        'running at the end',
      ]),
      line(Array<string>(8).fill('---')),
      ...HEAVY_READS.map((read, index) => {
        const outcomes = load.perRead[read.label] as ReadOutcomes;
        const other = Object.entries(outcomes.other)
          .map(([status, count]) => `${count} × ${status}`)
          .join(', ');
        const answered =
          outcomes.served +
          outcomes.timedOut +
          outcomes.busy +
          Object.values(outcomes.other).reduce((a, b) => a + b, 0);
        return line([
          read.label,
          String(connectionsOf(options.connections, HEAVY_READS.length, index)),
          String(outcomes.sent),
          String(outcomes.served),
          String(outcomes.timedOut),
          String(outcomes.busy),
          other || '0',
          String(outcomes.sent - answered),
        ]);
      }),
    ];
    const readsSummary = `${load.total} heavy reads answered in ${options.duration} s (p50 ${ms(load.p50)} ms, p95 ${ms(load.p95)} ms), ${load.unanswered} socket errors or client timeouts`;
    console.log(`\n${healthTable.join('\n')}\n\n${readsTable.join('\n')}\n\n${readsSummary}`);

    if (options.write) {
      const command = `DATABASE_CLIENT=postgres DATABASE_NAME=${database} npm run bench:health${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
      const section = [
        SECTION_TITLE,
        '',
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\` (\`scripts/bench-health.ts\`): ${machine}; load average at the start ${loadAverage}; ${contactCount} contacts; reads under a statement timeout of ${readTimeoutMs} ms (\`API_READ_TIMEOUT_MS\`), at most ${readsPerCaller} reads of one caller at once (\`API_READS_PER_CALLER\`), pool of ${poolMax} connections.`,
        '',
        `${options.connections} connections with a read-only API token send, for ${options.duration} s, the heaviest reads the limits on one request allow (each alone first: ${alone.join('; ')}), while \`/_health\` is asked every ${SAMPLE_EVERY_MS} ms from another process.`,
        '',
        ...healthTable,
        '',
        ...readsTable,
        '',
        `${readsSummary}.`,
        '',
      ].join('\n');
      const written = await writeBenchmarksSection(SECTION_TITLE, section);
      console.log(`\nwrote ${path.relative(process.cwd(), written)}`);
    }
  } finally {
    await strapi.service('admin::api-token').revoke(token.id);
    await server.close();
  }
}

// the compiled script started by inChild (scripts/with-strapi.js requires it instead)
if (require.main === module) {
  const flag = [LOAD_GENERATOR_FLAG, SAMPLER_FLAG].find((candidate) => process.argv.includes(candidate));
  if (flag)
    childMain(flag).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
