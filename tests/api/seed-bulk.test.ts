import { beforeAll, describe, expect, it } from '@jest/globals';

import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { seedBulk } from '../../scripts/seed-bulk';
import { usesPostgres } from '../helpers/database';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
const OPTIONS = { contacts: 3000, seed: 42, quiet: true };

type OfferLink = { role: string; isPrimary: boolean; contact: { documentId: string } | null };
type Offer = {
  documentId: string;
  reference: string;
  title: string;
  startDate: string;
  endDate: string;
  client: { documentId: string } | null;
  contactLinks: OfferLink[];
};

/** Every index and constraint of the test's tables, as the database would create them again. */
const schemaChecks = async () => {
  const knex = app.strapi.db.connection;
  const definitions = usesPostgres()
    ? (
        (await knex.raw(
          `SELECT indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema()
         UNION ALL
         SELECT c.conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c
           JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema()`
        )) as { rows: Array<{ sql: string }> }
      ).rows
    : ((await knex.raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")) as Array<{
        sql: string;
      }>);
  return definitions.map((row) => row.sql).sort();
};

let checksBefore: string[];
let first: Awaited<ReturnType<typeof seedBulk>>;
let second: Awaited<ReturnType<typeof seedBulk>>;
let offers: Offer[];

beforeAll(async () => {
  checksBefore = await schemaChecks();
  first = await seedBulk(app.strapi, OPTIONS);
  second = await seedBulk(app.strapi, OPTIONS);
  offers = (await app.strapi.documents(UID.offer).findMany({
    populate: { client: true, contactLinks: { populate: ['contact'] } },
    limit: 1000,
  })) as unknown as Offer[];
}, 120_000);

describe('npm run seed:bulk', () => {
  it('loads contacts, clients and offers in batches larger than one statement takes', async () => {
    expect(first.insertedContacts).toBe(3000);
    expect(await app.strapi.db.query(UID.contact).count()).toBe(3000);
    expect(first.insertedOffers).toBe(60);
    expect(offers).toHaveLength(60);
    expect(first.insertedOfferLinks).toBe(offers.reduce((sum, offer) => sum + offer.contactLinks.length, 0));
  });

  it('adds nothing on a second run', () => {
    expect(second).toMatchObject({ insertedContacts: 0, insertedLinks: 0, insertedOffers: 0 });
  });

  it('gives every offer a client, dates in order and one primary organiser who also pays', () => {
    for (const offer of offers) {
      expect(offer.client?.documentId).toEqual(expect.any(String));
      expect(offer.startDate <= offer.endDate).toBe(true);
      const primaries = offer.contactLinks.filter((link) => link.isPrimary);
      expect(primaries.map((link) => link.role)).toEqual(['responsable_voyage']);
      const organiser = primaries[0]?.contact?.documentId;
      const roles = offer.contactLinks
        .filter((link) => link.contact?.documentId === organiser)
        .map((link) => link.role)
        .sort();
      expect(roles).toEqual(['payeur', 'responsable_voyage']);
      const travellers = offer.contactLinks.filter((link) => link.role === 'voyageur');
      expect(offer.contactLinks.every((link) => link.contact)).toBe(true);
      expect(new Set(travellers.map((link) => link.contact?.documentId)).size).toBe(travellers.length);
    }
  });

  it('links contacts to clients with their role, one primary contact per client and the pair key of each link', async () => {
    const links = (await app.strapi.db.query(UID.clientContact).findMany({
      populate: { client: { select: ['documentId'] }, contact: { select: ['documentId'] } },
      limit: 10_000,
    })) as unknown as Array<{
      role: string;
      isPrimary: boolean;
      primaryOf: string | null;
      client: { documentId: string } | null;
      contact: { documentId: string } | null;
    }>;
    expect(links.length).toBe(first.insertedLinks);
    expect(links.length).toBeGreaterThan(0);
    const primaries = links.filter((link) => link.isPrimary);
    expect(primaries.every((link) => link.primaryOf === link.client?.documentId)).toBe(true);
    expect(new Set(primaries.map((link) => link.client?.documentId)).size).toBe(primaries.length);
    const keys = (await app.strapi.db.connection('caladeo_client_contacts').pluck('pair_key')) as string[];
    expect(keys.sort()).toEqual(
      links.map((link) => `${link.contact?.documentId}:${link.client?.documentId}:${link.role}`).sort()
    );
  });

  it('gives every offer link the pair key of its contact, offer and role', async () => {
    const keys = (await app.strapi.db.connection('caladeo_offer_contacts').pluck('pair_key')) as string[];
    expect(keys.sort()).toEqual(
      offers
        .flatMap((offer) => {
          const offerDocumentId = (offer as unknown as { documentId: string }).documentId;
          return offer.contactLinks.map(
            (link) => `${link.contact?.documentId}:${offerDocumentId}:${link.role}`
          );
        })
        .sort()
    );
  });

  it('leaves every index and constraint as it was', async () => {
    const after = await schemaChecks();
    expect(after.length).toBeGreaterThan(20);
    expect(after).toEqual(checksBefore);
  });

  // An index-only scan (the name order, the first rank of a search) reads a row's page only when
  // the visibility map does not say the page is visible to all: after a load that was never
  // vacuumed it says so of none, and with autovacuum off it never would.
  it('on PostgreSQL leaves every page of the contacts and their links marked visible to all', async () => {
    if (!usesPostgres()) return;
    const { rows } = (await app.strapi.db.connection.raw(
      `SELECT relname, relpages, relallvisible FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace
          AND relname IN ('caladeo_contacts', 'caladeo_offer_contacts', 'caladeo_client_contacts')
        ORDER BY relname`
    )) as { rows: Array<{ relname: string; relpages: number; relallvisible: number }> };
    expect(rows).toHaveLength(3);
    for (const table of rows) {
      expect(table.relpages).toBeGreaterThan(0);
      expect([table.relname, table.relallvisible]).toEqual([table.relname, table.relpages]);
    }
  });

  // On PostgreSQL, where the load sets indexes and constraints aside. (On SQLite, run after
  // another API test file in the same process, the rolled-back load was found committed: to be
  // looked into on its own.)
  it('on PostgreSQL leaves the database as it was when stopped half-way', async () => {
    if (!usesPostgres()) return;
    const knex = app.strapi.db.connection;
    // the first batch's offers are refused, after its contacts and client links were written
    await knex.raw(
      "CREATE FUNCTION refuse_offers() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'offers refused'; END $$ LANGUAGE plpgsql"
    );
    await knex.raw(
      'CREATE TRIGGER refuse_offers BEFORE INSERT ON offers FOR EACH STATEMENT EXECUTE FUNCTION refuse_offers()'
    );
    const counts = async () => ({
      contacts: await app.strapi.db.query(UID.contact).count(),
      clientLinks: await app.strapi.db.query(UID.clientContact).count(),
      offers: await app.strapi.db.query(UID.offer).count(),
    });
    const before = await counts();
    try {
      await expect(seedBulk(app.strapi, { ...OPTIONS, contacts: 5000 })).rejects.toThrow(/offers refused/);
      expect(await counts()).toEqual(before);
      expect(await schemaChecks()).toEqual(checksBefore);
    } finally {
      await knex.raw('DROP TRIGGER refuse_offers ON offers');
      await knex.raw('DROP FUNCTION refuse_offers()');
    }
  });
});
