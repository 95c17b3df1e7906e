/**
 * `npm run bench:import -- [--rows N] [--heap-mb N] [--write]`
 *
 * A contact import end to end at scale, in one run, on the database the environment names
 * (PostgreSQL: `DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench_import`; SQLite by default):
 *
 * 1. writes a CSV as French Excel saves it (Windows-1252, `;`, CRLF, French headers) of N new
 *    people (default 1,000,000), with phones typed `06 12 34 56 78`, genders `M.`/`Mme`;
 * 2. on PostgreSQL, times `COPY` of the same people, already normalised, into a copy of the
 *    contacts table with all its indexes: the floor any import is compared with;
 * 3. times a dry run of the file, then the import itself (create mode: validation and
 *    de-duplication on), from the upload's reading of the file to the job's last chunk, sampling
 *    the node's resident memory every 100 ms and timing a contacts search (`q=martin`, over HTTP
 *    to this process) every 250 ms while the import runs;
 * 4. times the undo of the import, which leaves the database as it was.
 *
 * With `--write` the figures replace the "Contact import on …" section of docs/benchmarks.md.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import iconv from 'iconv-lite';
import type { Core } from '@strapi/strapi';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import {
  buildContactSearchText,
  normaliseContactPatch,
} from '../src/plugins/caladeo-contacts/server/src/validation';
import { readCells } from '../src/plugins/caladeo-contacts/server/src/modules/imports/values';
import { newDocumentId } from '../src/plugins/caladeo-contacts/server/src/utils/bulk-insert';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { listen } from './lib/listen';
import { percentile } from './lib/percentile';

type Options = { rows: number; write: boolean; heapMb: number | null };

/** The node's memory is measured: it must not hold the TypeScript compiler that built it. */
export const freshProcess = true;

/**
 * `--heap-mb N` caps the node's V8 heap as a container of fixed memory would have it run: without
 * a cap V8 lets garbage pile up while memory is plentiful, so the peak shows what V8 chose to keep,
 * not what the import needs.
 */
export const nodeFlags = (argv: readonly string[]) => {
  const { heapMb } = parseArgv(argv);
  return heapMb === null ? [] : [`--max-old-space-size=${heapMb}`];
};

const USAGE = 'usage: npm run bench:import -- [--rows N] [--heap-mb N] [--write]';
const EMAIL_DOMAIN = 'bench-import.invalid';

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { rows: 1_000_000, write: false, heapMb: null };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--rows') {
      const rows = Number(argv[(index += 1)]);
      if (!Number.isInteger(rows) || rows < 1 || rows > 1_000_000)
        throw usageError('--rows must be 1 to 1000000');
      options.rows = rows;
    } else if (arg === '--heap-mb') {
      const heapMb = Number(argv[(index += 1)]);
      if (!Number.isInteger(heapMb) || heapMb < 128) throw usageError('--heap-mb must be 128 or more');
      options.heapMb = heapMb;
    } else throw usageError(`unknown option ${arg}`);
  }
  return options;
}

const usageError = (message: string) =>
  Object.assign(new Error(`${message}\n${USAGE}`), { name: 'UsageError' });

/** A file of a million rows is larger than the default limit of an upload. */
export function prepareEnvironment() {
  process.env.IMPORT_MAX_FILE_BYTES = String(1024 * 1024 * 1024);
}

const FIRST_NAMES = [
  'Hélène',
  'Jean-Pierre',
  'Zoé',
  'François',
  'Chloé',
  'Loïc',
  'Maëlle',
  'Gaëtan',
  'Anaïs',
  'Noël',
];
const LAST_NAMES = [
  'Martin',
  'Lefèvre',
  'Dubœuf',
  'Garnier',
  'Rousseau',
  'Bénard',
  'Cœur',
  'Giraud',
  'Méndez',
  'Perrin',
];
const PLACES = [
  ['33000', 'Bordeaux'],
  ['75011', 'Paris'],
  ['69003', 'Lyon'],
  ['13001', 'Marseille'],
  ['01000', 'Bourg-en-Bresse'],
  ['31000', 'Toulouse'],
];
const HEADERS = ['Civilité', 'Prénom', 'Nom', 'Courriel', 'Téléphone', 'Adresse', 'Code postal', 'Ville'];

/** Row `index` of the file, as a spreadsheet user typed it. */
const rowOf = (index: number) => {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] as string;
  const [postalCode, city] = PLACES[index % PLACES.length] as [string, string];
  const digits = String(index).padStart(8, '0');
  return [
    index % 2 ? 'Mme' : 'M.',
    first,
    last,
    `contact.${index}@${EMAIL_DOMAIN}`,
    `06 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`,
    `${(index % 120) + 1} rue de l’Église`,
    postalCode,
    city,
  ];
};

const writeFile = (
  file: string,
  rows: number,
  line: (index: number) => string,
  encoding: string,
  first = ''
) => {
  const descriptor = fs.openSync(file, 'w');
  try {
    if (first) fs.writeSync(descriptor, iconv.encode(first, encoding));
    for (let start = 0; start < rows; start += 10_000) {
      const lines: string[] = [];
      for (let index = start; index < Math.min(rows, start + 10_000); index += 1) lines.push(line(index));
      fs.writeSync(descriptor, iconv.encode(lines.join(''), encoding));
    }
  } finally {
    fs.closeSync(descriptor);
  }
};

/** The same people as the contacts table stores them, for COPY. */
const COPY_COLUMNS = [
  'document_id',
  'gender',
  'first_name',
  'last_name',
  'email',
  'phone',
  'address_line_1',
  'postal_code',
  'city',
  'region',
  'country',
  'newsletter',
  'preferred_language',
  'search_text',
  'created_at',
  'updated_at',
  'published_at',
];
const copyLine = (index: number) => {
  const [gender, firstName, lastName, email, phone, addressLine1, postalCode, city] = rowOf(index);
  const { patch } = readCells(
    { gender, firstName, lastName, email, phone, addressLine1, postalCode, city },
    false
  );
  const normalised = normaliseContactPatch(patch, null);
  if (!normalised.ok) throw new Error(`row ${index} does not normalise`);
  const data = normalised.data as Record<string, unknown>;
  const now = new Date().toISOString();
  const values = [
    newDocumentId(),
    data.gender,
    data.firstName,
    data.lastName,
    data.email,
    data.phone,
    data.addressLine1,
    data.postalCode,
    data.city,
    data.region ?? '',
    data.country ?? '',
    data.newsletter ? 't' : 'f',
    data.preferredLanguage,
    buildContactSearchText(data, []),
    now,
    now,
    now,
  ];
  return `${values.map((value) => `"${String(value ?? '').replace(/"/g, '""')}"`).join(',')}\n`;
};

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US');

export default async function benchImport(strapi: Core.Strapi, argv: readonly string[]) {
  const options = parseArgv(argv);
  const knex = strapi.db.connection;
  const isPostgres = knex.client.dialect === 'postgresql';
  const imports = strapi.plugin('caladeo-contacts').service('imports');
  const jobs = strapi.plugin('caladeo-contacts').service('jobs');
  const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)}  ${message}`);

  const already = await strapi.db
    .query(UID.contact)
    .count({ where: { email: { $endsWith: `@${EMAIL_DOMAIN}` } } });
  if (already > 0)
    throw new Error(`${already} contacts of an earlier run are still there: undo its import first`);
  const baseline = await strapi.db.query(UID.contact).count();

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const file = path.join(folder, 'contacts.csv');
  writeFile(
    file,
    options.rows,
    (index) => `${rowOf(index).join(';')}\r\n`,
    'windows-1252',
    `${HEADERS.join(';')}\r\n`
  );
  log(`${options.rows} rows written to ${file} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);

  let copyMs: number | null = null;
  if (isPostgres) {
    const copyFile = path.join(folder, 'copy.csv');
    writeFile(copyFile, options.rows, copyLine, 'utf8');
    await knex.raw('DROP TABLE IF EXISTS bench_import_copy');
    await knex.raw('CREATE TABLE bench_import_copy (LIKE caladeo_contacts INCLUDING ALL)');
    const { host, port, user, database } = knex.client.config.connection as Record<string, string>;
    const started = performance.now();
    const copy = spawnSync(
      'psql',
      [
        '-h',
        host,
        '-p',
        String(port),
        '-U',
        user,
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy bench_import_copy (${COPY_COLUMNS.join(', ')}) FROM '${copyFile}' WITH (FORMAT csv)`,
      ],
      { encoding: 'utf8', env: { ...process.env, PGPASSWORD: process.env.DATABASE_PASSWORD ?? '' } }
    );
    copyMs = performance.now() - started;
    if (copy.status !== 0) throw new Error(`COPY failed: ${copy.stderr}`);
    await knex.raw('DROP TABLE bench_import_copy');
    log(`COPY: ${seconds(copyMs)} s`);
  }

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const importOnce = async (dryRun: boolean) => {
    const started = performance.now();
    const summary = await imports.create(
      { path: file, name: 'contacts.csv' },
      { mode: 'create', dryRun, clearEmpty: false, createClients: false },
      { name: 'bench', language: 'fr' }
    );
    const stagedMs = performance.now() - started;
    await jobs.drain();
    const totalMs = performance.now() - started;
    const ended = await imports.summary(summary.documentId);
    if (ended.status !== 'completed') throw new Error(`the import ended ${ended.status}: ${ended.error}`);
    return { documentId: summary.documentId as string, stagedMs, totalMs, counts: ended.counts };
  };

  const idleRss = process.memoryUsage().rss;
  peakRss = 0;
  const dry = await importOnce(true);
  const dryRss = peakRss;
  log(`dry run: ${seconds(dry.totalMs)} s, ${JSON.stringify(dry.counts)}`);

  // a contacts search every 250 ms over HTTP while the import runs
  const server = await listen(strapi);
  const token = (await strapi.service('admin::api-token').create({
    name: `bench-import-${Date.now()}`,
    type: 'read-only',
    lifespan: null,
  })) as { accessKey: string; id: number };
  const searchTimes: number[] = [];
  let searching = true;
  let refusedSearches = 0;
  const searchLoop = (async () => {
    while (searching) {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/api/caladeo-contacts/contacts?q=martin`, {
        headers: { Authorization: `Bearer ${token.accessKey}` },
      });
      await response.arrayBuffer();
      searchTimes.push(performance.now() - started);
      if (!response.ok) refusedSearches += 1;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  peakRss = 0;
  const real = await importOnce(false);
  loopDelay.disable();
  const importRss = peakRss;
  searching = false;
  await searchLoop;
  log(
    `import: ${seconds(real.totalMs)} s (file read in ${seconds(real.stagedMs)} s), ${JSON.stringify(real.counts)}`
  );

  const undoStarted = performance.now();
  await imports.undo(real.documentId);
  await jobs.drain();
  const undoMs = performance.now() - undoStarted;
  clearInterval(sampler);
  const after = await strapi.db.query(UID.contact).count();
  log(`undo: ${seconds(undoMs)} s; contacts ${after} (before: ${baseline})`);
  await strapi.service('admin::api-token').revoke(token.id);
  await server.close();
  fs.rmSync(folder, { recursive: true, force: true });

  const sorted = [...searchTimes].sort((a, b) => a - b);
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  const rows = [
    `| dry run | ${seconds(dry.totalMs)} s | ${perSecond(options.rows, dry.totalMs)} | ${mb(dryRss)} |`,
    `| import (create mode) | ${seconds(real.totalMs)} s (file read: ${seconds(real.stagedMs)} s) | ${perSecond(options.rows, real.totalMs)} | ${mb(importRss)} |`,
    `| undo of the import | ${seconds(undoMs)} s | ${perSecond(options.rows, undoMs)} | — |`,
    ...(copyMs === null
      ? []
      : [
          `| PostgreSQL \`COPY\` of the same rows, normalised | ${seconds(copyMs)} s | ${perSecond(options.rows, copyMs)} | — |`,
        ]),
  ];
  const title = `## Contact import on ${isPostgres ? 'PostgreSQL' : 'SQLite'}${options.heapMb === null ? '' : `, heap capped at ${options.heapMb} MB`}`;
  const section = [
    title,
    '',
    `\`npm run bench:import -- --rows ${options.rows}${options.heapMb === null ? '' : ` --heap-mb ${options.heapMb}`}\` on ${isPostgres ? 'PostgreSQL' : 'SQLite'}, ${new Date().toISOString().slice(0, 10)}, ` +
      `${os.cpus().length} cores: a French Excel CSV (Windows-1252, \`;\`) of ${options.rows.toLocaleString('en-US')} new people, ` +
      `into a database holding ${baseline.toLocaleString('en-US')} contacts.`,
    '',
    `The node's resident memory before the import: ${mb(idleRss)} (Strapi loaded; the app was compiled by a parent process, so the TypeScript compiler is not in this one).`,
    '',
    '| step | time | rows/s | peak RSS of the node |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    ...(copyMs === null
      ? []
      : [
          `The import writes at ${(copyMs / real.totalMs).toFixed(2)} × the rate of \`COPY\` (a tenth is 0.10), ` +
            `the dry run reads at ${(copyMs / dry.totalMs).toFixed(2)} ×.`,
          '',
        ]),
    `A contacts search (\`q=martin\`) every 250 ms during the import: p50 ${percentile(sorted, 0.5).toFixed(0)} ms, ` +
      `p95 ${percentile(sorted, 0.95).toFixed(0)} ms, slowest ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)} ms, over ${sorted.length} requests (${refusedSearches} not answered 200). ` +
      `The node's event loop meanwhile: delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, ` +
      `longest ${(loopDelay.max / 1e6).toFixed(0)} ms (a request waits at least that long).`,
  ].join('\n');
  console.log(`\n${section}\n`);
  if (options.write) await writeBenchmarksSection(title, section);
}
