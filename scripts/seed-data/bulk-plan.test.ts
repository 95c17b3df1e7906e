import { describe, expect, it } from '@jest/globals';

import { CLIENT_TYPES } from '../../src/plugins/caladeo-contacts/shared/constants';
import {
  buildContactSearchText,
  normaliseContactPatch,
} from '../../src/plugins/caladeo-contacts/server/src/validation';
import { planBulkClients, planBulkContacts, planBulkOffer } from './bulk-plan';

const clients = planBulkClients(200, 42);
/** Key order does not matter, values do. */
const sameRecord = (left: Record<string, unknown>, right: Record<string, unknown>) =>
  Object.keys(left).length === Object.keys(right).length &&
  Object.entries(left).every(([key, value]) => right[key] === value);

const sample = [...planBulkContacts(0, 3000, 42, clients), ...planBulkContacts(987_000, 1000, 42, clients)];

describe('bulk-loaded contacts are what the validation would store', () => {
  it('normalises each of 4,000 sampled rows to itself, search text included', () => {
    const mismatches = sample.flatMap((row): Array<{ email: string } & Record<string, unknown>> => {
      const { client, searchText, ...fields } = row;
      const result = normaliseContactPatch(fields, null);
      if (!result.ok) return [{ email: row.email, errors: result.errors }];
      const { searchText: _derived, ...normalised } = result.data;
      const clientNames = client ? [clients[client.index]?.name ?? ''] : [];
      const expectedText = buildContactSearchText(fields, clientNames);
      return sameRecord(normalised, fields) && searchText === expectedText
        ? []
        : [{ email: row.email, normalised, searchText, expectedText }];
    });
    expect(mismatches).toEqual([]);
  });
});

describe('bulk plan', () => {
  it('gives the same rows for the same seed, whatever the batch boundaries', () => {
    const whole = [...planBulkContacts(0, 20, 7, clients)];
    const split = [...planBulkContacts(0, 12, 7, clients), ...planBulkContacts(12, 8, 7, clients)];
    expect(split).toEqual(whole);
    expect([...planBulkContacts(0, 20, 8, clients)].map((row) => row.email)).not.toEqual(
      whole.map((row) => row.email)
    );
  });

  it('gives unique e-mails, accented names, and clients of every type', () => {
    const emails = sample.map((row) => row.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(sample.some((row) => /[éèêëïîôç]/i.test(row.lastName + row.firstName))).toBe(true);
    expect(new Set(clients.map((client) => client.type))).toEqual(new Set(CLIENT_TYPES));
    const linked = sample.filter((row) => row.client).length / sample.length;
    expect(linked).toBeGreaterThan(0.2);
    expect(linked).toBeLessThan(0.4);
  });
});

describe('bulk offers', () => {
  it('gives each offer the same trip and people for the same seed, its people once each', () => {
    const offers = Array.from({ length: 200 }, (_, index) => planBulkOffer(index, 42, 50, 10_000));
    expect(Array.from({ length: 200 }, (_, index) => planBulkOffer(index, 42, 50, 10_000))).toEqual(offers);
    expect(planBulkOffer(0, 43, 50, 10_000)).not.toEqual(offers[0]);
    expect(new Set(offers.map((offer) => offer.reference)).size).toBe(200);
    for (const offer of offers) {
      expect(offer.reference.length).toBeLessThanOrEqual(40);
      expect(offer.startDate <= offer.endDate).toBe(true);
      expect(new Set(offer.people).size).toBe(offer.people.length);
      expect(offer.people.length).toBeGreaterThanOrEqual(2);
      expect(offer.people.every((position) => position >= 0 && position < 10_000)).toBe(true);
      expect(offer.clientIndex).toBeLessThan(50);
    }
  });
});
