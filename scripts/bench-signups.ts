/**
 * `npm run bench:signups -- [--duration S] [--connections N] [--write]`
 *
 * How fast the sign-up worker drains the website forms' queue on the seeded million contacts
 * (PostgreSQL, `npm run seed:bulk -- --contacts 1000000`), where each new address means a look-up
 * by e-mail, a contact created through the validation choke point, a pending confirmation with its
 * consent event and a mail. The app listens in this process, its job runner working as on any node;
 * autocannon (scripts/lib/load.ts, a process of its own) posts new addresses to the public route
 * for S seconds at N connections; then the script waits for the queue to empty and reports the
 * requests' figures, how many sign-ups the worker finished per second during the load and after
 * it, and checks that every accepted sign-up became a contact. Mails are kept in memory and the
 * rate limits raised out of the way: this measures the work. Every address the run posts is at
 * `@bench-signups.invalid`; what they created (contacts, confirmations, consent events, history)
 * is deleted at the end, so repeated runs keep the million. With `--write` the figures replace the
 * "Sign-up queue at a million contacts" section of docs/benchmarks.md.
 */
import os from 'os';
import { performance } from 'perf_hooks';
import type { Core } from '@strapi/strapi';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { SIGN_UP_JOB } from '../src/plugins/caladeo-contacts/server/src/modules/newsletter/sign-up-job';
import { joinOf, modelOf } from '../src/plugins/caladeo-contacts/server/src/utils/database-model';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { waitForIdleDatabase } from './lib/idle-database';
import { listen } from './lib/listen';
import { measureUnderLoad, ms, perSecond, type HttpCall } from './lib/load';
import { usageError, wholeNumberOption } from './lib/options';

type Options = { duration: number; connections: number; write: boolean };

const SIGN_UP = '/api/caladeo-contacts/newsletter/subscriptions';
const BENCH_DOMAIN = '@bench-signups.invalid';
const SOURCE = 'bench-signups';
const SECTION_TITLE = '## Sign-up queue at a million contacts';
/** Below this the figures say nothing about a million: seed first. */
const MIN_CONTACTS = 100_000;
/** The longest the script waits for the queue to empty before it gives up. */
const DRAIN_LIMIT_MS = 30 * 60 * 1000;

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { duration: 15, connections: 10, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--duration') options.duration = wholeNumberOption('duration', argv[++index], 1, 600);
    else if (arg === '--connections')
      options.connections = wholeNumberOption('connections', argv[++index], 1, 200);
    else
      throw usageError(
        `unknown option ${arg}; usage: npm run bench:signups -- [--duration S] [--connections N] [--write]`
      );
  }
  return options;
}

/** Read before Strapi loads its configuration: mails in memory, limits out of the way. */
export function prepareEnvironment() {
  Object.assign(process.env, {
    EMAIL_PROVIDER: 'capture',
    NEWSLETTER_LIMIT_PER_IP: '100000000',
    NEWSLETTER_LIMIT_PER_EMAIL: '100000000',
  });
}

/** The load generator's request source: a new address each time. */
export const signUpCall = (runId: string, sequence: number): HttpCall => ({
  method: 'POST',
  path: SIGN_UP,
  body: JSON.stringify({
    email: `signup-${runId}-${sequence}${BENCH_DOMAIN}`,
    firstName: 'Mesure',
    lastName: 'Inscription',
    source: SOURCE,
  }),
});

const queued = async (strapi: Core.Strapi) => strapi.db.query(UID.newsletterSignUp).count();

const benchContactCount = async (strapi: Core.Strapi) =>
  strapi.db.query(UID.contact).count({ where: { email: { $endsWith: BENCH_DOMAIN } } });

/** Deletes what this run (or an interrupted earlier one) created. */
async function removeBenchData(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const like = `%${BENCH_DOMAIN}`;
  const table = (uid: string) => modelOf(strapi, uid).tableName;
  const contacts = table(UID.contact);
  const ids = knex(contacts).select('id').where('email', 'like', like);
  const documentIds = knex(contacts).select('document_id').where('email', 'like', like);
  const linked = (uid: string) => {
    const join = joinOf(strapi, uid, 'contact');
    return knex(join.table).select(join.own).whereIn(join.other, ids);
  };
  await knex.transaction(async (trx) => {
    await trx(table(UID.consentEvent)).whereIn('id', linked(UID.consentEvent)).delete();
    await trx(table(UID.newsletterConfirmation)).whereIn('id', linked(UID.newsletterConfirmation)).delete();
    await trx(table(UID.historyEntry)).whereIn('target_document_id', documentIds).delete();
    await trx(table(UID.newsletterSignUp)).where('email', 'like', like).delete();
    await trx(contacts).where('email', 'like', like).delete();
  });
}

/** Polls the queue until it is empty; the seconds it took. */
async function waitForEmptyQueue(strapi: Core.Strapi) {
  const started = performance.now();
  for (;;) {
    const left = await queued(strapi);
    if (left === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > DRAIN_LIMIT_MS)
      throw new Error(`${left} sign-ups still queued after ${DRAIN_LIMIT_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export default async function benchSignUps(strapi: Core.Strapi, argv: readonly string[]) {
  const options = parseArgv(argv);
  if (strapi.db.dialect.client !== 'postgres')
    throw usageError('the sign-up queue benchmark runs on PostgreSQL (DATABASE_CLIENT=postgres)');
  const contacts = await strapi.db.query(UID.contact).count();
  if (contacts < MIN_CONTACTS)
    throw usageError(`only ${contacts} contacts: seed first (npm run seed:bulk -- --contacts 1000000)`);
  await removeBenchData(strapi);
  if ((await queued(strapi)) > 0) await waitForEmptyQueue(strapi);

  const server = await listen(strapi);
  const runId = Date.now().toString(36);
  const loadAverage = os.loadavg().map((value) => value.toFixed(2));
  try {
    console.log(`${contacts} contacts; posting new addresses for ${options.duration} s…`);
    const loadStarted = performance.now();
    const load = await measureUnderLoad({
      baseUrl: server.baseUrl,
      // the public route reads no token; the load generator sends this one to no effect
      tokens: ['none'],
      connections: options.connections,
      duration: options.duration,
      source: { module: __filename, exportName: 'signUpCall', argument: runId },
    });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const accepted = load.statusCodes['202'] ?? 0;
    const leftAfterLoad = await queued(strapi);
    console.log(`${accepted} accepted, ${leftAfterLoad} still queued; waiting for the worker…`);
    let statements = 0;
    const count = () => void (statements += 1);
    strapi.db.connection.on('query', count);
    const drainSeconds = await waitForEmptyQueue(strapi);
    strapi.db.connection.removeListener('query', count);
    const created = await benchContactCount(strapi);
    const doneDuringLoad = accepted - leftAfterLoad;
    // autocannon stops counting with requests still in flight: each connection may have had one
    // more sign-up accepted, which the worker then did like the others
    const complete = created >= accepted && created <= accepted + options.connections;

    const rows = [
      ['contacts in the database', contacts.toLocaleString('en')],
      [
        `sign-ups posted (${options.connections} connections, ${options.duration} s)`,
        `${load.total} (${perSecond(load.requestsPerSecond)} req/s, p50 ${ms(load.p50)} / p95 ${ms(load.p95)} ms)`,
      ],
      ['answered 202 (queued)', `${accepted}; other answers: ${load.total - accepted}`],
      [
        'finished by the worker during the load',
        `${doneDuringLoad} (${perSecond(doneDuringLoad / loadSeconds)}/s)`,
      ],
      [
        'left queued when the load stopped, then drained in',
        `${leftAfterLoad} in ${drainSeconds.toFixed(1)} s (${perSecond(leftAfterLoad / Math.max(drainSeconds, 0.001))}/s)`,
      ],
      [
        'SQL statements per sign-up while draining (the queue polls included)',
        (statements / Math.max(leftAfterLoad, 1)).toFixed(1),
      ],
      [
        'contacts created (every sign-up answered 202, and those the load sent as it stopped)',
        `${created}${complete ? ' (none lost)' : ' (MISMATCH)'}`,
      ],
    ];
    const table = [
      '| measure | value |',
      '| --- | --- |',
      ...rows.map(([label, value]) => `| ${label} | ${value} |`),
    ].join('\n');
    console.log(`\n${table}\n`);
    if (!complete) throw new Error(`${accepted} sign-ups answered 202 but ${created} contacts created`);
    if (options.write) {
      const section = [
        SECTION_TITLE,
        '',
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench npm run bench:signups -- --duration ${options.duration} --connections ${options.connections} --write\` (\`scripts/bench-signups.ts\`): 2 cores, Node ${process.version}; load average at the start ${loadAverage.join(', ')}. The job runner works in the measured process, as on any node (at most ${SIGN_UP_JOB.concurrency} sign-ups at once); each sign-up of a new address looks the e-mail up, creates the contact through the choke point, writes its pending confirmation and consent event, and sends its mail (kept in memory).`,
        '',
        table,
      ].join('\n');
      console.log(`written to ${await writeBenchmarksSection(SECTION_TITLE, section)}`);
    }
  } finally {
    await server.close();
    await waitForIdleDatabase(strapi);
    await removeBenchData(strapi);
  }
}
