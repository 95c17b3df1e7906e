/**
 * The query plans of the Contacts tab's hot paths on a seeded base: each scenario makes its real
 * HTTP requests as a super admin, every SQL statement they issue is recorded with its duration, then
 * explained (`EXPLAIN`, without executing it again). A statement whose plan reads a large table
 * (over 10,000 rows) sequentially is flagged: at a million contacts that is the one to index.
 *
 *   DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench npm run seed:bulk -- --contacts 1000000
 *   DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench npm run bench:plans [-- --verbose] [--only TEXT]
 *
 * `--verbose` prints each statement with its duration; `--only TEXT` reports only the scenarios
 * whose name holds TEXT (the others still run). PostgreSQL only. The writes (a role given, made primary and removed, twenty contacts created,
 * attached in bulk, then deleted in bulk) leave the base as it was.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { adminSession } from './lib/admin-session';
import { listen } from './lib/listen';

const LARGE_TABLE_ROWS = 10_000;
const EXPLAINABLE = /^\s*(select|with|insert|update|delete)\b/i;

type Statement = { sql: string; bindings: unknown[]; ms: number };
type Scenario = { name: string; run: () => Promise<void> };
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

/** Records every statement the connection runs, with its duration, while `body` runs. */
async function recorded(knex: Knex, body: () => Promise<void>) {
  const started = new Map<string, { sql: string; bindings: unknown[]; at: bigint }>();
  const statements: Statement[] = [];
  const onQuery = (query: { __knexQueryUid: string; sql: string; bindings?: unknown[] }) =>
    started.set(query.__knexQueryUid, {
      sql: query.sql,
      bindings: query.bindings ?? [],
      at: process.hrtime.bigint(),
    });
  const onResponse = (_response: unknown, query: { __knexQueryUid: string }) => {
    const start = started.get(query.__knexQueryUid);
    if (!start) return;
    statements.push({
      sql: start.sql,
      bindings: start.bindings,
      ms: Number(process.hrtime.bigint() - start.at) / 1e6,
    });
  };
  knex.on('query', onQuery).on('query-response', onResponse);
  try {
    await body();
  } finally {
    knex.removeListener('query', onQuery).removeListener('query-response', onResponse);
  }
  return statements;
}

const sequentialScans = (node: PlanNode, large: Set<string>): string[] => [
  ...(node['Node Type'] === 'Seq Scan' && node['Relation Name'] && large.has(node['Relation Name'])
    ? [node['Relation Name']]
    : []),
  ...(node.Plans ?? []).flatMap((child) => sequentialScans(child, large)),
];

type PgConnection = {
  query: (text: string, values: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;
};

/**
 * The large tables a statement's plan reads sequentially. The statement is explained as the
 * driver received it (`$1` placeholders and their values), on a connection of its own.
 */
async function explain(knex: Knex, statement: Statement, large: Set<string>) {
  if (!EXPLAINABLE.test(statement.sql)) return [];
  const connection = (await knex.client.acquireConnection()) as PgConnection;
  try {
    const result = await connection.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.bindings);
    const [plan] = (result.rows[0]?.['QUERY PLAN'] as Array<{ Plan: PlanNode }> | undefined) ?? [];
    return plan ? sequentialScans(plan.Plan, large) : [];
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

export default async function benchPlans(strapi: Core.Strapi, argv: string[]) {
  const knex = strapi.db.connection;
  if (knex.client.dialect !== 'postgresql') throw new Error('bench:plans runs on PostgreSQL only');
  const verbose = argv.includes('--verbose');
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const large = new Set(
    (
      (await knex.raw(
        `SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > ${LARGE_TABLE_ROWS}`
      )) as { rows: Array<{ relname: string }> }
    ).rows.map((row) => row.relname)
  );
  const server = await listen(strapi);
  const session = await adminSession(strapi, server.baseUrl);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.baseUrl}/caladeo-contacts${path}`, {
      method,
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as { data: Record<string, unknown> }) : { data: {} };
  };

  // the busiest offer of the base, one of its travellers, a client and a contact who is on none
  const offer = (await knex('caladeo_offer_contacts_offer_lnk as l')
    .join('offers as o', 'o.id', 'l.offer_id')
    .groupBy('o.id', 'o.document_id', 'o.title')
    .orderByRaw('count(*) DESC')
    .first('o.document_id', 'o.title')) as { document_id: string; title: string } | undefined;
  if (!offer) throw new Error('no offer with people: seed the base with npm run seed:bulk');
  const traveller = (await knex('caladeo_offer_contacts_offer_lnk as l')
    .join('offers as o', 'o.id', 'l.offer_id')
    .join('caladeo_offer_contacts_contact_lnk as c', 'c.offer_contact_id', 'l.offer_contact_id')
    .join('caladeo_contacts as p', 'p.id', 'c.contact_id')
    .where('o.document_id', offer.document_id)
    .first('p.document_id')) as { document_id: string };
  const loner = (await knex('caladeo_contacts as p')
    .whereNotExists(knex('caladeo_offer_contacts_contact_lnk as c').whereRaw('c.contact_id = p.id'))
    .orderBy('p.id', 'desc')
    .first('p.document_id')) as { document_id: string };
  const titleWord = (offer.title.split(' ').at(-1) ?? offer.title).toLowerCase();
  const stamp = Date.now().toString(36);
  let linkId = '';
  let created: string[] = [];

  const scenarios: Scenario[] = [
    { name: 'offers list, page 1', run: async () => void (await call('GET', '/offer-list')) },
    {
      name: `offers list, search "${titleWord}"`,
      run: async () => void (await call('GET', `/offer-list?q=${encodeURIComponent(titleWord)}`)),
    },
    {
      name: 'offers list, status "sent", soonest first',
      run: async () => void (await call('GET', '/offer-list?status=sent&order=startDateAsc')),
    },
    {
      name: 'offer page (busiest offer)',
      run: async () => void (await call('GET', `/offers/${offer.document_id}`)),
    },
    {
      name: "a traveller's page (links with their primary contact)",
      run: async () => void (await call('GET', `/contacts/${traveller.document_id}`)),
    },
    {
      name: 'give a contact a role on the offer',
      run: async () => {
        const { data } = await call('POST', `/offers/${offer.document_id}/contact-links`, {
          contact: loner.document_id,
          role: 'accompagnateur',
        });
        const links = (data.contactLinks ?? []) as Array<{
          documentId: string;
          role: string;
          contact: { documentId: string };
        }>;
        linkId =
          links.find(
            (link) => link.contact.documentId === loner.document_id && link.role === 'accompagnateur'
          )?.documentId ?? '';
      },
    },
    {
      name: 'make that role primary (locks the offer)',
      run: async () => void (await call('PUT', `/offer-links/${linkId}`, { isPrimary: true })),
    },
    { name: 'remove that role', run: async () => void (await call('DELETE', `/offer-links/${linkId}`)) },
    {
      name: 'create 20 contacts, one request each',
      run: async () => {
        created = [];
        for (let index = 0; index < 20; index += 1) {
          const { data } = await call('POST', '/contacts', {
            firstName: 'Plan',
            lastName: `Mesure${index}`,
            email: `plans-${stamp}-${index}@example.invalid`,
            postalCode: '33000',
            city: 'Bordeaux',
            country: 'FR',
          });
          created.push(data.documentId as string);
        }
      },
    },
    {
      name: 'attach the 20 to the offer in bulk',
      run: async () =>
        void (await call('POST', '/contacts/bulk/links', {
          contacts: created,
          target: 'offer',
          documentId: offer.document_id,
          role: 'voyageur',
        })),
    },
    {
      name: 'delete the 20 in bulk',
      run: async () =>
        void (await call('POST', '/contacts/bulk/delete', { contacts: created, confirm: created.length })),
    },
  ];

  const contacts = await strapi.db.query(UID.contact).count();
  console.log(`PostgreSQL, ${contacts} contacts; busiest offer ${offer.document_id} (${offer.title})`);
  console.log('| scenario | statements | SQL ms (sum) | slowest ms | sequential scans of large tables |');
  console.log('|---|---|---|---|---|');
  try {
    for (const scenario of scenarios) {
      // the scenarios before the chosen one still run: later ones use what they made
      if (only && !scenario.name.includes(only)) {
        await scenario.run();
        continue;
      }
      const statements = await recorded(knex, scenario.run);
      const scans: string[] = [];
      for (const statement of statements) {
        const tables = await explain(knex, statement, large);
        if (tables.length > 0) scans.push(`${tables.join(', ')}: ${statement.sql.slice(0, 160)}`);
        if (verbose) console.log(`  ${statement.ms.toFixed(1)} ms  ${statement.sql.slice(0, 200)}`);
      }
      const total = statements.reduce((sum, statement) => sum + statement.ms, 0);
      const slowest = Math.max(0, ...statements.map((statement) => statement.ms));
      console.log(
        `| ${scenario.name} | ${statements.length} | ${total.toFixed(1)} | ${slowest.toFixed(1)} | ${
          scans.length === 0 ? 'none' : scans.join('<br>')
        } |`
      );
    }
  } finally {
    await session.remove();
    await server.close();
  }
}
