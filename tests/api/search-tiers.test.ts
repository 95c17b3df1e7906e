import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildContactSearchText } from '../../src/plugins/caladeo-contacts/server/src/validation/search-text';
import { planSearch } from '../../src/plugins/caladeo-contacts/server/src/modules/search/plan';
import { createApiToken } from '../helpers/auth';
import { CONTACTS, restClient, type RestClient } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

/**
 * The relevance order is served in ranks: the contacts whose search text starts with the first
 * word come from the sort key's index in its order, and only when they do not fill the page are
 * the other matches ranked. The pages must be exactly those of ranking every match: checked here
 * against the ranking computed from the stored search texts, on a base where a few last names are
 * each held by hundreds of people and also appear as first names, e-mails and cities.
 */
const app = useStrapi();
let api: RestClient;

const LAST_NAMES = ['Martin', 'Martinez', 'Lefèvre', 'Dupont', 'Duval', 'Marty', 'Bernard', 'Ma'];
const FIRST_NAMES = ['Jean', 'Martine', 'Hélène', 'Bernard', 'Marc', 'Anne', 'Dupont'];
const CITIES = ['Lyon', 'Martigues', 'Saint-Martin', 'Pau', 'Dupontville'];
const CONTACT_COUNT = 3000;
const PAGE_SIZE = 100;

type Stored = { id: number; documentId: string; searchText: string };
let stored: Stored[] = [];

beforeAll(async () => {
  const knex = app.strapi.db.connection;
  const rows = Array.from({ length: CONTACT_COUNT }, (_, index) => {
    const record = {
      lastName: LAST_NAMES[index % LAST_NAMES.length] as string,
      firstName: FIRST_NAMES[Math.floor(index / LAST_NAMES.length) % FIRST_NAMES.length] as string,
      email: index % 3 === 0 ? `contact${index}@${index % 2 ? 'martin' : 'dupont'}-voyages.fr` : null,
      city: CITIES[index % CITIES.length] as string,
    };
    return {
      document_id: `tier${String(index).padStart(20, '0')}`,
      last_name: record.lastName,
      first_name: record.firstName,
      email: record.email,
      city: record.city,
      search_text: buildContactSearchText(record),
      newsletter: false,
      preferred_language: 'fr',
    };
  });
  // SQLite compiles a multi-row insert into a compound SELECT of at most 500 terms
  for (let start = 0; start < rows.length; start += 400) {
    await knex('caladeo_contacts').insert(rows.slice(start, start + 400));
  }
  if (knex.client.dialect === 'postgresql') await knex.raw('ANALYZE caladeo_contacts');
  stored = (await knex('caladeo_contacts').select('id', 'document_id', 'search_text')).map(
    (row: { id: number; document_id: string; search_text: string }) => ({
      id: Number(row.id),
      documentId: row.document_id,
      searchText: row.search_text,
    })
  );
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

/** Every match of the query ranked as the list ranks: word place, then the key's bytes, then id. */
const exhaustiveRanking = (q: string) => {
  const plan = planSearch(q);
  if (plan.kind === 'everything') throw new Error('a query is needed');
  const first = plan.kind === 'prefix' ? plan.prefix : (plan.tokens[0] as string);
  const matches = stored.filter((row) =>
    plan.kind === 'prefix'
      ? row.searchText.startsWith(plan.prefix)
      : plan.tokens.every((token) => row.searchText.includes(token))
  );
  const rank = (text: string) => (text.startsWith(first) ? 0 : text.includes(` ${first}`) ? 1 : 2);
  return matches
    .map((row) => ({ ...row, rank: rank(row.searchText) }))
    .sort(
      (a, b) =>
        a.rank - b.rank || Buffer.compare(Buffer.from(a.searchText), Buffer.from(b.searchText)) || a.id - b.id
    )
    .map((row) => row.documentId);
};

/** Every page of the search, walked with its cursors. */
const walkedPages = async (q: string) => {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await api.get(
      `${CONTACTS}?q=${encodeURIComponent(q)}&pagination[pageSize]=${PAGE_SIZE}${cursor ? `&cursor=${cursor}` : ''}`
    );
    expect(response.status).toBe(200);
    seen.push(...response.body.data.map((contact: { documentId: string }) => contact.documentId));
    cursor = response.body.meta.pagination.nextCursor;
  } while (cursor);
  return seen;
};

describe('the ranked search, served a rank at a time', () => {
  it.each([
    ['martin', 'a last name held by hundreds, also in first names, e-mails and cities'],
    ['mart', 'the start of several last names'],
    ['ma', 'two letters: the start of the last name only'],
    ['martin jean', 'a last name and a first name'],
    ['jean martin', 'the same words the other way round'],
    ['dupont', 'a last name also held as a first name, in e-mails and in a city'],
    ['bernard marc', 'a last name that is also a first name'],
    ['artin', 'inside words only'],
    ['lefevre', 'an accented last name typed without accents'],
    ['martigues', 'a city only'],
  ])('"%s" (%s) gives the pages of the exhaustive ranking', async (q) => {
    const expected = exhaustiveRanking(q);
    expect(expected.length).toBeGreaterThan(0);
    expect(await walkedPages(q)).toEqual(expected);
  });

  it('gives the same first page and total as the exhaustive ranking at the default page size', async () => {
    const response = await api.get(`${CONTACTS}?q=martin`);
    expect(response.status).toBe(200);
    const expected = exhaustiveRanking('martin');
    expect(response.body.data.map((contact: { documentId: string }) => contact.documentId)).toEqual(
      expected.slice(0, response.body.meta.pagination.pageSize)
    );
    expect(response.body.meta.pagination).toMatchObject({ total: expected.length, totalIsExact: true });
  });
});
