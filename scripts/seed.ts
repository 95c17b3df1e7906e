/**
 * `npm run seed -- [--contacts N] [--clients N] [--offers N] [--seed N] [--quiet]`
 *
 * Fills the database with realistic demo data for French group-travel agencies: contacts (a few
 * abroad), clients of every type, offers, and the contacts' roles on them. Every write goes through
 * the document service, so the data crosses the same validation as the admin's and the API's.
 *
 * Idempotent: records are keyed (contacts by e-mail, clients by name, offers by reference, links
 * by contact + target + role); what exists is left alone and only what is missing is created, so a
 * second run with the same options changes nothing.
 */
import type { Core } from '@strapi/strapi';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { planSeed, type PlannedLink, type SeedPlan, type SeedSizes } from './seed-data/plan';

export type SeedOptions = SeedSizes & { quiet: boolean };

type Kind = 'contacts' | 'clients' | 'offers' | 'clientLinks' | 'offerLinks';
export type SeedCounts = Record<Kind, { created: number; existing: number }>;
export type SeedSummary = { options: SeedOptions; counts: SeedCounts; elapsedMs: number };

export const USAGE =
  'usage: npm run seed -- [--contacts N] [--clients N] [--offers N] [--seed N] [--quiet]\n' +
  '  --contacts  contacts to create (default 200)\n' +
  '  --clients   clients, each with 1 to 5 contacts (default 40)\n' +
  '  --offers    offers, each for one client (default 30)\n' +
  '  --seed      faker seed: the same options always give the same data (default 42)\n' +
  '  --quiet     print nothing';

const DEFAULTS: SeedOptions = { contacts: 200, clients: 40, offers: 30, seed: 42, quiet: false };

/**
 * Through the document service each record costs a handful of queries; past this the bulk loader
 * (direct SQL) is the right tool, and an accidental extra zero should not run for hours.
 */
const MAX_RECORDS = 100_000;
/** Writes in flight at once: enough to keep the database busy, few enough for SQLite's one writer. */
const CONCURRENCY = 20;
/** Keys per `$in` lookup: well below SQLite's and PostgreSQL's bound-parameter limits. */
const LOOKUP_CHUNK = 500;
/** Runs at least this big report their progress. */
const PROGRESS_FROM = 2_000;

const SIZE_BOUNDS: Record<keyof SeedSizes, { min: number; max: number }> = {
  contacts: { min: 1, max: MAX_RECORDS },
  clients: { min: 0, max: MAX_RECORDS },
  offers: { min: 0, max: MAX_RECORDS },
  seed: { min: 0, max: 2 ** 31 - 1 },
};

/** A mistake in the command line: the launcher prints the message alone, without a stack. */
export class UsageError extends Error {
  name = 'UsageError';
}

/** Reads the options; throws a `UsageError` naming the bad one. Also called before Strapi boots. */
export function parseArgv(argv: readonly string[]): SeedOptions {
  const options: SeedOptions = { ...DEFAULTS };
  const remaining = [...argv];
  while (remaining.length > 0) {
    const argument = String(remaining.shift());
    if (argument === '--quiet') {
      options.quiet = true;
      continue;
    }
    // both "--contacts 500" and "--contacts=500"
    const [flag, inlineValue] = argument.split(/=(.*)/s, 2);
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !Object.hasOwn(SIZE_BOUNDS, name)) {
      throw new UsageError(`unknown option "${argument}"\n${USAGE}`);
    }
    const key = name as keyof SeedSizes;
    const raw = inlineValue ?? remaining.shift();
    const { min, max } = SIZE_BOUNDS[key];
    const value = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      const given = raw === undefined ? 'nothing' : `"${raw}"`;
      throw new UsageError(`--${key} must be a whole number from ${min} to ${max}, got ${given}`);
    }
    options[key] = value;
  }
  if (options.offers > 0 && options.clients === 0) {
    throw new UsageError('--offers needs at least one client (--clients 1 or more)');
  }
  return options;
}

/** Cuts a list into consecutive slices of at most `size` items. */
function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** The documentId of a populated to-one relation, or null. */
function documentIdOf(value: unknown): string | null {
  if (value && typeof value === 'object' && 'documentId' in value && typeof value.documentId === 'string') {
    return value.documentId;
  }
  return null;
}

/** A write refused by the validation names the record and every field error. */
function explainFailure(what: string, error: unknown): Error {
  const details = (error as { details?: { errors?: { message?: string }[] } } | null)?.details?.errors;
  const reason =
    details && details.length > 0
      ? details.map((detail) => detail.message).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
  return new Error(`could not create ${what}: ${reason}`, { cause: error });
}

const linkKey = (contact: string, target: string, role: string) => `${contact}|${target}|${role}`;

class Seeder {
  readonly counts: SeedCounts = {
    contacts: { created: 0, existing: 0 },
    clients: { created: 0, existing: 0 },
    offers: { created: 0, existing: 0 },
    clientLinks: { created: 0, existing: 0 },
    offerLinks: { created: 0, existing: 0 },
  };

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly quiet: boolean
  ) {}

  /**
   * Runs one batch of concurrent writes. SQLite has one writer and syncs to disk at every commit, so there
   * the batch shares one transaction (the document rules' own transactions nest in it): half the
   * time. PostgreSQL is faster with each write on its own pooled connection.
   */
  private async runBatch(startWrites: () => Promise<void>[]) {
    const settleAll = async () => {
      // every write settles before commit or rollback: none may run on a finished transaction
      const outcomes = await Promise.allSettled(startWrites());
      const failure = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failure) throw failure.reason;
    };
    if (this.strapi.db.dialect.client === 'sqlite') await this.strapi.db.transaction(settleAll);
    else await settleAll();
  }

  private log(message: string) {
    if (!this.quiet) console.log(message);
  }

  /**
   * Creates the items whose key is not yet stored, CONCURRENCY at a time, and returns
   * key → documentId for every item, found or created.
   */
  private async ensure<T>(
    kind: Kind,
    items: readonly T[],
    keyOf: (item: T) => string,
    findExisting: (keys: string[]) => Promise<Map<string, string>>,
    create: (item: T) => Promise<string>
  ): Promise<Map<string, string>> {
    const documentIds = new Map<string, string>();
    const keys = [...new Set(items.map(keyOf))];
    for (const chunk of chunksOf(keys, LOOKUP_CHUNK)) {
      for (const [key, documentId] of await findExisting(chunk)) documentIds.set(key, documentId);
    }
    const missing = items.filter((item) => !documentIds.has(keyOf(item)));
    this.counts[kind].existing = items.length - missing.length;

    let done = 0;
    const step = Math.ceil(missing.length / 10);
    for (const batch of chunksOf(missing, CONCURRENCY)) {
      await this.runBatch(() =>
        batch.map(async (item) => {
          documentIds.set(keyOf(item), await create(item));
        })
      );
      done += batch.length;
      this.counts[kind].created = done;
      if (missing.length >= PROGRESS_FROM && (done % step < batch.length || done === missing.length)) {
        this.log(`  ${kind}: ${done}/${missing.length} created`);
      }
    }
    return documentIds;
  }

  async run(plan: SeedPlan) {
    const contactIds = await this.ensureContacts(plan);
    const clientIds = await this.ensureClients(plan);
    const offerIds = await this.ensureOffers(plan, clientIds);
    await this.ensureClientLinks(plan, contactIds, clientIds);
    await this.ensureOfferLinks(plan, contactIds, offerIds);
  }

  private ensureContacts(plan: SeedPlan) {
    const contacts = this.strapi.documents(UID.contact);
    return this.ensure(
      'contacts',
      plan.contacts,
      (contact) => contact.email,
      async (emails) => {
        const rows = await contacts.findMany({ fields: ['email'], filters: { email: { $in: emails } } });
        return new Map(rows.map((row) => [String(row.email), row.documentId]));
      },
      async (contact) => {
        try {
          return (await contacts.create({ data: contact })).documentId;
        } catch (error) {
          throw explainFailure(`contact ${contact.email}`, error);
        }
      }
    );
  }

  private ensureClients(plan: SeedPlan) {
    const clients = this.strapi.documents(UID.client);
    return this.ensure(
      'clients',
      plan.clients,
      (client) => client.data.name,
      async (names) => {
        const rows = await clients.findMany({
          fields: ['name'],
          filters: { name: { $in: names } },
          // when an agency already has two clients of one name, always pick the same one
          sort: 'id:asc',
        });
        const found = new Map<string, string>();
        for (const row of rows) if (!found.has(String(row.name))) found.set(String(row.name), row.documentId);
        return found;
      },
      async (client) => {
        try {
          return (await clients.create({ data: client.data })).documentId;
        } catch (error) {
          throw explainFailure(`client "${client.data.name}"`, error);
        }
      }
    );
  }

  private ensureOffers(plan: SeedPlan, clientIds: Map<string, string>) {
    const offers = this.strapi.documents(UID.offer);
    return this.ensure(
      'offers',
      plan.offers,
      (offer) => offer.data.reference,
      async (references) => {
        const rows = await offers.findMany({
          fields: ['reference'],
          filters: { reference: { $in: references } },
        });
        return new Map(rows.map((row) => [String(row.reference), row.documentId]));
      },
      async (offer) => {
        const client = clientIds.get(plan.clients[offer.client].data.name);
        try {
          return (await offers.create({ data: { ...offer.data, client } })).documentId;
        } catch (error) {
          throw explainFailure(`offer ${offer.data.reference}`, error);
        }
      }
    );
  }

  private async ensureClientLinks(
    plan: SeedPlan,
    contactIds: Map<string, string>,
    clientIds: Map<string, string>
  ) {
    const links = this.strapi.documents(UID.clientContact);
    const wanted = this.resolveLinks(
      plan,
      plan.clients.map((client) => ({ target: clientIds.get(client.data.name), links: client.links })),
      contactIds
    );
    await this.ensure(
      'clientLinks',
      wanted,
      (link) => linkKey(link.contact, link.target, link.role),
      async (keys) => {
        const rows = await links.findMany({
          fields: ['role'],
          filters: { client: { documentId: { $in: targetsOf(keys) } } },
          populate: { contact: { fields: ['documentId'] }, client: { fields: ['documentId'] } },
        });
        return storedLinks(rows, 'client');
      },
      async (link) => {
        try {
          const data = {
            contact: link.contact,
            client: link.target,
            role: link.role,
            isPrimary: link.isPrimary,
          };
          return (await links.create({ data })).documentId;
        } catch (error) {
          throw explainFailure(
            `the ${link.role} link of contact ${link.contact} to client ${link.target}`,
            error
          );
        }
      }
    );
  }

  private async ensureOfferLinks(
    plan: SeedPlan,
    contactIds: Map<string, string>,
    offerIds: Map<string, string>
  ) {
    const links = this.strapi.documents(UID.offerContact);
    const wanted = this.resolveLinks(
      plan,
      plan.offers.map((offer) => ({ target: offerIds.get(offer.data.reference), links: offer.links })),
      contactIds
    );
    await this.ensure(
      'offerLinks',
      wanted,
      (link) => linkKey(link.contact, link.target, link.role),
      async (keys) => {
        const rows = await links.findMany({
          fields: ['role'],
          filters: { offer: { documentId: { $in: targetsOf(keys) } } },
          populate: { contact: { fields: ['documentId'] }, offer: { fields: ['documentId'] } },
        });
        return storedLinks(rows, 'offer');
      },
      async (link) => {
        try {
          const data = {
            contact: link.contact,
            offer: link.target,
            role: link.role,
            isPrimary: link.isPrimary,
          };
          return (await links.create({ data })).documentId;
        } catch (error) {
          throw explainFailure(
            `the ${link.role} link of contact ${link.contact} to offer ${link.target}`,
            error
          );
        }
      }
    );
  }

  /** Planned links with both ends turned into documentIds. */
  private resolveLinks(
    plan: SeedPlan,
    targets: { target: string | undefined; links: PlannedLink[] }[],
    contactIds: Map<string, string>
  ) {
    return targets.flatMap(({ target, links }) =>
      links.map((link) => {
        const contact = contactIds.get(plan.contacts[link.contact].email);
        if (!contact || !target) throw new Error('a planned link points at a record that was not seeded');
        return { contact, target, role: link.role, isPrimary: link.isPrimary };
      })
    );
  }
}

/** The targets named by a chunk of link keys. */
function targetsOf(keys: string[]): string[] {
  return [...new Set(keys.map((key) => key.split('|')[1]))];
}

/** Stored links as link key → documentId. */
function storedLinks(rows: readonly unknown[], targetField: 'client' | 'offer'): Map<string, string> {
  const found = new Map<string, string>();
  for (const row of rows) {
    const link = row as { documentId: string; role: string; contact?: unknown } & Record<string, unknown>;
    const contact = documentIdOf(link.contact);
    const target = documentIdOf(link[targetField]);
    if (contact && target) found.set(linkKey(contact, target, link.role), link.documentId);
  }
  return found;
}

function printSummary(summary: SeedSummary) {
  const { options, counts, elapsedMs } = summary;
  const labels: Record<Kind, string> = {
    contacts: 'contacts',
    clients: 'clients',
    offers: 'offers',
    clientLinks: 'client links',
    offerLinks: 'offer links',
  };
  console.log(
    `Seed ${options.seed}: ${options.contacts} contacts, ${options.clients} clients, ${options.offers} offers`
  );
  for (const kind of Object.keys(labels) as Kind[]) {
    const { created, existing } = counts[kind];
    console.log(
      `  ${labels[kind].padEnd(13)} created ${String(created).padStart(6)}   already present ${String(existing).padStart(6)}`
    );
  }
  console.log(`Done in ${elapsedMs} ms`);
}

export default async function seed(strapi: Core.Strapi, argv: readonly string[] = []): Promise<SeedSummary> {
  const startedAt = Date.now();
  const options = parseArgv(argv);
  const plan = planSeed(options);
  const seeder = new Seeder(strapi, options.quiet);
  await seeder.run(plan);
  const summary = { options, counts: seeder.counts, elapsedMs: Date.now() - startedAt };
  if (!options.quiet) printSummary(summary);
  return summary;
}
