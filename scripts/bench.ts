/**
 * `npm run bench -- [--runs N] [--duration S] [--connections N] [--tokens N] [--write]`
 *
 * Measures the contact list at scale through the REST API, as a client would, on the database the
 * app is configured for (PostgreSQL with a million contacts: `npm run seed:bulk -- --contacts 1000000`).
 * In one run and on the same rows it compares our search (`q`, trigram index, keyset pagination,
 * capped total, and the rows without it and the count apart) with the same intent through stock Strapi (`filters[$or][…][$containsi]`, offset
 * pagination, full count), and times the Contacts tab's own list route with an admin session; then
 * prints p50/p95 per request and ratio lines. Then a concurrency phase: each request again, with autocannon at
 * `--connections` (10) for `--duration` (10) seconds from a process of its own (scripts/lib/load.ts),
 * for req/s and p95 under load, non-2xx answers and the 429 `query.busy` refusals of the read
 * slots counted apart. The REST requests share out the connections among `--tokens` (1) read-only
 * API tokens: one token is one external app, whose reads past `API_READS_PER_CALLER` wait their
 * turn. With `--write` the table also replaces the "List and search at scale" section of
 * docs/benchmarks.md.
 */
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { encodeCursor } from '../src/plugins/caladeo-contacts/server/src/modules/search/cursor';
import { normaliseSearchTerm } from '../src/plugins/caladeo-contacts/server/src/validation';
import { apiSettings } from '../src/plugins/caladeo-contacts/server/src/modules/records/settings';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { adminSession } from './lib/admin-session';
import { waitForIdleDatabase } from './lib/idle-database';
import { listen } from './lib/listen';
import { measureUnderLoad, ms, perSecond, type LoadFigures } from './lib/load';
import { usageError, wholeNumberOption } from './lib/options';
import { percentile } from './lib/percentile';

type Options = { runs: number; duration: number; connections: number; tokens: number; write: boolean };
type Measure = { label: string; path: string; p50: number; p95: number; rows: number };
type Measured = Measure & { load: LoadFigures };

const CONTACTS = '/api/caladeo-contacts/contacts';
const ADMIN_CONTACTS = '/caladeo-contacts/contacts';
const WARM_UP_RUNS = 3;
const SECTION_TITLE = '## List and search at scale';

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { runs: 30, duration: 10, connections: 10, tokens: 1, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--runs') options.runs = wholeNumberOption('runs', argv[++index], 5, 1000);
    else if (arg === '--duration') options.duration = wholeNumberOption('duration', argv[++index], 1, 600);
    else if (arg === '--connections')
      options.connections = wholeNumberOption('connections', argv[++index], 1, 200);
    else if (arg === '--tokens') options.tokens = wholeNumberOption('tokens', argv[++index], 1, 200);
    else
      throw usageError(
        `unknown option ${arg}; usage: npm run bench -- [--runs N] [--duration S] [--connections N] [--tokens N] [--write]`
      );
  }
  if (options.tokens > options.connections)
    throw usageError(`--tokens ${options.tokens} is more than the ${options.connections} connections`);
  return options;
}

const containsi = (term: string) =>
  ['lastName', 'firstName', 'email']
    .map((field, index) => `filters[$or][${index}][${field}][$containsi]=${encodeURIComponent(term)}`)
    .join('&');

export default async function bench(strapi: Core.Strapi, argv: string[]) {
  const options = parseArgv(argv);
  const contactCount = await strapi.db.query(UID.contact).count();
  if (contactCount < 1000)
    throw new Error(`only ${contactCount} contacts: seed first (npm run seed:bulk -- --contacts 1000000)`);
  const loadAverage = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

  const server = await listen(strapi);
  const { baseUrl } = server;
  const runId = Date.now();
  // one token per caller of the concurrency phase; the sequential phase uses the first
  const tokens = [] as { accessKey: string; id: number }[];
  for (let index = 0; index < options.tokens; index += 1)
    tokens.push(
      (await strapi.service('admin::api-token').create({
        name: `bench-${runId}-${index + 1}`,
        type: 'read-only',
        lifespan: null,
      })) as { accessKey: string; id: number }
    );
  const [token] = tokens as [{ accessKey: string; id: number }];

  const admin = await adminSession(strapi, baseUrl);
  const isAdmin = (requestPath: string) => requestPath.startsWith(ADMIN_CONTACTS);

  /** Sequential timings of one request; admin routes answer `results`, content-API ones `data`. */
  const measure = async (label: string, requestPath: string): Promise<Measure> => {
    const bearer = isAdmin(requestPath) ? admin.token : token.accessKey;
    const timings: number[] = [];
    let rows = 0;
    for (let run = 0; run < WARM_UP_RUNS + options.runs; run += 1) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${baseUrl}${requestPath}`, {
        headers: { Authorization: `Bearer ${bearer}` },
      });
      const body = (await response.json()) as {
        data?: unknown[];
        results?: unknown[];
        error?: { message: string };
      };
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (!response.ok) throw new Error(`${label}: HTTP ${response.status} ${body.error?.message ?? ''}`);
      if (run >= WARM_UP_RUNS) timings.push(elapsed);
      rows = (body.data ?? body.results)?.length ?? 0;
    }
    timings.sort((a, b) => a - b);
    const result = {
      label,
      path: requestPath,
      p50: percentile(timings, 0.5),
      p95: percentile(timings, 0.95),
      rows,
    };
    console.log(
      `${label.padEnd(58)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95.toFixed(1).padStart(7)} ms   ${rows} rows`
    );
    return result;
  };

  // the cursor a client holds after 999 pages of 25, read straight from the sort key of row 24,975
  // (on a base too small for page 1000, its last full page)
  const deepPage = Math.min(1000, Math.floor(contactCount / 25));
  const deepRow = (await strapi.db
    .connection('caladeo_contacts')
    .select('id', 'search_text')
    .orderByRaw(strapi.db.dialect.client === 'postgres' ? 'search_text COLLATE "C", id' : 'search_text, id')
    .offset((deepPage - 1) * 25 - 1)
    .first()) as { id: number; search_text: string };
  const deepCursor = encodeCursor({ order: 'name', sortKey: deepRow.search_text, id: deepRow.id });

  // a term that finds one person among a million: the local part of a contact's e-mail
  const middle = (await strapi.db
    .connection('caladeo_contacts')
    .select('email')
    .whereNotNull('email')
    .orderBy('id')
    .offset(Math.floor(contactCount / 2))
    .first()) as { email: string };
  const rare = normaliseSearchTerm(middle.email.split('@')[0] ?? middle.email);

  console.log(
    `${contactCount} contacts, ${strapi.db.dialect.client}, load average at start ${loadAverage}; ${options.runs} sequential runs each\n`
  );
  const sequential = {
    oursCommon: await measure('ours: q=lefevre (common name)', `${CONTACTS}?q=lefevre`),
    oursCommonRows: await measure(
      'ours: q=lefevre, pagination[withCount]=false',
      `${CONTACTS}?q=lefevre&pagination[withCount]=false`
    ),
    oursCommonCount: await measure('ours: GET /contacts/count?q=lefevre', `${CONTACTS}/count?q=lefevre`),
    stockCommon: await measure(
      'stock: $containsi lefevre on 3 fields',
      `${CONTACTS}?${containsi('lefevre')}`
    ),
    oursRare: await measure(`ours: q=${rare} (one person)`, `${CONTACTS}?q=${encodeURIComponent(rare)}`),
    stockRare: await measure(`stock: $containsi ${rare}`, `${CONTACTS}?${containsi(rare)}`),
    oursNone: await measure('ours: q=zzyzx (no hit)', `${CONTACTS}?q=zzyzx`),
    stockNone: await measure('stock: $containsi zzyzx', `${CONTACTS}?${containsi('zzyzx')}`),
    oursPhone: await measure(
      'ours: q=06 12 34 (phone digits)',
      `${CONTACTS}?q=${encodeURIComponent('06 12 34')}`
    ),
    stockPhone: await measure(
      'stock: phone $containsi 61234 (same digits)',
      `${CONTACTS}?filters[phone][$containsi]=61234`
    ),
    oursPage1: await measure('ours: name order, page 1', `${CONTACTS}?order=name`),
    oursPage1000: await measure(
      `ours: name order, page ${deepPage} (cursor)`,
      `${CONTACTS}?order=name&cursor=${deepCursor}`
    ),
    stockPage1: await measure('stock: sort=lastName, page 1', `${CONTACTS}?sort=lastName&pagination[page]=1`),
    stockPage1000: await measure(
      `stock: sort=lastName, page ${deepPage}`,
      `${CONTACTS}?sort=lastName&pagination[page]=${deepPage}`
    ),
    adminPage1: await measure('admin tab: list, name order, page 1', `${ADMIN_CONTACTS}?order=name`),
    adminCommon: await measure('admin tab: q=lefevre', `${ADMIN_CONTACTS}?q=lefevre`),
    adminCommonRows: await measure(
      'admin tab: q=lefevre, withCount=false (rows first)',
      `${ADMIN_CONTACTS}?q=lefevre&withCount=false`
    ),
    adminCommonCount: await measure(
      'admin tab: count q=lefevre (after)',
      `${ADMIN_CONTACTS}/count?q=lefevre`
    ),
    adminFiltered: await measure(
      'admin tab: q=lefevre, country FR, newsletter yes',
      `${ADMIN_CONTACTS}?q=lefevre&country=FR&newsletter=true`
    ),
  };

  /**
   * Each request again, under load from a process of its own. REST requests share the connections
   * among the API tokens; the admin tab's, which the read slots do not count, use the admin session.
   */
  console.log(
    `\n${options.connections} connections for ${options.duration} s each, ${options.tokens} API token${options.tokens === 1 ? '' : 's'}\n`
  );
  const underLoad = async ({ label, path: requestPath }: Measure) => {
    const load = await measureUnderLoad({
      baseUrl,
      tokens: isAdmin(requestPath) ? [admin.token] : tokens.map((t) => t.accessKey),
      connections: options.connections,
      duration: options.duration,
      source: { calls: [{ method: 'GET', path: requestPath }] },
    });
    console.log(
      `${label.padEnd(58)} ${perSecond(load.servedPerSecond).padStart(7)} req/s   p95 ${ms(load.servedP95).padStart(7)} ms   non-2xx ${load.non2xx} (query.busy ${load.busy})   no answer ${load.errors}`
    );
    // requests autocannon cut off at the end may still be running: the next line starts on an idle pool
    await waitForIdleDatabase(strapi);
    return load;
  };
  const results = {} as Record<keyof typeof sequential, Measured>;
  for (const [key, measured] of Object.entries(sequential) as [keyof typeof sequential, Measure][])
    results[key] = { ...measured, load: await underLoad(measured) };

  const ratio = (slow: Measure, fast: Measure) => (slow.p95 / fast.p95).toFixed(1);
  // refused requests are answered fast and crowd out the served ones: a ratio with them is flagged
  const rateRatio = (ours: Measured, stock: Measured) =>
    `${(ours.load.servedPerSecond / stock.load.servedPerSecond).toFixed(1)}${ours.load.non2xx + stock.load.non2xx > 0 ? ' (with refused answers: see below)' : ''}`;
  const at = `at ${options.connections} conn`;
  const ratios = [
    `stock / ours, p95, common term: ${ratio(results.stockCommon, results.oursCommon)}×`,
    `stock / ours, p95, rare term: ${ratio(results.stockRare, results.oursRare)}×`,
    `stock / ours, p95, no hit: ${ratio(results.stockNone, results.oursNone)}×`,
    `stock / ours, p95, phone digits: ${ratio(results.stockPhone, results.oursPhone)}×`,
    `ours, page ${deepPage} / page 1, p95: ${ratio(results.oursPage1000, results.oursPage1)}×`,
    `stock, page ${deepPage} / page 1, p95: ${ratio(results.stockPage1000, results.stockPage1)}×`,
    `ours / stock, req/s ${at}, common term: ${rateRatio(results.oursCommon, results.stockCommon)}×`,
    `ours / stock, req/s ${at}, rare term: ${rateRatio(results.oursRare, results.stockRare)}×`,
    `ours / stock, req/s ${at}, no hit: ${rateRatio(results.oursNone, results.stockNone)}×`,
    `ours / stock, req/s ${at}, phone digits: ${rateRatio(results.oursPhone, results.stockPhone)}×`,
    `ours / stock, req/s ${at}, name order page 1: ${rateRatio(results.oursPage1, results.stockPage1)}×`,
    `ours / stock, req/s ${at}, page ${deepPage}: ${rateRatio(results.oursPage1000, results.stockPage1000)}×`,
  ];
  const notes = Object.values(results).flatMap(({ label, load }) => [
    ...(load.non2xx > 0
      ? [
          `${label}: ${load.non2xx} of ${load.total} answers under load were not 2xx (${JSON.stringify(load.statusCodes)}), ${load.busy} of them 429 \`query.busy\``,
        ]
      : []),
    ...(load.errors > 0 ? [`${label}: ${load.errors} requests under load got no answer`] : []),
  ]);
  console.log(`\n${ratios.join('\n')}`);
  console.log(
    notes.length ? notes.map((note) => `- ${note}`).join('\n') : '- every answer under load was 2xx'
  );

  for (const { id } of tokens) await strapi.service('admin::api-token').revoke(id);
  await admin.remove();
  await server.close();

  if (options.write) {
    const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
    const { readsPerCaller, queuedReadsPerCaller } = apiSettings(strapi);
    const table = Object.values(results)
      .map(
        (r) =>
          `| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rows} | ${perSecond(r.load.servedPerSecond)} | ${ms(r.load.servedP95)} | ${r.load.non2xx} (${r.load.busy}) |`
      )
      .join('\n');
    const slots =
      readsPerCaller > 0
        ? `at most ${readsPerCaller} reads of one token run at once (\`API_READS_PER_CALLER\`), the next ${queuedReadsPerCaller} wait their turn (\`API_QUEUED_READS_PER_CALLER\`), the others get a 429 \`query.busy\``
        : 'no read slots (`API_READS_PER_CALLER=0`)';
    const callers =
      options.tokens === 1
        ? `one read-only API token for all ${options.connections} connections, as one external app would send them; ${slots}`
        : `${options.tokens} read-only API tokens sharing the ${options.connections} connections, as ${options.tokens} external apps would; ${slots}`;
    const section = [
      SECTION_TITLE,
      '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\`: ${contactCount} contacts on ${strapi.db.dialect.client}, ${machine}; load average at the start ${loadAverage}.`,
      `${options.runs} sequential requests per line after ${WARM_UP_RUNS} warm-ups, one process; REST rows with a read-only API token, admin tab rows with an admin session.`,
      `Then each line under load: autocannon with ${options.connections} connections for ${options.duration} s from a process of its own; req/s counts the 2xx answers, p95 is over them, and the last column counts the other answers (of which 429 \`query.busy\`). REST rows: ${callers}. The "stock" rows go through the same server and its read slots; the admin tab's routes are not counted by them.`,
      '',
      `| request | p50 ms | p95 ms | rows | req/s ${at} | p95 ms ${at} | non-2xx (query.busy) ${at} |`,
      '|---|---|---|---|---|---|---|',
      table,
      '',
      ...ratios.map((line) => `- ${line}`),
      ...(notes.length ? notes : ['every answer under load was 2xx']).map((note) => `- ${note}`),
      '',
    ].join('\n');
    const written = await writeBenchmarksSection(SECTION_TITLE, section);
    console.log(`\nwrote ${path.relative(process.cwd(), written)}`);
  }
}
