/**
 * `npm run bench:memory -- [--duration S] [--connections N] [--write]`
 *
 * Whether the server's memory stays flat under a sustained mixed load on the seeded million
 * contacts (PostgreSQL, `npm run seed:bulk -- --contacts 1000000`). The app listens in this
 * process, started fresh after the compilation (scripts/with-strapi.js `freshProcess`: no
 * TypeScript compiler in its heap); autocannon (scripts/lib/load.ts, a process of its own) sends
 * for S seconds (300) at N connections (10) a cycle of what an external app does: searches by a
 * common name, a rare one, an e-mail part and phone digits, with and without the count and with a
 * country filter, the list in name order and the subscribers, the count route, one contact by id, a look-up by e-mail, a GraphQL list, and a
 * create. The script samples the process's resident memory (RSS), V8's heap and the buffers
 * outside it every 10 s and reports the first sample after a 30 s warm-up, the highest, the last,
 * and the growth between first and last. Every contact the run creates has an
 * `@bench-memory.invalid` address and is deleted at the end. With `--write` the figures replace the
 * "Memory under a sustained mixed load" section of docs/benchmarks.md.
 */
import os from 'os';
import type { Core } from '@strapi/strapi';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { waitForIdleDatabase } from './lib/idle-database';
import { listen } from './lib/listen';
import { measureUnderLoad, ms, perSecond, type HttpCall } from './lib/load';
import { usageError, wholeNumberOption } from './lib/options';

type Options = { duration: number; connections: number; write: boolean };
type Sample = { second: number; rss: number; heapUsed: number; external: number };
type Targets = { runId: string; documentIds: string[]; emails: string[] };

const CONTACTS = '/api/caladeo-contacts/contacts';
const BENCH_DOMAIN = '@bench-memory.invalid';
const SECTION_TITLE = '## Memory under a sustained mixed load';
const SAMPLE_EVERY_MS = 10_000;
const WARM_UP_S = 30;
const MIN_CONTACTS = 100_000;
const MIB = 1024 * 1024;

/** A fresh process: the compiler's heap would hide what the server itself grows. */
export const freshProcess = true;

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { duration: 300, connections: 10, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--duration')
      options.duration = wholeNumberOption('duration', argv[++index], WARM_UP_S + 30, 3600);
    else if (arg === '--connections')
      options.connections = wholeNumberOption('connections', argv[++index], 1, 200);
    else
      throw usageError(
        `unknown option ${arg}; usage: npm run bench:memory -- [--duration S] [--connections N] [--write]`
      );
  }
  return options;
}

const SEARCHES = ['lefevre', 'helene', 'moreau', 'aubry.5', '06 12 34', 'zzyzx'];

/** The load generator's request source: the `sequence`-th request of the mixed cycle. */
export const mixedCall = ({ runId, documentIds, emails }: Targets, sequence: number): HttpCall => {
  const pick = <T>(values: readonly T[]) => values[Math.floor(sequence / 10) % values.length] as T;
  const q = encodeURIComponent(pick(SEARCHES));
  switch (sequence % 10) {
    case 0:
      return { method: 'GET', path: `${CONTACTS}?q=${q}` };
    case 1:
      return { method: 'GET', path: `${CONTACTS}?q=${q}&pagination[withCount]=false` };
    case 2:
      return { method: 'GET', path: CONTACTS };
    case 3:
      return { method: 'GET', path: `${CONTACTS}/count?q=${q}` };
    case 4:
      return { method: 'GET', path: `${CONTACTS}/${pick(documentIds)}` };
    case 5:
      return { method: 'GET', path: `${CONTACTS}?filters[email][$eq]=${encodeURIComponent(pick(emails))}` };
    case 6:
      return {
        method: 'POST',
        path: '/graphql',
        body: JSON.stringify({
          query: `{ caladeoContactsContacts(filters: { lastName: { eq: "Moreau" } }, pagination: { limit: 25 }) { documentId firstName lastName email city } }`,
        }),
      };
    case 7:
      return {
        method: 'POST',
        path: CONTACTS,
        body: JSON.stringify({
          data: {
            firstName: 'Mémoire',
            lastName: 'Charge',
            email: `memory-${runId}-${sequence}${BENCH_DOMAIN}`,
          },
        }),
      };
    case 8:
      return {
        method: 'GET',
        path: `${CONTACTS}?q=${q}&filters[country][$eq]=FR&pagination[withCount]=false`,
      };
    default:
      return { method: 'GET', path: `${CONTACTS}?filters[newsletter][$eq]=true&pagination[withCount]=false` };
  }
};

const sample = (startedAt: number): Sample => {
  const usage = process.memoryUsage();
  return {
    second: Math.round((Date.now() - startedAt) / 1000),
    rss: usage.rss / MIB,
    heapUsed: usage.heapUsed / MIB,
    external: (usage.external + usage.arrayBuffers) / MIB,
  };
};

const removeBenchContacts = (strapi: Core.Strapi) =>
  strapi.db
    .connection(strapi.db.metadata.get(UID.contact).tableName)
    .where('email', 'like', `%${BENCH_DOMAIN}`)
    .delete();

/** Contacts spread over the table, for the reads by id and by e-mail. */
async function sampleTargets(strapi: Core.Strapi): Promise<Omit<Targets, 'runId'>> {
  const table = strapi.db.metadata.get(UID.contact).tableName;
  const rows = (await strapi.db
    .connection(table)
    .select('document_id', 'email')
    .whereNotNull('email')
    .whereRaw('id % 20011 = 0')
    .limit(50)) as Array<{ document_id: string; email: string }>;
  if (rows.length === 0) throw new Error('no contact with an e-mail to read');
  return { documentIds: rows.map((row) => row.document_id), emails: rows.map((row) => row.email) };
}

export default async function benchMemory(strapi: Core.Strapi, argv: readonly string[]) {
  const options = parseArgv(argv);
  const contacts = await strapi.db.query(UID.contact).count();
  if (contacts < MIN_CONTACTS)
    throw usageError(`only ${contacts} contacts: seed first (npm run seed:bulk -- --contacts 1000000)`);
  await removeBenchContacts(strapi);
  const token = (await strapi.service('admin::api-token').create({
    name: `bench-memory-${Date.now()}`,
    type: 'full-access',
    lifespan: null,
  })) as { id: number; accessKey: string };
  const server = await listen(strapi);
  const loadAverage = os.loadavg().map((value) => value.toFixed(2));
  const startedAt = Date.now();
  const samples: Sample[] = [sample(startedAt)];
  const timer = setInterval(() => samples.push(sample(startedAt)), SAMPLE_EVERY_MS);
  try {
    console.log(`${contacts} contacts; mixed load for ${options.duration} s…`);
    const load = await measureUnderLoad({
      baseUrl: server.baseUrl,
      tokens: [token.accessKey],
      connections: options.connections,
      duration: options.duration,
      source: {
        module: __filename,
        exportName: 'mixedCall',
        argument: { runId: Date.now().toString(36), ...(await sampleTargets(strapi)) },
      },
    });
    clearInterval(timer);
    samples.push(sample(startedAt));
    const warm = samples.find((entry) => entry.second >= WARM_UP_S) ?? samples[0];
    const last = samples[samples.length - 1] as Sample;
    const highest = samples.reduce((top, entry) => (entry.rss > top.rss ? entry : top));
    const mib = (value: number) => value.toFixed(0);
    const line = (label: string, entry: Sample) =>
      `| ${label} | ${entry.second} | ${mib(entry.rss)} | ${mib(entry.heapUsed)} | ${mib(entry.external)} |`;
    const table = [
      '| sample | second | RSS MiB | V8 heap used MiB | buffers outside the heap MiB |',
      '| --- | --- | --- | --- | --- |',
      line('before the load', samples[0] as Sample),
      line(`first after ${WARM_UP_S} s of load`, warm as Sample),
      line('highest RSS', highest),
      line('last', last),
    ].join('\n');
    const growth = last.rss - (warm as Sample).rss;
    const summary = `${load.total} requests (${perSecond(load.requestsPerSecond)} req/s, p50 ${ms(load.p50)} / p95 ${ms(load.p95)} ms, ${load.non2xx} non-2xx, ${load.errors} without an answer; statuses ${JSON.stringify(load.statusCodes)}); RSS from the first sample after the warm-up to the last: ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MiB; every RSS sample (MiB): ${samples.map((entry) => mib(entry.rss)).join(', ')}.`;
    console.log(`\n${table}\n\n${summary}\n`);
    if (options.write) {
      const section = [
        SECTION_TITLE,
        '',
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench npm run bench:memory -- --duration ${options.duration} --connections ${options.connections} --write\` (\`scripts/bench-memory.ts\`): ${contacts.toLocaleString('en')} contacts, 2 cores, Node ${process.version}; load average at the start ${loadAverage.join(', ')}. A full-access token; a cycle of ten requests (searches of six classes with and without the count and with a country filter, the list in name order, subscribers, the count route, one contact by id, a look-up by e-mail, a GraphQL list, a create), sampled every ${SAMPLE_EVERY_MS / 1000} s.`,
        '',
        table,
        '',
        summary,
      ].join('\n');
      console.log(`written to ${await writeBenchmarksSection(SECTION_TITLE, section)}`);
    }
  } finally {
    clearInterval(timer);
    await server.close();
    await waitForIdleDatabase(strapi);
    await removeBenchContacts(strapi);
    await strapi.service('admin::api-token').revoke(token.id);
  }
}
