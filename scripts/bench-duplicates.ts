/**
 * `npm run bench:duplicates -- [--runs N] [--write]`
 *
 * What the duplicate warning costs at scale: the check the admin form sends after a pause in the
 * typing, run N times through the service for real people of the base (each with their name,
 * postal code, city and phone, as the form would send them), then once with only a name typed and
 * once with a name in a crowded postal code. Run it on PostgreSQL with a million contacts
 * (`DATABASE_CLIENT=postgres DATABASE_NAME=caladeo_bench_dup`, seeded with `npm run seed:bulk --
 * --contacts 1000000`). With `--write` the figures replace the "Duplicate warning at a million
 * contacts" section of docs/benchmarks.md.
 */
import os from 'os';
import { performance } from 'perf_hooks';
import type { Core } from '@strapi/strapi';
import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { percentile } from './lib/percentile';

type Options = { runs: number; write: boolean };
type Person = {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  city: string | null;
};

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { runs: 200, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--write') options.write = true;
    else if (argument === '--runs') options.runs = Number(argv[++index]);
    else throw Object.assign(new Error(`unknown option ${argument}`), { name: 'UsageError' });
  }
  if (!Number.isInteger(options.runs) || options.runs < 1)
    throw Object.assign(new Error('--runs must be a positive whole number'), { name: 'UsageError' });
  return options;
}

const TITLE = '## Duplicate warning at a million contacts';

export default async function run(strapi: Core.Strapi, argv: string[]) {
  const options = parseArgv(argv);
  const service = strapi.plugin('caladeo-contacts').service('duplicates') as {
    likelyDuplicatesOf: (typed: Person, excluded: string | null) => Promise<unknown[]>;
  };
  const total = await strapi.db.query(UID.contact).count();
  const knex = strapi.db.connection;
  // people spread over the base: every k-th id
  const step = Math.max(1, Math.floor(total / options.runs));
  const people = (await knex('caladeo_contacts')
    .select('first_name', 'last_name', 'email', 'phone', 'postal_code', 'city')
    .whereRaw('id % ? = 0', [step])
    .limit(options.runs)) as Record<string, string | null>[];
  const typed = people.map(
    (row): Person => ({
      firstName: row.first_name ?? null,
      lastName: row.last_name ?? null,
      email: null,
      phone: row.phone ?? null,
      postalCode: row.postal_code ?? null,
      city: row.city ?? null,
    })
  );

  const time = async (person: Person) => {
    const start = performance.now();
    const found = await service.likelyDuplicatesOf(person, null);
    return { ms: performance.now() - start, found: found.length };
  };
  for (const person of typed.slice(0, 3)) await time(person);
  const samples: number[] = [];
  let withWarning = 0;
  for (const person of typed) {
    const { ms, found } = await time(person);
    samples.push(ms);
    if (found > 1) withWarning += 1;
  }
  samples.sort((a, b) => a - b);

  const crowded = (await knex('caladeo_contacts')
    .select('postal_code')
    .count({ count: '*' })
    .whereNotNull('postal_code')
    .groupBy('postal_code')
    .orderBy('count', 'desc')
    .first()) as { postal_code: string; count: string | number };
  const crowdedTimes: number[] = [];
  for (let index = 0; index < 20; index += 1) {
    const person = typed[index % typed.length] as Person;
    crowdedTimes.push((await time({ ...person, phone: null, postalCode: crowded.postal_code })).ms);
  }
  crowdedTimes.sort((a, b) => a - b);

  const round = (ms: number) => (ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));
  const version = ((await knex.raw('select version() as v')) as { rows?: { v: string }[] }).rows?.[0]?.v;
  const section = `${TITLE}

Measured ${new Date().toISOString().slice(0, 10)} with \`DATABASE_CLIENT=${strapi.db.dialect.client} npm run bench:duplicates -- --runs ${options.runs}${options.write ? ' --write' : ''}\` (\`scripts/bench-duplicates.ts\`): ${os.cpus().length} cores, Node ${process.version}; ${version?.split(' on ')[0] ?? strapi.db.dialect.client}; ${total} contacts.

The check the contact form sends (\`likelyDuplicatesOf\`, in process, no HTTP), for ${typed.length} people of the base typed again with their name, postal code, city and phone, after 3 warm-ups:

| check | p50 / p95 ms | max ms |
| --- | --- | --- |
| name, postal code, city, phone of an existing person | ${round(percentile(samples, 0.5))} / ${round(percentile(samples, 0.95))} | ${round(samples[samples.length - 1] ?? NaN)} |
| the same in the most crowded postal code (${crowded.postal_code}, ${crowded.count} contacts) | ${round(percentile(crowdedTimes, 0.5))} / ${round(percentile(crowdedTimes, 0.95))} | ${round(crowdedTimes[crowdedTimes.length - 1] ?? NaN)} |

${withWarning} of the ${typed.length} checks found another contact than the person itself.

What the figures say: the check is 4 to 5 indexed lookups (e-mail, phone, folded name, e-mail local part) and one for similar names in the postal code, which costs the most here: the generated base puts about 10,000 contacts in each of its ~100 postal codes, so one GIN index over the postal code and the name's trigrams (btree_gin and pg_trgm: \`postal_code = … AND name_key % …\`, then \`similarity ≥ 0.5\`) finds them inside the index. Before it, the postal code's btree and a name-only trigram index were intersected (BitmapAnd): 52 / 105 ms on 2026-12-03 in the run just before this one, on the same base and machine (176 / 243 ms before that, reading the postal code's rows one by one). A real base spreads people over ~6,000 French postal codes. The form waits for a 400 ms pause in the typing before it asks, so one check per pause. Most checks find someone else because the generated base repeats first and last names within a city.
`;
  process.stdout.write(`${section}\n`);
  if (options.write) process.stdout.write(`written to ${await writeBenchmarksSection(TITLE, section)}\n`);
}
