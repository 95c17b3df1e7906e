import { describe, expect, it } from '@jest/globals';

import { waitForIdleDatabase } from '../../scripts/lib/idle-database';
import { getService } from '../../src/plugins/caladeo-contacts/server/src/utils/get-service';
import { jobRunner } from '../helpers/newsletter';
import { createOfferWithTravellers } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();

/**
 * The SQL statements run while building one offer's document context and its PDF: those of the
 * transaction that reads the offer. A statement another part of the app runs meanwhile (a job, a
 * post-commit event of another test's write) belongs to no transaction or to another one.
 */
const queriesFor = async (offer: string) => {
  const statements: { sql: string; transaction?: string }[] = [];
  const record = (query: { sql: string; __knexTxId?: string }) =>
    statements.push({ sql: query.sql, transaction: query.__knexTxId });
  const connection = app.strapi.db.connection;
  connection.on('query', record);
  try {
    const quote = await getService(app.strapi, 'offer-documents').offerQuote(offer);
    expect(quote?.context.travellers.length).toBeGreaterThan(0);
  } finally {
    connection.removeListener('query', record);
  }
  const transaction = statements.find((statement) => /offers[`"]? as/i.test(statement.sql))?.transaction;
  expect(transaction).toEqual(expect.any(String));
  return statements.filter((statement) => statement.transaction === transaction).map(({ sql }) => sql);
};

describe('cost of a document', () => {
  it('runs the same number of SQL queries for 5 and for 50 travellers', async () => {
    const small = await createOfferWithTravellers(app.strapi, 5);
    const large = await createOfferWithTravellers(app.strapi, 50);
    // the fixtures' post-commit entry events must not be counted as the document's queries
    await waitForIdleDatabase(app.strapi);
    // the job runner's own look for work (its schedules) must not be counted either
    await jobRunner(app).stop();
    let smallQueries: string[];
    let largeQueries: string[];
    try {
      await queriesFor(small.offer); // first use warms caches (e.g. the configuration read)
      smallQueries = await queriesFor(small.offer);
      largeQueries = await queriesFor(large.offer);
    } finally {
      jobRunner(app).start();
    }

    expect(largeQueries.length).toBe(smallQueries.length);
    // one statement each for the offer, its client, its links and their contacts
    const selects = (statements: string[]) => statements.filter((sql) => /^select/i.test(sql));
    expect(selects(smallQueries)).toHaveLength(4);
    expect(selects(largeQueries)).toHaveLength(4);
  });
});
