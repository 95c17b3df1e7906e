/**
 * `npm run bench:writes -- [--runs N] [--duration S] [--write]`
 *
 * Our write path against stock Strapi's, in one run, on PostgreSQL with a million contacts on each
 * side: create a contact, update one (its city), and look a person up by e-mail as an external app
 * would (`filters[email][$eq]`), all through REST with a full-access API token.
 *
 * - ours: the Strapi that scripts/with-strapi.js loads (DATABASE_CLIENT=postgres
 *   DATABASE_NAME=caladeo_bench, seeded with `npm run seed:bulk -- --contacts 1000000`), listening
 *   on a free port in this process;
 * - stock: a minimal Strapi 5 app with a plain `api::contact.contact` type, built by this script in
 *   a scratch folder outside the repository, on its own database `caladeo_bench_stock` (created and
 *   loaded with a million rows on first use), running in a child process.
 *
 * Per request and side: sequential p50/p95 over N requests after 3 warm-ups, then req/s and p95
 * with 10 connections for S seconds (autocannon, from a child process of its own for both sides so
 * that the load generator never shares an event loop with the server it measures). Answers other
 * than 2xx are counted and reported: a refused create would make a side look faster than it is.
 * Every contact the run creates has an `@bench-writes.invalid` address and is deleted at the end,
 * so repeated runs keep the million. With `--write` the table replaces the "Writes at a million
 * contacts" section of docs/benchmarks.md.
 */
import { spawn } from 'child_process';
import { randomBytes } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { Client, type ClientConfig } from 'pg';
import type { Core } from '@strapi/strapi';

import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { waitForIdleDatabase } from './lib/idle-database';
import { listen } from './lib/listen';
import { measureUnderLoad, ms, perSecond, type HttpCall, type LoadFigures } from './lib/load';
import { usageError, wholeNumberOption } from './lib/options';
import { percentile } from './lib/percentile';

type Options = { runs: number; duration: number; write: boolean };

/** What one side's requests are built from; plain data, so that it crosses to the load generator as JSON. */
type WritePlan =
  | { kind: 'create'; emailPrefix: string }
  | { kind: 'update'; documentIds: string[] }
  | { kind: 'lookup'; emails: string[] };
type HttpTarget = { baseUrl: string; token: string; contactsPath: string };

type Side = {
  name: 'ours' | 'stock';
  /** The side's contacts table, for the set-up and clean-up queries made beside the API. */
  table: string;
  database: ClientConfig;
  http: HttpTarget;
};

type SequentialFigures = {
  p50: number;
  p95: number;
  sent: number;
  non2xx: number;
  firstFailure: string | null;
  /** Distinct numbers of rows the list answers held (lookups: 1 when the person was found). */
  rowsPerAnswer: number[];
};
type SideFigures = { sequential: SequentialFigures; load: LoadFigures };
type RequestRow = { label: string; ours: SideFigures; stock: SideFigures };

const OUR_CONTACTS = '/api/caladeo-contacts/contacts';
const STOCK_CONTACTS = '/api/contacts';
const WARM_UP_RUNS = 3;
const CONNECTIONS = 10;
/** Every contact the run creates, on both sides, has an address at this domain: clean-up deletes by it. */
const BENCH_DOMAIN = '@bench-writes.invalid';
const STOCK_DATABASE = 'caladeo_bench_stock';
const STOCK_ROWS = 1_000_000;
// outside the repository: the other engineer's tools (lint, tsc, jest) must never see this app
const STOCK_APP_DIR = path.join(os.tmpdir(), 'caladeo-bench-stock-app');
/** How many contacts the updates cycle through, and how many e-mails the lookups do. */
const UPDATE_TARGETS = 100;
const LOOKUP_EMAILS = 50;
const SECTION_TITLE = '## Writes at a million contacts';

const FIRST_NAMES = ['Hélène', 'Léa', 'Jérôme', 'François', 'Chloé', 'Noël', 'Inès', 'Gaël', 'Zoé', 'Thomas'];
const LAST_NAMES = ['Lefèvre', 'Martin', 'Dubois', 'Bernard', 'Gérard', 'Moreau', 'Roussel', 'Lemaître'];
// the updates move each contact between these two cities, so that every update changes something
const CITIES = ['Lyon', 'Villeurbanne'];

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { runs: 30, duration: 10, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--runs') options.runs = wholeNumberOption('runs', argv[++index], 5, 1000);
    else if (arg === '--duration') options.duration = wholeNumberOption('duration', argv[++index], 1, 600);
    else
      throw usageError(
        `unknown option ${arg}; usage: npm run bench:writes -- [--runs N] [--duration S] [--write]`
      );
  }
  return options;
}

/**
 * The `sequence`-th request of a plan. Creates get a new address each (a duplicate would be
 * refused and falsify the figures); updates and lookups cycle through their targets, so that
 * concurrent requests do not queue on one row's lock or hit one cached answer.
 */
function httpCall(contactsPath: string, plan: WritePlan, sequence: number): HttpCall {
  const pick = <T>(values: readonly T[]) => values[sequence % values.length] as T;
  if (plan.kind === 'create') {
    return {
      method: 'POST',
      path: contactsPath,
      body: JSON.stringify({
        data: {
          firstName: pick(FIRST_NAMES),
          lastName: pick(LAST_NAMES),
          email: `${plan.emailPrefix}-${sequence}${BENCH_DOMAIN}`,
          // 06 12 … is a valid French mobile range whatever the last six digits
          phone: `06 12 ${String(sequence % 1_000_000).padStart(6, '0')}`,
          postalCode: '69003',
          city: 'Lyon',
          country: 'FR',
        },
      }),
    };
  }
  if (plan.kind === 'update') {
    const pass = Math.floor(sequence / plan.documentIds.length);
    return {
      method: 'PUT',
      path: `${contactsPath}/${pick(plan.documentIds)}`,
      body: JSON.stringify({ data: { city: CITIES[pass % CITIES.length] } }),
    };
  }
  return {
    method: 'GET',
    path: `${contactsPath}?filters[email][$eq]=${encodeURIComponent(pick(plan.emails))}`,
  };
}

const requestHeaders = (http: HttpTarget) => ({
  authorization: `Bearer ${http.token}`,
  'content-type': 'application/json',
});

/** N requests one after the other (after the warm-ups, which are counted in `sent` but not timed). */
async function timeSequential(http: HttpTarget, plan: WritePlan, runs: number): Promise<SequentialFigures> {
  const timings: number[] = [];
  const rowsPerAnswer = new Set<number>();
  let non2xx = 0;
  let firstFailure: string | null = null;
  for (let run = 0; run < WARM_UP_RUNS + runs; run += 1) {
    const call = httpCall(http.contactsPath, plan, run);
    const started = performance.now();
    const response = await fetch(`${http.baseUrl}${call.path}`, {
      method: call.method,
      headers: requestHeaders(http),
      body: call.body,
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    if (run >= WARM_UP_RUNS) timings.push(elapsed);
    if (!response.ok) {
      non2xx += 1;
      firstFailure ??= `${call.method} → HTTP ${response.status} ${text.slice(0, 200)}`;
    } else {
      const { data } = JSON.parse(text) as { data?: unknown };
      if (Array.isArray(data)) rowsPerAnswer.add(data.length);
    }
  }
  timings.sort((a, b) => a - b);
  return {
    p50: percentile(timings, 0.5),
    p95: percentile(timings, 0.95),
    sent: WARM_UP_RUNS + runs,
    non2xx,
    firstFailure,
    rowsPerAnswer: [...rowsPerAnswer].sort((a, b) => a - b),
  };
}

/** The load generator's request source (scripts/lib/load.ts calls it in its own process). */
export const loadCall = (
  { contactsPath, plan }: { contactsPath: string; plan: WritePlan },
  sequence: number
): HttpCall => httpCall(contactsPath, plan, sequence);

/** req/s and p95 with CONNECTIONS connections for `duration` s, one token: one external app. */
const timeUnderLoad = (http: HttpTarget, plan: WritePlan, duration: number): Promise<LoadFigures> =>
  measureUnderLoad({
    baseUrl: http.baseUrl,
    tokens: [http.token],
    connections: CONNECTIONS,
    duration,
    source: {
      module: __filename,
      exportName: 'loadCall',
      argument: { contactsPath: http.contactsPath, plan },
    },
  });

async function withDatabase<T>(config: ClientConfig, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const countContacts = (side: Side) =>
  withDatabase(side.database, async (client) => {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${side.table}`);
    return rows[0]?.n ?? 0;
  });

/** Deletes what this run (or an interrupted earlier one) created; their links go with them (ON DELETE CASCADE). */
const removeBenchContacts = (side: Side) =>
  withDatabase(side.database, async (client) => {
    const { rowCount } = await client.query(`DELETE FROM ${side.table} WHERE email LIKE $1`, [
      `%${BENCH_DOMAIN}`,
    ]);
    return rowCount ?? 0;
  });

/** E-mails of existing contacts spread over the whole table, for the lookups. */
const sampleEmails = (side: Side) =>
  withDatabase(side.database, async (client) => {
    const { rows: bounds } = await client.query<{ max: number }>(
      `SELECT max(id)::int AS max FROM ${side.table}`
    );
    const step = Math.max(1, Math.floor((bounds[0]?.max ?? 0) / LOOKUP_EMAILS));
    const { rows } = await client.query<{ email: string }>(
      `SELECT email FROM ${side.table} WHERE email IS NOT NULL AND id % $1 = 0 ORDER BY id LIMIT $2`,
      [step, LOOKUP_EMAILS]
    );
    return rows.map((row) => row.email);
  });

/** Contacts this run created: the updates change them, so that the million seeded rows stay as seeded. */
const createdDocumentIds = (side: Side, limit: number) =>
  withDatabase(side.database, async (client) => {
    const { rows } = await client.query<{ document_id: string }>(
      `SELECT document_id FROM ${side.table} WHERE email LIKE $1 ORDER BY id LIMIT $2`,
      [`%${BENCH_DOMAIN}`, limit]
    );
    return rows.map((row) => row.document_id);
  });

/** The stock app's files: what `create-strapi` would give, minus the admin build and TypeScript. */
const stockAppFiles = (): Record<string, string> => ({
  'package.json': `${JSON.stringify(
    {
      name: 'caladeo-bench-stock',
      private: true,
      version: '0.0.0',
      description: 'Stock Strapi 5 with a plain contact type, built and run by scripts/bench-writes.ts',
      // a new Strapi app's plugins; Strapi loads the plugins listed here
      dependencies: { '@strapi/strapi': '5.54.0', '@strapi/plugin-users-permissions': '5.54.0' },
    },
    null,
    2
  )}\n`,
  'config/database.js': `module.exports = ({ env }) => ({
  connection: {
    client: 'postgres',
    connection: {
      host: env('DATABASE_HOST'),
      port: env.int('DATABASE_PORT'),
      database: env('DATABASE_NAME'),
      user: env('DATABASE_USERNAME'),
      password: env('DATABASE_PASSWORD'),
      schema: 'public',
    },
    pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
  },
});
`,
  'config/server.js': `module.exports = ({ env }) => ({
  host: '127.0.0.1',
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // no look-up of newer Strapi versions on the registry at each boot
  logger: { updates: { enabled: false } },
});
`,
  'config/admin.js': `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
});
`,
  'config/api.js': `module.exports = { rest: { defaultLimit: 25, maxLimit: 100, withCount: true } };
`,
  'config/middlewares.js': `module.exports = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`,
  'config/plugins.js': `module.exports = ({ env }) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
`,
  // the same level as ours (scripts/with-strapi.js sets LOG_LEVEL=warn): logging every request
  // would be work only one side does
  'config/logger.js': `const { winston, formats } = require('@strapi/logger');

module.exports = ({ env }) => ({
  transports: [
    new winston.transports.Console({ level: env('LOG_LEVEL', 'http'), format: formats.prettyPrint() }),
  ],
});
`,
  'src/index.js': `module.exports = { register() {}, bootstrap() {} };
`,
  'src/api/contact/content-types/contact/schema.json': `${JSON.stringify(
    {
      kind: 'collectionType',
      collectionName: 'contacts',
      info: { singularName: 'contact', pluralName: 'contacts', displayName: 'Contact' },
      options: { draftAndPublish: false },
      attributes: {
        firstName: { type: 'string' },
        lastName: { type: 'string' },
        email: { type: 'email', unique: true },
        phone: { type: 'string' },
        postalCode: { type: 'string' },
        city: { type: 'string' },
        country: { type: 'string' },
      },
    },
    null,
    2
  )}\n`,
  'src/api/contact/controllers/contact.js': `const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::contact.contact');
`,
  'src/api/contact/routes/contact.js': `const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::contact.contact');
`,
  'src/api/contact/services/contact.js': `const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::contact.contact');
`,
  // the benchmark's harness, not part of a stock app: boot without the admin panel (no build
  // needed), make a full-access API token, print the port and the token, stop when stdin closes
  'serve.js': `const { createStrapi } = require('@strapi/strapi');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// requests the load generator cut off may still hold pool slots: destroying now would abort them
const waitForIdleDatabase = async (strapi) => {
  const pool = strapi.db.connection.client.pool;
  for (let idle = 0, checks = 0; idle < 4 && checks < 300; checks += 1) {
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
    idle = busy ? 0 : idle + 1;
    await sleep(50);
  }
};

const main = async () => {
  const strapi = createStrapi({ appDir: __dirname, distDir: __dirname, autoReload: false, serveAdminPanel: false });
  await strapi.load();
  strapi.server.mount();
  const token = await strapi.service('admin::api-token').create({
    name: 'bench-writes-' + Date.now(),
    type: 'full-access',
    lifespan: null,
  });
  const httpServer = strapi.server.httpServer;
  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  process.stdout.write('READY ' + httpServer.address().port + ' ' + token.accessKey + '\\n');
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await waitForIdleDatabase(strapi);
    await strapi.service('admin::api-token').revoke(token.id);
    await strapi.destroy();
    process.exit(0);
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`,
});

/** (Re)writes the stock app; its node_modules is the repository's, so nothing is installed. */
function writeStockApp(repositoryDir: string) {
  for (const [file, content] of Object.entries(stockAppFiles())) {
    const target = path.join(STOCK_APP_DIR, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  // the upload plugin fails to start without it
  fs.mkdirSync(path.join(STOCK_APP_DIR, 'public', 'uploads'), { recursive: true });
  const link = path.join(STOCK_APP_DIR, 'node_modules');
  const modules = path.join(repositoryDir, 'node_modules');
  const existing = fs.lstatSync(link, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink() && fs.readlinkSync(link) === modules) return;
  if (existing && !existing.isSymbolicLink())
    throw new Error(`${link} exists and is not a link to ${modules}: remove it`);
  if (existing) fs.unlinkSync(link);
  fs.symlinkSync(modules, link, 'dir');
}

async function ensureStockDatabase(server: ClientConfig) {
  await withDatabase({ ...server, database: 'postgres' }, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [STOCK_DATABASE]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${STOCK_DATABASE}`);
      console.log(`created database ${STOCK_DATABASE}`);
    }
  });
}

type StockServer = { baseUrl: string; token: string; stop: () => Promise<void> };

/** Starts the stock app in a child process; resolves once it listens and has made its token. */
function startStockApp(server: ClientConfig): Promise<StockServer> {
  const secret = () => randomBytes(16).toString('base64');
  const child = spawn(process.execPath, ['serve.js'], {
    cwd: STOCK_APP_DIR,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      STRAPI_TELEMETRY_DISABLED: 'true',
      DATABASE_HOST: String(server.host ?? '127.0.0.1'),
      DATABASE_PORT: String(server.port ?? 5432),
      DATABASE_NAME: STOCK_DATABASE,
      DATABASE_USERNAME: String(server.user ?? 'postgres'),
      DATABASE_PASSWORD: typeof server.password === 'string' ? server.password : '',
      // a throwaway app: secrets made for this run (the token is made by this run too)
      APP_KEYS: `${secret()},${secret()}`,
      ADMIN_JWT_SECRET: secret(),
      API_TOKEN_SALT: secret(),
      TRANSFER_TOKEN_SALT: secret(),
      ENCRYPTION_KEY: secret(),
      JWT_SECRET: secret(),
    },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise<StockServer>((resolve, reject) => {
    let pending = '';
    let ready = false;
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`the stock app exited with ${code} before it was ready`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^READY (\d+) (\S+)$/.exec(line);
        if (!match) {
          console.log(`[stock] ${line}`);
          continue;
        }
        ready = true;
        resolve({
          baseUrl: `http://127.0.0.1:${match[1]}`,
          token: match[2] as string,
          stop: async () => {
            child.stdin.end();
            const stopped = await Promise.race([
              exited.then(() => true),
              new Promise<boolean>((done) => setTimeout(() => done(false), 30_000)),
            ]);
            if (!stopped) {
              child.kill();
              await exited;
            }
          },
        });
      }
    });
  });
}

/**
 * Loads the stock table with a million contacts in one statement, unless it holds them already.
 * A short table (an interrupted load) is emptied first, so the e-mails stay unique. VACUUM ANALYZE
 * then sets the planner's statistics and the visibility map, as autovacuum has long done on ours,
 * so that the first measured scans do not pay for it.
 */
async function loadStockRows(stock: Side) {
  const present = await countContacts(stock);
  if (present >= STOCK_ROWS) return present;
  const started = performance.now();
  await withDatabase(stock.database, async (client) => {
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${stock.table} RESTART IDENTITY`);
    await client.query(
      `INSERT INTO ${stock.table}
         (document_id, first_name, last_name, email, phone, postal_code, city, country,
          created_at, updated_at, published_at)
       SELECT left(md5('stock-contact-' || g), 24),
              ($1::text[])[1 + g % cardinality($1::text[])],
              ($2::text[])[1 + (g / cardinality($1::text[])) % cardinality($2::text[])],
              'contact.' || g || '@example.fr',
              '+33612' || lpad((g % 1000000)::text, 6, '0'),
              ($3::text[])[1 + g % cardinality($3::text[])],
              ($4::text[])[1 + g % cardinality($4::text[])],
              'FR', now(), now(), now()
       FROM generate_series(1, $5::int) AS g`,
      [
        FIRST_NAMES,
        LAST_NAMES,
        ['69003', '75011', '33000', '13001', '44000'],
        ['Lyon', 'Paris', 'Bordeaux', 'Marseille', 'Nantes'],
        STOCK_ROWS,
      ]
    );
    await client.query('COMMIT');
    await client.query(`VACUUM ANALYZE ${stock.table}`);
  });
  console.log(
    `loaded ${STOCK_ROWS} stock contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`
  );
  return countContacts(stock);
}

function renderTable(rows: RequestRow[]) {
  const failures = (figures: SideFigures) => figures.sequential.non2xx + figures.load.non2xx;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line([
      'request',
      'ours p50 / p95 ms (1 conn)',
      'stock p50 / p95 ms (1 conn)',
      `ours req/s (p95 ms) at ${CONNECTIONS} conn`,
      `stock req/s (p95 ms) at ${CONNECTIONS} conn`,
      'ours / stock req/s',
      'non-2xx ours / stock',
    ]),
    line(Array<string>(7).fill('---')),
    ...rows.map(({ label, ours, stock }) =>
      line([
        label,
        `${ms(ours.sequential.p50)} / ${ms(ours.sequential.p95)}`,
        `${ms(stock.sequential.p50)} / ${ms(stock.sequential.p95)}`,
        `${perSecond(ours.load.requestsPerSecond)} (${ms(ours.load.p95)})`,
        `${perSecond(stock.load.requestsPerSecond)} (${ms(stock.load.p95)})`,
        `${(ours.load.requestsPerSecond / stock.load.requestsPerSecond).toFixed(2)}×`,
        `${failures(ours)} / ${failures(stock)}`,
      ])
    ),
  ];
}

/** What the table cannot show: failed answers, lookups that found no one, requests left unanswered. */
function renderNotes(rows: RequestRow[]) {
  const notes: string[] = [];
  for (const { label, ...sides } of rows) {
    for (const [name, figures] of Object.entries(sides)) {
      const { sequential, load } = figures;
      if (sequential.firstFailure)
        notes.push(
          `${name}, ${label}: ${sequential.non2xx} of ${sequential.sent} sequential requests failed, first: ${sequential.firstFailure}`
        );
      if (load.non2xx > 0)
        notes.push(
          `${name}, ${label}: ${load.non2xx} of ${load.total} answers under load were not 2xx (${JSON.stringify(load.statusCodes)})`
        );
      if (load.errors > 0) notes.push(`${name}, ${label}: ${load.errors} requests under load got no answer`);
      if (sequential.rowsPerAnswer.some((rows) => rows !== 1))
        notes.push(`${name}, ${label}: rows per answer ${sequential.rowsPerAnswer.join(', ')} (expected 1)`);
    }
  }
  return notes;
}

export default async function benchWrites(strapi: Core.Strapi, argv: string[]) {
  const options = parseArgv(argv);
  const startedAt = performance.now();
  const loadAverage = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  if (strapi.db.dialect.client !== 'postgres')
    throw usageError(
      'bench:writes measures PostgreSQL: DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench npm run bench:writes'
    );
  // the stock database lives on the same server as ours, reached with the same credentials
  const ourDatabase = strapi.config.get('database.connection.connection') as ClientConfig;
  const server: ClientConfig = {
    host: ourDatabase.host,
    port: ourDatabase.port,
    user: ourDatabase.user,
    password: ourDatabase.password,
  };
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

  const httpServer = await listen(strapi);
  const token = (await strapi.service('admin::api-token').create({
    name: `bench-writes-${runId}`,
    type: 'full-access',
    lifespan: null,
  })) as { accessKey: string; id: number };
  const ours: Side = {
    name: 'ours',
    table: 'caladeo_contacts',
    database: { ...server, database: ourDatabase.database },
    http: { baseUrl: httpServer.baseUrl, token: token.accessKey, contactsPath: OUR_CONTACTS },
  };

  let stockServer: StockServer | undefined;
  let stock: Side | undefined;
  try {
    const leftOver = await removeBenchContacts(ours);
    if (leftOver > 0) console.log(`removed ${leftOver} contacts left by an interrupted run (ours)`);
    const ourCount = await countContacts(ours);
    if (ourCount < 1000)
      throw usageError(`only ${ourCount} contacts: seed first (npm run seed:bulk -- --contacts 1000000)`);

    await ensureStockDatabase(server);
    writeStockApp(path.resolve(__dirname, '..', '..'));
    // the first boot creates the stock tables, which the load below needs
    stockServer = await startStockApp(server);
    const stockSide: Side = {
      name: 'stock',
      table: 'contacts',
      database: { ...server, database: STOCK_DATABASE },
      http: { baseUrl: stockServer.baseUrl, token: stockServer.token, contactsPath: STOCK_CONTACTS },
    };
    stock = stockSide;
    const stockLeftOver = await removeBenchContacts(stockSide);
    if (stockLeftOver > 0)
      console.log(`removed ${stockLeftOver} contacts left by an interrupted run (stock)`);
    const stockCount = await loadStockRows(stockSide);

    const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const postgresVersion = await withDatabase(ours.database, async (client) => {
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      return rows[0]?.server_version ?? 'unknown';
    });
    console.log(
      `${machine}, load average at start ${loadAverage}; PostgreSQL ${postgresVersion}\n` +
        `ours: ${ourCount} contacts (${ourDatabase.database}), stock: ${stockCount} contacts (${STOCK_DATABASE}); ` +
        `${options.runs} sequential requests after ${WARM_UP_RUNS} warm-ups, then ${CONNECTIONS} connections for ${options.duration} s\n`
    );

    const sides = [ours, stockSide];
    /**
     * One request on both sides. Each step runs on one side then the other, so that both see the
     * same machine state (the other engineer's tests, autovacuum) as nearly as a run allows.
     */
    const measure = async (
      label: string,
      plans: (side: Side, phase: 'seq' | 'load') => WritePlan
    ): Promise<RequestRow> => {
      const tag = (side: Side) => `${side.name}: ${label}`.padEnd(58);
      const sequential = async (side: Side) => {
        const figures = await timeSequential(side.http, plans(side, 'seq'), options.runs);
        console.log(
          `${tag(side)} 1 conn:  p50 ${ms(figures.p50).padStart(6)} ms  p95 ${ms(figures.p95).padStart(6)} ms  non-2xx ${figures.non2xx}`
        );
        return figures;
      };
      const underLoad = async (side: Side) => {
        const figures = await timeUnderLoad(side.http, plans(side, 'load'), options.duration);
        console.log(
          `${tag(side)} ${CONNECTIONS} conn: ${perSecond(figures.requestsPerSecond).padStart(6)} req/s  p95 ${ms(figures.p95).padStart(6)} ms  non-2xx ${figures.non2xx}  no answer ${figures.errors}`
        );
        return figures;
      };
      const oursSequential = await sequential(ours);
      const stockSequential = await sequential(stockSide);
      const oursLoad = await underLoad(ours);
      const stockLoad = await underLoad(stockSide);
      return {
        label,
        ours: { sequential: oursSequential, load: oursLoad },
        stock: { sequential: stockSequential, load: stockLoad },
      };
    };

    const rows: RequestRow[] = [];
    rows.push(
      await measure('create (POST, new e-mail)', (side, phase) => ({
        kind: 'create',
        emailPrefix: `bench-${runId}-${side.name}-${phase}`,
      }))
    );
    // the contacts the creates just made, as many on each side
    const created = new Map<Side['name'], string[]>();
    for (const side of sides) created.set(side.name, await createdDocumentIds(side, UPDATE_TARGETS));
    const targetCount = Math.min(...[...created.values()].map((ids) => ids.length));
    if (targetCount === 0)
      throw new Error('a side created no contact: nothing to update (see the failures above)');
    rows.push(
      await measure('update (PUT, city)', (side) => ({
        kind: 'update',
        documentIds: (created.get(side.name) ?? []).slice(0, targetCount),
      }))
    );
    const lookupEmails = new Map<Side['name'], string[]>();
    for (const side of sides) lookupEmails.set(side.name, await sampleEmails(side));
    rows.push(
      await measure('look up by e-mail (`GET ?filters[email][$eq]=…`)', (side) => ({
        kind: 'lookup',
        emails: lookupEmails.get(side.name) ?? [],
      }))
    );

    const table = renderTable(rows);
    const notes = renderNotes(rows);
    const minutes = (performance.now() - startedAt) / 60_000;
    console.log(`\n${table.join('\n')}\n`);
    console.log(notes.length ? notes.map((note) => `- ${note}`).join('\n') : '- every answer was 2xx');

    if (options.write) {
      const command = `DATABASE_CLIENT=postgres DATABASE_NAME=${ourDatabase.database} npm run bench:writes${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
      const section = [
        SECTION_TITLE,
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\` (\`scripts/bench-writes.ts\`), ${Math.round(minutes)} min: ${machine}; PostgreSQL ${postgresVersion}; load average at the start ${loadAverage}.`,
        '',
        `- ours: \`${OUR_CONTACTS}\` on \`${ourDatabase.database}\` (${ourCount} contacts), the app's Strapi in the script's process;`,
        `- stock: a plain Strapi 5.54 app built by the script (\`api::contact.contact\`, e-mail \`unique\`, no draft & publish) on \`${STOCK_DATABASE}\` (${stockCount} contacts), \`${STOCK_CONTACTS}\`, in a child process.`,
        '',
        `Full-access API token on both sides. ${options.runs} sequential requests after ${WARM_UP_RUNS} warm-ups, then autocannon with ${CONNECTIONS} connections for ${options.duration} s from its own process; p95 under load from every response. Creates send a new e-mail each; updates change the city of ${targetCount} contacts the run created; lookups cycle through ${LOOKUP_EMAILS} existing e-mails. The run deletes what it created.`,
        '',
        ...table,
        '',
        ...(notes.length ? notes : ['every answer was 2xx']).map((note) => `- ${note}`),
        '',
      ].join('\n');
      const written = await writeBenchmarksSection(SECTION_TITLE, section);
      console.log(`\nwrote ${path.relative(process.cwd(), written)}`);
    }
  } finally {
    await stockServer?.stop();
    // the load generator's last requests may still be running on our side
    await waitForIdleDatabase(strapi);
    const removed = await removeBenchContacts(ours);
    const stockRemoved = stock ? await removeBenchContacts(stock) : 0;
    console.log(`\nclean-up: deleted ${removed} contacts (ours) and ${stockRemoved} (stock)`);
    await strapi.service('admin::api-token').revoke(token.id);
    await httpServer.close();
  }
}
