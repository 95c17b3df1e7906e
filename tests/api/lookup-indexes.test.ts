import { beforeAll, describe, expect, it } from '@jest/globals';

import { contactNameKey } from '../../src/plugins/caladeo-contacts/server/src/validation/match-keys';
import { createApiToken } from '../helpers/auth';
import { CONTACTS, restClient, type RestClient } from '../helpers/http';
import { GENEROUS_LIMITS, processSignUps, signUp } from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi({ env: GENEROUS_LIMITS });

/** Enough rows that PostgreSQL's planner prefers an index to reading the table, when one exists. */
const FILLER_CONTACTS = 20_000;

type Statement = { sql: string; bindings: unknown[] };

/** The SQL statements a piece of work runs, as the database driver receives them. */
const statementsOf = async (work: () => Promise<unknown>) => {
  const statements: Statement[] = [];
  const record = (query: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  const connection = app.strapi.db.connection;
  connection.on('query', record);
  try {
    await work();
  } finally {
    connection.removeListener('query', record);
  }
  return statements;
};

/** Statements that read the contacts table by e-mail or phone. */
const lookupsByEmailOrPhone = (statements: Statement[]) =>
  statements.filter(
    ({ sql }) =>
      /^select/i.test(sql) &&
      // PostgreSQL's statements name the schema: from "schema"."caladeo_contacts"
      /\bfrom (?:[`"]?\w+[`"]?\.)?[`"]?caladeo_contacts[`"]?/i.test(sql) &&
      /\bwhere\b[\s\S]*\b(email|phone)[`"]?\s*(=|in\b)/i.test(sql)
  );

/** How the database would run a statement: the scans of the contacts table that read every row. */
const fullScansOfContacts = async ({ sql, bindings }: Statement) => {
  const knex = app.strapi.db.connection;
  if (knex.client.dialect === 'postgresql') {
    // the driver's statements number their parameters ($1, $2…), in the order knex binds `?`
    const result = await knex.raw(`EXPLAIN (FORMAT JSON) ${sql.replace(/\$\d+/g, '?')}`, bindings as never[]);
    const plan = JSON.stringify(result.rows[0]['QUERY PLAN']);
    return [...plan.matchAll(/"Node Type":"Seq Scan"[^}]*?"Relation Name":"caladeo_contacts"/g)].map(
      (match) => match[0]
    );
  }
  const rows = (await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as never[])) as { detail: string }[];
  // SQLite says SCAN <table or alias> for a full read, SEARCH … USING INDEX for an index lookup
  return rows.map((row) => row.detail).filter((detail) => /^SCAN\b/.test(detail));
};

const expectEveryLookupIndexed = async (statements: Statement[]) => {
  const lookups = lookupsByEmailOrPhone(statements);
  expect(lookups.length).toBeGreaterThan(0);
  for (const lookup of lookups) {
    expect({ sql: lookup.sql, fullScans: await fullScansOfContacts(lookup) }).toEqual({
      sql: lookup.sql,
      fullScans: [],
    });
  }
};

let api: RestClient;

beforeAll(async () => {
  const knex = app.strapi.db.connection;
  const rows = Array.from({ length: FILLER_CONTACTS }, (_, index) => ({
    document_id: `filler${String(index).padStart(18, '0')}`,
    last_name: `Rempli${index}`,
    email: `rempli${index}@example.fr`,
    phone: `+3361${String(index).padStart(7, '0')}`,
    search_text: `rempli${index}`,
    // two crowded postal codes (the bulk seed's hold 10,000 people each), for the similar-name check
    postal_code: String(10000 + (index % 2) * 100),
    first_name: 'Anne',
    name_key: contactNameKey('Anne', `Rempli${index}`),
    newsletter: false,
    preferred_language: 'fr',
  }));
  // SQLite compiles a multi-row insert into a compound SELECT of at most 500 terms
  for (let start = 0; start < rows.length; start += 400) {
    await knex('caladeo_contacts').insert(rows.slice(start, start + 400));
  }
  if (knex.client.dialect === 'postgresql') await knex.raw('ANALYZE caladeo_contacts');
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

describe('every lookup of a person by e-mail or phone is served by an index', () => {
  it('on a contact create, including its uniqueness check', async () => {
    const statements = await statementsOf(async () => {
      const response = await api.post(CONTACTS, { lastName: 'Indexée', email: 'nouvelle@example.fr' });
      expect(response.status).toBe(201);
    });
    await expectEveryLookupIndexed(statements);
  });

  it('on a create refused because the e-mail is taken', async () => {
    const statements = await statementsOf(async () => {
      const response = await api.post(CONTACTS, { lastName: 'Doublon', email: 'Rempli42@example.fr' });
      expect(response.status).toBe(400);
    });
    await expectEveryLookupIndexed(statements);
  });

  it('on an update that changes the e-mail', async () => {
    const created = await api.post(CONTACTS, { lastName: 'Change', email: 'avant@example.fr' });
    const statements = await statementsOf(async () => {
      const response = await api.put(`${CONTACTS}/${created.body.data.documentId}`, {
        email: 'apres@example.fr',
      });
      expect(response.status).toBe(200);
    });
    await expectEveryLookupIndexed(statements);
  });

  it('on an external app filtering by exact e-mail or phone', async () => {
    const statements = await statementsOf(async () => {
      const byEmail = await api.get(`${CONTACTS}?filters[email][$eq]=rempli7@example.fr`);
      expect(byEmail.body.data.map((row: { lastName: string }) => row.lastName)).toEqual(['Rempli7']);
      const byPhone = await api.get(`${CONTACTS}?filters[phone][$eq]=${encodeURIComponent('+33610000007')}`);
      expect(byPhone.body.data.map((row: { lastName: string }) => row.lastName)).toEqual(['Rempli7']);
    });
    await expectEveryLookupIndexed(statements);
  });

  it("in the sign-up worker's find-or-create of a new address", async () => {
    const statements = await statementsOf(async () => {
      const response = await signUp(app, {
        email: 'inscrite@example.fr',
        firstName: 'Inès',
        source: 'footer-home',
      });
      expect(response.status).toBe(202);
      await processSignUps(app);
    });
    await expectEveryLookupIndexed(statements);
  });

  it('in the look-up of a person named in an access request, by e-mail in any case and by phone', async () => {
    const statements = await statementsOf(async () => {
      const byEmail = await api.get(`${CONTACTS}/lookup?email=${encodeURIComponent('REMPLI9@example.fr')}`);
      expect(byEmail.body.data.map((row: { lastName: string }) => row.lastName)).toEqual(['Rempli9']);
      const byPhone = await api.get(`${CONTACTS}/lookup?phone=${encodeURIComponent('06 10 00 00 09')}`);
      expect(byPhone.body.data.map((row: { lastName: string }) => row.lastName)).toEqual(['Rempli9']);
    });
    await expectEveryLookupIndexed(statements);
  });
});

describe('the duplicate warning reads indexes', () => {
  it('finds similar names of one postal code through indexes, one of them over both columns', async () => {
    const statements = await statementsOf(async () => {
      const response = await api.post(`${CONTACTS}/duplicates/check`, {
        firstName: 'Anne',
        lastName: 'Rempli4201',
        postalCode: '10000',
      });
      expect(response.status).toBe(200);
      // namesakes of the same postal code only (the filler's postal code follows its number)
      const found = (response.body.data as Array<{ contact: { lastName: string } }>).map((entry) =>
        Number(entry.contact.lastName.replace('Rempli', ''))
      );
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((index) => index % 2 !== 0)).toEqual([]);
    });
    const byPostalCode = statements.filter(({ sql }) => /postal_code/.test(sql) && /^select/i.test(sql));
    expect(byPostalCode.length).toBeGreaterThan(0);
    if (app.strapi.db.connection.client.dialect === 'postgresql') {
      expect(byPostalCode.filter(({ sql }) => sql.includes('similarity'))).toHaveLength(1);
      // one GiST index over the postal code and the name's trigrams, and no trigram index on the
      // name alone: the search's GIN index is the only other one
      const indexes = await app.strapi.db.connection.raw(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'caladeo_contacts' AND indexdef LIKE '%trgm_ops%'"
      );
      expect(indexes.rows.map((row: { indexname: string }) => row.indexname).sort()).toEqual([
        'caladeo_contacts_postal_name_gist_idx',
        'caladeo_contacts_search_trgm_idx',
      ]);
    }
    const knex = app.strapi.db.connection;
    for (const { sql, bindings } of byPostalCode) {
      // on PostgreSQL, the trigram search never intersects two indexes of a crowded postal code
      if (knex.client.dialect === 'postgresql' && sql.includes('similarity')) {
        const result = await knex.raw(
          `EXPLAIN (FORMAT JSON) ${sql.replace(/\$\d+/g, '?')}`,
          bindings as never[]
        );
        expect({ sql, plan: JSON.stringify(result.rows[0]['QUERY PLAN']) }).toEqual({
          sql,
          plan: expect.not.stringContaining('BitmapAnd'),
        });
      }
      expect(await fullScansOfContacts({ sql, bindings })).toEqual([]);
    }
    if (knex.client.dialect === 'postgresql') {
      // the namesakes of one name come through the name's btree: the trigram index of the postal
      // code and name also serves `=`, at 60 times the cost at a million contacts
      const byName = statements.filter(({ sql }) => /name_key" = /.test(sql) && !sql.includes('similarity'));
      expect(byName.length).toBeGreaterThan(0);
      for (const { sql, bindings } of byName) {
        const result = await knex.raw(
          `EXPLAIN (FORMAT JSON) ${sql.replace(/\$\d+/g, '?')}`,
          bindings as never[]
        );
        expect({ sql, plan: JSON.stringify(result.rows[0]['QUERY PLAN']) }).toEqual({
          sql,
          plan: expect.not.stringContaining('postal_name_gist_idx'),
        });
      }
    }
  });
});
