/**
 * The bulk path of `npm run seed -- --bulk --contacts 1000000`: rows go straight to the database in
 * large batched INSERTs (PostgreSQL `unnest` arrays, SQLite multi-row inserts), not one document
 * call per row. The rows are those the validation would store (see seed-data/bulk-plan.ts). On
 * PostgreSQL the indexes and constraints that no statement of the load needs are set aside during
 * it and put back once at the end, all in one transaction (see `setAsideChecks`).
 *
 * Idempotent: contacts are keyed by their e-mail (`ON CONFLICT DO NOTHING` on the case-insensitive
 * unique index), clients by name, and links are made only for contacts this run inserted.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import {
  insertPlainRows,
  insertRows,
  newDocumentId as documentId,
  type InsertedRow,
} from '../src/plugins/caladeo-contacts/server/src/utils/bulk-insert';
import {
  linkKeyTableOf,
  linkPairKey,
  type LinkKeyTable,
} from '../src/plugins/caladeo-contacts/server/src/utils/link-keys';
import {
  cityKey,
  clientNameKey,
  contactNameKey,
  emailLocalPartKey,
} from '../src/plugins/caladeo-contacts/server/src/validation/match-keys';
import { copiedIndexes, planCopy } from './seed-data/bulk-duplicates';
import {
  CLIENTS_PER_CONTACT,
  OFFERS_PER_CONTACT,
  planBulkClients,
  planBulkContacts,
  planBulkOffer,
  type BulkClientRow,
  type BulkContactRow,
} from './seed-data/bulk-plan';

export type BulkOptions = {
  contacts: number;
  seed: number;
  quiet: boolean;
  /** Share of the planned contacts that get a known second copy (scripts/seed-data/bulk-duplicates.ts). */
  duplicates?: number;
};

const BATCH = 10_000;
const FILLED_TABLES = [
  'caladeo_contacts',
  'caladeo_clients',
  'caladeo_client_contacts',
  'caladeo_client_contacts_contact_lnk',
  'caladeo_client_contacts_client_lnk',
  'offers',
  'offers_client_lnk',
  'caladeo_offer_contacts',
  'caladeo_offer_contacts_contact_lnk',
  'caladeo_offer_contacts_offer_lnk',
];

/**
 * The whole load is one transaction: on PostgreSQL a seed stopped half-way leaves the database as it was, with
 * every index and constraint it set aside for the load.
 */
export async function seedBulk(strapi: Core.Strapi, options: BulkOptions) {
  const started = Date.now();
  const log = (message: string) =>
    options.quiet || console.log(`${((Date.now() - started) / 1000).toFixed(1)} s  ${message}`);
  const summary = await strapi.db.connection.transaction((trx) => load(trx, options, log));
  if (strapi.db.dialect.client === 'postgres') {
    // outside the transaction, which VACUUM cannot run in. The statistics: without them on the link
    // tables the planner picks a parallel scan for a one-contact link lookup. The visibility map:
    // until a table is vacuumed, an index-only scan still reads each row's page, and a server with
    // autovacuum off (or not yet come round) would serve every search that way
    await strapi.db.connection.raw(`VACUUM (ANALYZE) ${FILLED_TABLES.join(', ')}`);
    log('every filled table vacuumed and analysed');
  }
  return { ...summary, elapsedMs: Date.now() - started };
}

const load = async (knex: Knex.Transaction, options: BulkOptions, log: (message: string) => void) => {
  const isPostgres = knex.client.dialect === 'postgresql';

  // clients, keyed by name
  const clientRows = planBulkClients(
    Math.max(1, Math.round(options.contacts * CLIENTS_PER_CONTACT)),
    options.seed
  );
  const existingClients = new Map<string, number>();
  for (let start = 0; start < clientRows.length; start += BATCH) {
    const names = clientRows.slice(start, start + BATCH).map((client) => client.name);
    const rows = (await knex('caladeo_clients').select('id', 'name').whereIn('name', names)) as Array<{
      id: number;
      name: string;
    }>;
    for (const row of rows) existingClients.set(row.name as string, row.id);
  }
  const missingClients = clientRows.filter((client) => !existingClients.has(client.name));
  for (let start = 0; start < missingClients.length; start += BATCH) {
    const batch = missingClients.slice(start, start + BATCH);
    const inserted = await insertRows(
      knex,
      'caladeo_clients',
      {
        document_id: { type: 'text', values: batch.map(documentId) },
        name: { type: 'text', values: batch.map((client) => client.name) },
        type: { type: 'text', values: batch.map((client) => client.type) },
        city: { type: 'text', values: batch.map((client) => client.city) },
        country: { type: 'text', values: batch.map(() => 'FR') },
        search_text: { type: 'text', values: batch.map((client) => client.searchText) },
        name_key: { type: 'text', values: batch.map((client) => clientNameKey(client.name)) },
        city_key: { type: 'text', values: batch.map((client) => cityKey(client.city)) },
      },
      { returning: ['id', 'name'] }
    );
    for (const row of inserted) existingClients.set(row.name as string, row.id);
  }
  const clientIds = clientRows.map((client) => existingClients.get(client.name) as number);
  const clientDocumentIds = new Map<number, string>();
  log(`${clientRows.length} clients (${missingClients.length} new)`);

  const putBack = isPostgres ? await setAsideChecks(knex) : [];

  let insertedContacts = 0;
  let insertedLinks = 0;
  let insertedOffers = 0;
  let insertedOfferLinks = 0;
  const primaryTaken = new Set<number>(
    (
      (await knex('caladeo_client_contacts_client_lnk as l')
        .join('caladeo_client_contacts as c', 'c.id', 'l.client_contact_id')
        .where('c.is_primary', true)
        .select('l.client_id')) as Array<{ client_id: number }>
    ).map((row) => row.client_id)
  );
  for (let start = 0; start < options.contacts; start += BATCH) {
    const batch: BulkContactRow[] = [
      ...planBulkContacts(start, Math.min(BATCH, options.contacts - start), options.seed, clientRows),
    ];
    const inserted = await insertContacts(knex, batch);
    insertedContacts += inserted.length;

    // links for the contacts this run inserted; the first one of a client becomes its primary
    const insertedByEmail = new Map(inserted.map((row) => [row.email as string, row]));
    const clientLinks = batch.flatMap((row) => {
      const contact = insertedByEmail.get(row.email);
      if (!row.client || contact === undefined) return [];
      const clientId = clientIds[row.client.index] as number;
      const isPrimary = !primaryTaken.has(clientId);
      primaryTaken.add(clientId);
      return [{ contact, clientId, role: row.client.role, isPrimary }];
    });
    const clientDocs = await clientDocumentIdsOf(
      knex,
      clientLinks.map((link) => link.clientId),
      clientDocumentIds
    );
    insertedLinks += await insertLinks(
      knex,
      'client',
      clientLinks.map(({ contact, clientId, role, isPrimary }) => {
        const clientDocumentId = clientDocs.get(clientId) as string;
        return {
          contactId: contact.id,
          targetId: clientId,
          role,
          primaryOf: isPrimary ? clientDocumentId : null,
          pairKey: linkPairKey(contact.document_id as string, clientDocumentId, role),
        };
      })
    );

    // the batch's offers draw their people among the contacts this run inserted in it
    const offers = await insertOffers(knex, {
      from: Math.round(start * OFFERS_PER_CONTACT),
      to: Math.round((start + batch.length) * OFFERS_PER_CONTACT),
      seed: options.seed,
      clientIds,
      contacts: inserted,
    });
    insertedOffers += offers.offers;
    insertedOfferLinks += offers.links;
    if ((start / BATCH) % 10 === 9)
      log(`${start + batch.length} contacts planned, ${insertedContacts} inserted`);
  }
  log(`${insertedContacts} contacts and ${insertedLinks} client links inserted`);
  log(`${insertedOffers} offers and ${insertedOfferLinks} offer links inserted`);
  if (options.duplicates)
    log(`${await seedKnownDuplicates(knex, options, clientRows)} known duplicates inserted`);

  if (isPostgres) {
    await knex.raw("SET LOCAL maintenance_work_mem = '1GB'");
    for (const statement of putBack) await knex.raw(statement);
    log(`${putBack.length} indexes and constraints put back`);
  }
  return {
    clients: clientRows.length,
    newClients: missingClients.length,
    insertedContacts,
    insertedLinks,
    insertedOffers,
    insertedOfferLinks,
  };
};

/** The indexes the load's statements need: `ON CONFLICT` names them. */
const LOAD_INDEXES = ['caladeo_contacts_email_ci_unique', 'offers_reference_unique'];

/**
 * Sets aside, as PostgreSQL's advice on populating a database has it, what would be checked or
 * kept up to date row by row during the load: the filled tables' foreign keys, their unique
 * constraints and their indexes (a trigram GiST and GIN among them), except primary keys and the
 * indexes the load itself reads. Returns the statements that put each back, to run once the rows
 * are in: each index is then built in one pass and each constraint checked in one join, and a row
 * that breaks one fails the whole load.
 */
const setAsideChecks = async (knex: Knex.Transaction) => {
  const inSchema = `n.nspname = current_schema() AND t.relname = ANY(?)`;
  const { rows: constraints } = (await knex.raw(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(t.relname) AS "table",
            quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE ${inSchema} AND c.contype IN ('f', 'u')
        AND (c.contype = 'f' OR NOT EXISTS (
              SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.conindid = c.conindid))
      ORDER BY c.contype = 'f' DESC`,
    [FILLED_TABLES]
  )) as { rows: Array<{ table: string; name: string; definition: string }> };
  const { rows: indexes } = (await knex.raw(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(i.relname) AS name,
            pg_get_indexdef(i.oid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE ${inSchema} AND NOT x.indisprimary AND NOT i.relname = ANY(?)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
    [FILLED_TABLES, LOAD_INDEXES]
  )) as { rows: Array<{ name: string; definition: string }> };
  for (const { table, name } of constraints) await knex.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
  for (const { name } of indexes) await knex.raw(`DROP INDEX ${name}`);
  // indexes first, then unique constraints, then the foreign keys that may lean on them
  return [
    ...indexes.map((index) => index.definition),
    ...constraints
      .reverse()
      .map(({ table, name, definition }) => `ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition}`),
  ];
};

/** Contacts as the validation would store them, with their search text and duplicate keys. */
const insertContacts = (knex: Knex, batch: BulkContactRow[]) => {
  const isPostgres = knex.client.dialect === 'postgresql';
  const column = <K extends keyof BulkContactRow>(key: K) => batch.map((row) => row[key]);
  return insertRows(
    knex,
    'caladeo_contacts',
    {
      document_id: { type: 'text', values: batch.map(documentId) },
      first_name: { type: 'text', values: column('firstName') },
      last_name: { type: 'text', values: column('lastName') },
      gender: { type: 'text', values: column('gender') },
      email: { type: 'text', values: column('email') },
      phone: { type: 'text', values: column('phone') },
      address_line_1: { type: 'text', values: column('addressLine1') },
      postal_code: { type: 'text', values: column('postalCode') },
      city: { type: 'text', values: column('city') },
      region: { type: 'text', values: column('region') },
      country: { type: 'text', values: column('country') },
      newsletter: { type: 'boolean', values: column('newsletter') },
      preferred_language: { type: 'text', values: column('preferredLanguage') },
      search_text: { type: 'text', values: column('searchText') },
      name_key: {
        type: 'text',
        values: batch.map((row) => contactNameKey(row.firstName, row.lastName)),
      },
      email_local_part: { type: 'text', values: batch.map((row) => emailLocalPartKey(row.email)) },
    },
    {
      conflict: isPostgres ? 'ON CONFLICT (lower(email)) DO NOTHING' : 'ignore',
      returning: ['id', 'email', 'document_id'],
    }
  );
};

/** The table where the seed says which contact each known copy is of, for the benchmark. */
export const KNOWN_DUPLICATES_TABLE = 'caladeo_seed_duplicates';

/** Second copies of one planned contact in `1 / rate`, and which contact each is a copy of. */
const seedKnownDuplicates = async (knex: Knex, options: BulkOptions, clients: BulkClientRow[]) => {
  if (!(await knex.schema.hasTable(KNOWN_DUPLICATES_TABLE))) {
    await knex.schema.createTable(KNOWN_DUPLICATES_TABLE, (table) => {
      table.string('copy_email', 254).primary();
      table.string('original_email', 254).notNullable();
      table.string('variant', 40).notNullable();
    });
  }
  const indexes = copiedIndexes(options.contacts, options.duplicates ?? 0);
  let inserted = 0;
  for (let start = 0; start < indexes.length; start += BATCH) {
    const copies = indexes.slice(start, start + BATCH).map((index, offset) => {
      const [original] = [...planBulkContacts(index, 1, options.seed, clients)] as [BulkContactRow];
      return planCopy(original, index, start + offset);
    });
    inserted += (
      await insertContacts(
        knex,
        copies.map((copy) => copy.row)
      )
    ).length;
    await knex(KNOWN_DUPLICATES_TABLE)
      .insert(
        copies.map((copy) => ({
          copy_email: copy.row.email,
          original_email: copy.originalEmail,
          variant: copy.variant,
        }))
      )
      .onConflict('copy_email')
      .ignore();
  }
  return inserted;
};

const clientDocumentIdsOf = async (knex: Knex, ids: number[], cache: Map<number, string>) => {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  for (let start = 0; start < missing.length; start += BATCH) {
    const rows = (await knex('caladeo_clients')
      .select('id', 'document_id')
      .whereIn('id', missing.slice(start, start + BATCH))) as Array<{ id: number; document_id: string }>;
    for (const row of rows) cache.set(row.id, row.document_id);
  }
  return cache;
};

/**
 * Rows of a to-one relation's join table: record `linkIds[i]` points at `targetIds[i]`. Strapi
 * orders the records of one target by the `<record>_ord` column.
 */
const insertJoinRows = (
  knex: Knex,
  join: LinkKeyTable['contactJoin'],
  linkIds: number[],
  targetIds: number[]
) =>
  insertPlainRows(
    knex,
    join.table,
    linkIds.map((linkId, index) => ({
      [join.link]: linkId,
      [join.end]: targetIds[index],
      [join.link.replace(/_id$/, '_ord')]: 1,
    }))
  );

/** The link tables of a contact's roles on clients and on offers, by the kind of target. */
const LINK_TABLES = {
  client: linkKeyTableOf('caladeo_client_contacts'),
  offer: linkKeyTableOf('caladeo_offer_contacts'),
};

/**
 * A role of a contact on a client or an offer: `primaryOf` is the target's documentId on its
 * primary link, `pairKey` the key the link rules keep unique (contact, target, role).
 */
type PlannedLink = {
  contactId: number;
  targetId: number;
  role: string;
  primaryOf: string | null;
  pairKey: string;
};

/**
 * Links as the link rules would store them: the link rows with their pair keys, then their join
 * rows to the contact and to the target. Returns how many were inserted.
 */
const insertLinks = async (knex: Knex, kind: keyof typeof LINK_TABLES, links: PlannedLink[]) => {
  if (links.length === 0) return 0;
  const spec = LINK_TABLES[kind];
  const linkRows = await insertRows(
    knex,
    spec.table,
    {
      document_id: { type: 'text', values: links.map(documentId) },
      role: { type: 'text', values: links.map((link) => link.role) },
      is_primary: { type: 'boolean', values: links.map((link) => link.primaryOf !== null) },
      primary_of: { type: 'text', values: links.map((link) => link.primaryOf) },
      pair_key: { type: 'text', values: links.map((link) => link.pairKey) },
    },
    { returning: ['id'] }
  );
  const linkIds = linkRows.map((row) => row.id);
  await insertJoinRows(
    knex,
    spec.contactJoin,
    linkIds,
    links.map((link) => link.contactId)
  );
  await insertJoinRows(
    knex,
    spec.targetJoin,
    linkIds,
    links.map((link) => link.targetId)
  );
  return links.length;
};

/**
 * Offers `from` to `to` (exclusive) of the plan, keyed by reference, each with its client and its
 * people: the organiser is the offer's primary contact and also pays, the others travel. An offer
 * already there (a rerun) is left as it is, with its links.
 */
const insertOffers = async (
  knex: Knex,
  batch: { from: number; to: number; seed: number; clientIds: number[]; contacts: InsertedRow[] }
) => {
  if (batch.to <= batch.from || batch.contacts.length === 0) return { offers: 0, links: 0 };
  const planned = Array.from({ length: batch.to - batch.from }, (_, offset) =>
    planBulkOffer(batch.from + offset, batch.seed, batch.clientIds.length, batch.contacts.length)
  );
  const documentIds = planned.map(documentId);
  const column = <K extends keyof (typeof planned)[number]>(key: K) => planned.map((offer) => offer[key]);
  const isPostgres = knex.client.dialect === 'postgresql';
  const inserted = await insertRows(
    knex,
    'offers',
    {
      document_id: { type: 'text', values: documentIds },
      title: { type: 'text', values: column('title') },
      reference: { type: 'text', values: column('reference') },
      offer_status: { type: 'text', values: column('offerStatus') },
      destination: { type: 'text', values: column('destination') },
      start_date: { type: 'date', values: column('startDate') },
      end_date: { type: 'date', values: column('endDate') },
      price_per_person: { type: 'numeric', values: column('pricePerPerson') },
    },
    { conflict: isPostgres ? 'ON CONFLICT (reference) DO NOTHING' : 'ignore', returning: ['id', 'reference'] }
  );
  if (inserted.length === 0) return { offers: 0, links: 0 };
  const byReference = new Map(planned.map((offer, index) => [offer.reference, { offer, index }]));
  const offers = inserted.map((row) => {
    const { offer, index } = byReference.get(row.reference as string) as {
      offer: (typeof planned)[number];
      index: number;
    };
    return { id: row.id, documentId: documentIds[index] as string, offer };
  });
  await insertJoinRows(
    knex,
    { table: 'offers_client_lnk', link: 'offer_id', end: 'client_id' },
    offers.map((entry) => entry.id),
    offers.map((entry) => batch.clientIds[entry.offer.clientIndex] as number)
  );

  const links = offers.flatMap((entry) => {
    const [organiser, ...travellers] = entry.offer.people.map(
      (position) => batch.contacts[position] as InsertedRow
    );
    const link = (contact: InsertedRow, role: string, primaryOf: string | null = null): PlannedLink => ({
      contactId: contact.id,
      targetId: entry.id,
      role,
      primaryOf,
      pairKey: linkPairKey(contact.document_id as string, entry.documentId, role),
    });
    return [
      link(organiser as InsertedRow, 'responsable_voyage', entry.documentId),
      link(organiser as InsertedRow, 'payeur'),
      ...travellers.map((contact) => link(contact, 'voyageur')),
    ];
  });
  return { offers: offers.length, links: await insertLinks(knex, 'offer', links) };
};
const BULK_USAGE =
  'usage: npm run seed:bulk -- [--contacts N] [--seed N] [--duplicates RATE] [--quiet]\n' +
  '  --contacts    contacts to load (default 1000000), with one client per 20 contacts and one offer per 50\n' +
  '  --seed        generator seed: the same options always give the same rows (default 42)\n' +
  '  --duplicates  share of contacts (0 to 0.5, e.g. 0.02) that also get a known second copy';

export function parseArgv(argv: readonly string[]): BulkOptions {
  const options: BulkOptions = { contacts: 1_000_000, seed: 42, quiet: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--quiet') {
      options.quiet = true;
    } else if (arg === '--duplicates') {
      const rate = Number(argv[++index]);
      if (!Number.isFinite(rate) || rate <= 0 || rate > 0.5) {
        throw Object.assign(new Error(`--duplicates takes a share from 0 to 0.5\n${BULK_USAGE}`), {
          name: 'UsageError',
        });
      }
      options.duplicates = rate;
    } else if (arg === '--contacts' || arg === '--seed') {
      const value = Number(argv[++index]);
      const max = arg === '--contacts' ? 5_000_000 : 2 ** 31 - 1;
      if (!Number.isInteger(value) || value < (arg === '--contacts' ? 1 : 0) || value > max) {
        throw Object.assign(new Error(`${arg} takes a whole number up to ${max}\n${BULK_USAGE}`), {
          name: 'UsageError',
        });
      }
      options[arg === '--contacts' ? 'contacts' : 'seed'] = value;
    } else {
      throw Object.assign(new Error(`unknown option ${arg}\n${BULK_USAGE}`), { name: 'UsageError' });
    }
  }
  return options;
}

export default async function run(strapi: Core.Strapi, argv: string[]) {
  const options = parseArgv(argv);
  const summary = await seedBulk(strapi, options);
  if (!options.quiet) {
    console.log(
      `bulk seed: ${summary.insertedContacts} contacts, ${summary.newClients} clients, ` +
        `${summary.insertedLinks} client links, ${summary.insertedOffers} offers and ` +
        `${summary.insertedOfferLinks} offer links inserted in ${(summary.elapsedMs / 1000).toFixed(1)} s`
    );
  }
}
