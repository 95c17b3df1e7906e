/**
 * Measures the offer document routes for an offer with 50 travellers: sequential p50/p95 of
 * `GET /api/caladeo-contacts/documents/offers/:id` (the context) and of `…/quote.pdf`, over real
 * HTTP with a read-only API token, and the SQL queries one document costs.
 *
 *   npm run bench:documents                               # throwaway SQLite file under .tmp/
 *   DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench npm run bench:documents
 *
 * Options: --travellers N (default 50), --requests N per route (default 100).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import { UID, type LinkRole } from '../src/plugins/caladeo-contacts/shared/constants';
import { listen } from './lib/listen';

// compiled into dist/scripts
const APP_DIR = path.resolve(__dirname, '..', '..');

const option = (argv: string[], name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(argv[index + 1]);
};

/** Without a configured database, the benchmark boots on a throwaway SQLite file. */
export function prepareEnvironment() {
  if (process.env.DATABASE_CLIENT && process.env.DATABASE_CLIENT !== 'sqlite') return;
  const filename = path.join(APP_DIR, '.tmp', 'bench-documents.db');
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  fs.rmSync(filename, { force: true });
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename });
}

const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];

async function createOffer(strapi: Core.Strapi, travellers: number) {
  const stamp = Date.now().toString(36);
  const client = await strapi.documents(UID.client).create({
    data: {
      name: 'Association Les Amis du Patrimoine',
      type: 'association',
      addressLine1: '4 place de la Bourse',
      postalCode: '33000',
      city: 'Bordeaux',
      country: 'FR',
    },
  });
  const offer = await strapi.documents(UID.offer).create({
    data: {
      title: 'Séjour culturel à Lisbonne',
      reference: `BENCH-${stamp}`,
      destination: 'Lisbonne',
      startDate: '2027-05-12',
      endDate: '2027-05-19',
      offerStatus: 'sent',
      client: client.documentId,
    },
  });
  const link = async (index: number, role: LinkRole, isPrimary: boolean) => {
    const contact = await strapi.documents(UID.contact).create({
      data: {
        firstName: `Prénom${index}`,
        lastName: `Nom${index}`,
        gender: index % 2 === 0 ? 'female' : 'male',
        email: `bench-${stamp}-${index}@example.fr`,
        addressLine1: `${index + 1} rue Sainte-Catherine`,
        postalCode: '33000',
        city: 'Bordeaux',
        country: 'FR',
        newsletter: false,
        preferredLanguage: 'fr',
      },
    });
    await strapi.documents(UID.offerContact).create({
      data: { contact: contact.documentId, offer: offer.documentId, role, isPrimary },
    });
  };
  await link(0, 'responsable_voyage', true);
  await link(1, 'payeur', false);
  for (let index = 0; index < travellers; index += 1) await link(index + 2, 'voyageur', false);
  return offer.documentId;
}

async function timeRoute(url: string, token: string, requests: number) {
  const durations: number[] = [];
  let bytes = 0;
  for (let index = 0; index < requests + 5; index += 1) {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    const body = Buffer.from(await response.arrayBuffer());
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    // the first requests warm caches and the JIT; they are not counted
    if (index >= 5) durations.push(elapsed);
    bytes = body.length;
  }
  durations.sort((left, right) => left - right);
  return { p50: percentile(durations, 0.5), p95: percentile(durations, 0.95), bytes };
}

export default async function benchDocuments(strapi: Core.Strapi, argv: string[]) {
  const travellers = option(argv, 'travellers', 50);
  const requests = option(argv, 'requests', 100);
  const server = await listen(strapi);

  try {
    const offer = await createOffer(strapi, travellers);
    const token = (await strapi.service('admin::api-token').create({
      name: `bench-documents-${Date.now()}`,
      type: 'read-only',
      lifespan: null,
    })) as { accessKey: string };

    const queries: string[] = [];
    const record = (query: { sql: string }) => queries.push(query.sql);
    strapi.db.connection.on('query', record);
    await strapi.plugin('caladeo-contacts').service('offer-documents').offerContext(offer);
    queries.length = 0;
    await strapi.plugin('caladeo-contacts').service('offer-documents').offerContext(offer);
    strapi.db.connection.removeListener('query', record);

    const base = `${server.baseUrl}/api/caladeo-contacts/documents/offers/${offer}`;
    const context = await timeRoute(base, token.accessKey, requests);
    const pdf = await timeRoute(`${base}/quote.pdf`, token.accessKey, requests);

    const database = strapi.db.dialect.client;
    console.log(
      `offer with ${travellers} travellers, ${requests} sequential requests per route, ${database}`
    );
    console.log(
      `SQL statements per document context: ${queries.length} (${queries.filter((sql) => /^select/i.test(sql)).length} SELECT)`
    );
    console.log('| route | p50 ms | p95 ms | response |');
    console.log('|---|---|---|---|');
    console.log(
      `| context (JSON) | ${context.p50.toFixed(1)} | ${context.p95.toFixed(1)} | ${(context.bytes / 1024).toFixed(1)} KiB |`
    );
    console.log(
      `| quote.pdf | ${pdf.p50.toFixed(1)} | ${pdf.p95.toFixed(1)} | ${(pdf.bytes / 1024).toFixed(1)} KiB |`
    );
  } finally {
    await server.close();
  }
}
