/**
 * `npm run bench -- [--runs N] [--write]`
 *
 * Measures the contact list at scale through the REST API, as a client would, on the database the
 * app is configured for (PostgreSQL with a million contacts: `npm run seed:bulk -- --contacts 1000000`).
 * In one run and on the same rows it compares our search (`q`, trigram index, keyset pagination,
 * capped total, and the rows without it and the count apart) with the same intent through stock Strapi (`filters[$or][…][$containsi]`, offset
 * pagination, full count), and times the Contacts tab's own list route with an admin session; then
 * prints p50/p95 per request and ratio lines. With `--write` the
 * table also replaces the "List and search at scale" section of docs/benchmarks.md.
 */
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { encodeCursor } from '../src/plugins/caladeo-contacts/server/src/modules/search/cursor';
import { normaliseSearchTerm } from '../src/plugins/caladeo-contacts/server/src/validation';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { adminSession } from './lib/admin-session';
import { listen } from './lib/listen';
import { percentile } from './lib/percentile';

type Options = { runs: number; write: boolean };
type Measure = { label: string; path: string; p50: number; p95: number; rows: number };

const CONTACTS = '/api/caladeo-contacts/contacts';
const ADMIN_CONTACTS = '/caladeo-contacts/contacts';
const WARM_UP_RUNS = 3;
const SECTION_TITLE = '## List and search at scale';

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { runs: 30, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--runs') {
      const runs = Number(argv[++index]);
      if (!Number.isInteger(runs) || runs < 5 || runs > 1000)
        throw new Error('--runs takes a whole number from 5 to 1000');
      options.runs = runs;
    } else throw new Error(`unknown option ${arg}; usage: npm run bench -- [--runs N] [--write]`);
  }
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

  const server = await listen(strapi);
  const { baseUrl } = server;
  const token = (await strapi.service('admin::api-token').create({
    name: `bench-${Date.now()}`,
    type: 'read-only',
    lifespan: null,
  })) as { accessKey: string; id: number };

  const admin = await adminSession(strapi, baseUrl);

  /** Sequential timings of one request; admin routes answer `results`, content-API ones `data`. */
  const measure = async (label: string, requestPath: string): Promise<Measure> => {
    const bearer = requestPath.startsWith(ADMIN_CONTACTS) ? admin.token : token.accessKey;
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
  const deepRow = (await strapi.db
    .connection('caladeo_contacts')
    .select('id', 'search_text')
    .orderByRaw(strapi.db.dialect.client === 'postgres' ? 'search_text COLLATE "C", id' : 'search_text, id')
    .offset(999 * 25 - 1)
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
    `${contactCount} contacts, ${strapi.db.dialect.client}, ${options.runs} sequential runs each\n`
  );
  const results = {
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
    oursPage1: await measure('ours: name order, page 1', `${CONTACTS}?order=name`),
    oursPage1000: await measure(
      'ours: name order, page 1000 (cursor)',
      `${CONTACTS}?order=name&cursor=${deepCursor}`
    ),
    stockPage1: await measure('stock: sort=lastName, page 1', `${CONTACTS}?sort=lastName&pagination[page]=1`),
    stockPage1000: await measure(
      'stock: sort=lastName, page 1000',
      `${CONTACTS}?sort=lastName&pagination[page]=1000`
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

  const ratio = (slow: Measure, fast: Measure) => (slow.p95 / fast.p95).toFixed(1);
  const ratios = [
    `stock / ours, p95, common term: ${ratio(results.stockCommon, results.oursCommon)}×`,
    `stock / ours, p95, rare term: ${ratio(results.stockRare, results.oursRare)}×`,
    `stock / ours, p95, no hit: ${ratio(results.stockNone, results.oursNone)}×`,
    `ours, page 1000 / page 1, p95: ${ratio(results.oursPage1000, results.oursPage1)}×`,
    `stock, page 1000 / page 1, p95: ${ratio(results.stockPage1000, results.stockPage1)}×`,
  ];
  console.log(`\n${ratios.join('\n')}`);

  await strapi.service('admin::api-token').revoke(token.id);
  await admin.remove();
  await server.close();

  if (options.write) {
    const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const table = Object.values(results)
      .map((r) => `| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rows} |`)
      .join('\n');
    const section = [
      SECTION_TITLE,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- --write\`: ${contactCount} contacts on ${strapi.db.dialect.client}, ${machine}.`,
      `${options.runs} sequential requests per line after ${WARM_UP_RUNS} warm-ups, one process; REST rows with a read-only API token, admin tab rows with an admin session.`,
      '',
      '| request | p50 ms | p95 ms | rows |',
      '|---|---|---|---|',
      table,
      '',
      ...ratios.map((line) => `- ${line}`),
      '',
    ].join('\n');
    const written = await writeBenchmarksSection(SECTION_TITLE, section);
    console.log(`\nwrote ${path.relative(process.cwd(), written)}`);
  }
}
