import { beforeAll, describe, expect, it } from '@jest/globals';
import { CLIENT_TYPES, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import seed, { parseArgv, type SeedSummary } from '../../scripts/seed';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
const SMALL = ['--contacts', '60', '--clients', '14', '--offers', '8', '--quiet'];
const KINDS = [UID.contact, UID.client, UID.offer, UID.clientContact, UID.offerContact] as const;

type LinkRow = { role: string; isPrimary: boolean };
type Contact = {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
};

const countRows = async () =>
  Promise.all(KINDS.map(async (uid) => [uid, await app.strapi.db.query(uid).count()] as const));

const contactNames = async () => {
  const contacts: Contact[] = await app.strapi.db
    .query(UID.contact)
    .findMany({ select: ['firstName', 'lastName'] });
  return new Set(contacts.map((contact) => `${contact.firstName} ${contact.lastName}`));
};

let first: SeedSummary;
let second: SeedSummary;
let countsAfterFirst: Awaited<ReturnType<typeof countRows>>;

beforeAll(async () => {
  first = await seed(app.strapi, SMALL);
  countsAfterFirst = await countRows();
  second = await seed(app.strapi, SMALL);
}, 120_000);

describe('npm run seed', () => {
  it('creates the requested records, then finds them all on a second run', async () => {
    expect(first.counts.contacts).toEqual({ created: 60, existing: 0 });
    expect(first.counts.clients).toEqual({ created: 14, existing: 0 });
    expect(first.counts.offers).toEqual({ created: 8, existing: 0 });
    expect(first.counts.clientLinks.created).toBeGreaterThanOrEqual(14);
    expect(first.counts.offerLinks.created).toBeGreaterThanOrEqual(8 * 3);

    for (const kind of Object.keys(second.counts) as (keyof SeedSummary['counts'])[]) {
      expect(second.counts[kind]).toEqual({ created: 0, existing: first.counts[kind].created });
    }
    expect(await countRows()).toEqual(countsAfterFirst);
  });

  it('creates clients of every type and contacts outside France', async () => {
    const clients: { type: string }[] = await app.strapi.db.query(UID.client).findMany({ select: ['type'] });
    expect(new Set(clients.map((client) => client.type))).toEqual(new Set(CLIENT_TYPES));

    const foreign = await app.strapi.db.query(UID.contact).count({ where: { country: { $ne: 'FR' } } });
    expect(foreign).toBeGreaterThan(0);
  });

  it('stores contacts as the validation normalises them', async () => {
    const contacts: Contact[] = await app.strapi.db
      .query(UID.contact)
      .findMany({ select: ['email', 'phone'] });
    expect(contacts).toHaveLength(60);
    for (const { email, phone } of contacts) {
      expect(email).toBe(email?.toLowerCase());
      expect(email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
      if (phone !== null) expect(phone).toMatch(/^\+[1-9]\d{6,14}$/);
    }
  });

  it('gives every client with contacts exactly one primary contact', async () => {
    const clients: { name: string; contactLinks: LinkRow[] }[] = await app.strapi.db
      .query(UID.client)
      .findMany({ select: ['name'], populate: { contactLinks: { select: ['role', 'isPrimary'] } } });
    const withLinks = clients.filter((client) => client.contactLinks.length > 0);
    expect(withLinks).toHaveLength(14);
    for (const client of withLinks) {
      expect(client.contactLinks.filter((link) => link.isPrimary)).toHaveLength(1);
    }
  });

  it('gives every offer a client, exactly one primary contact and a payer', async () => {
    const offers: {
      reference: string;
      startDate: string;
      endDate: string;
      client: { name: string } | null;
      contactLinks: LinkRow[];
    }[] = await app.strapi.db.query(UID.offer).findMany({
      select: ['reference', 'startDate', 'endDate'],
      populate: { client: { select: ['name'] }, contactLinks: { select: ['role', 'isPrimary'] } },
    });
    expect(offers.map((offer) => offer.reference).sort()).toEqual(
      Array.from({ length: 8 }, (_, index) => `SEED-000${index + 1}`)
    );
    for (const offer of offers) {
      expect(offer.client).not.toBeNull();
      expect(offer.endDate >= offer.startDate).toBe(true);
      expect(offer.contactLinks.filter((link) => link.isPrimary)).toHaveLength(1);
      expect(offer.contactLinks.some((link) => link.role === 'payeur')).toBe(true);
      expect(offer.contactLinks.some((link) => link.role === 'voyageur')).toBe(true);
    }
  });

  it('draws other people with another --seed', async () => {
    const before = await contactNames();
    const otherSeed = ['--contacts', '20', '--clients', '0', '--offers', '0', '--seed', '7', '--quiet'];
    const other = await seed(app.strapi, otherSeed);
    expect(other.counts.contacts.created).toBeGreaterThan(0);
    const added = [...(await contactNames())].filter((name) => !before.has(name));
    expect(added.length).toBeGreaterThanOrEqual(15);
  });
});

describe('seed options', () => {
  it.each([
    [['--contacts', 'many'], '--contacts must be a whole number from 1 to 100000, got "many"'],
    [['--offers', '-3'], '--offers must be a whole number from 0 to 100000, got "-3"'],
    [['--seed'], '--seed must be a whole number from 0 to 2147483647, got nothing'],
    [['--contacts', '2.5'], '--contacts must be a whole number'],
    [['--clients', '0'], '--offers needs at least one client'],
    [['--colour', 'blue'], 'unknown option "--colour"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgv(argv)).toThrow(message);
  });

  it('reads both option spellings and keeps the defaults for the rest', () => {
    expect(parseArgv(['--contacts=500', '--seed', '7'])).toEqual({
      contacts: 500,
      clients: 40,
      offers: 30,
      seed: 7,
      quiet: false,
    });
  });
});
