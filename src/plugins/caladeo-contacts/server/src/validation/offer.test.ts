import { describe, expect, it } from '@jest/globals';

import { normaliseOfferPatch } from './offer';
import type { FieldError, NormaliseResult, OfferRecord } from './types';

const STORED: OfferRecord = {
  title: 'Séjour à Lisbonne',
  reference: 'DEV-2025-014',
  offerStatus: 'sent',
  destination: 'Lisbonne',
  startDate: '2025-06-10',
  endDate: '2025-06-15',
  pricePerPerson: null,
};

function dataOf(result: NormaliseResult<Partial<OfferRecord>>): Partial<OfferRecord> {
  if (!result.ok) {
    throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

function errorsOf(result: NormaliseResult<Partial<OfferRecord>>): FieldError[] {
  if (result.ok) {
    throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
  }
  return result.errors;
}

describe('normaliseOfferPatch', () => {
  it('normalises a new offer and defaults its status to draft', () => {
    expect(
      dataOf(
        normaliseOfferPatch(
          {
            title: ' Séjour   à Lisbonne ',
            reference: ' dev-2025/014 ',
            destination: 'Lisbonne',
            startDate: '2025-06-10T08:00:00Z',
            endDate: '2025-06-15',
            clientContacts: [1],
          },
          null
        )
      )
    ).toEqual({
      title: 'Séjour à Lisbonne',
      reference: 'DEV-2025/014',
      offerStatus: 'draft',
      destination: 'Lisbonne',
      startDate: '2025-06-10',
      endDate: '2025-06-15',
    });
  });

  it('requires a title and a reference', () => {
    expect(errorsOf(normaliseOfferPatch({}, null))).toEqual([
      { path: ['title'], code: 'required', values: {}, message: 'is required' },
      { path: ['reference'], code: 'required', values: {}, message: 'is required' },
    ]);
    expect(errorsOf(normaliseOfferPatch({ title: '', reference: null }, STORED))).toEqual([
      { path: ['title'], code: 'required', values: {}, message: 'is required' },
      { path: ['reference'], code: 'required', values: {}, message: 'is required' },
    ]);
  });

  it('collects every field error', () => {
    expect(
      errorsOf(
        normaliseOfferPatch(
          {
            title: 7,
            reference: 'DEV 1',
            offerStatus: 'won',
            destination: {},
            startDate: '2025-02-30',
            endDate: 20250601,
          },
          null
        )
      )
    ).toEqual([
      { path: ['title'], code: 'text.notString', values: {}, message: 'must be a string' },
      {
        path: ['reference'],
        code: 'offerReference.format',
        values: {},
        message: 'may only contain letters A-Z, digits and the characters . _ / -',
      },
      {
        path: ['offerStatus'],
        code: 'choice.invalid',
        values: { allowed: 'draft, sent, accepted, declined, cancelled' },
        message: 'must be one of: draft, sent, accepted, declined, cancelled',
      },
      { path: ['destination'], code: 'text.notString', values: {}, message: 'must be a string' },
      {
        path: ['startDate'],
        code: 'date.invalid',
        values: {},
        message: 'must be a real calendar date in the form YYYY-MM-DD',
      },
      {
        path: ['endDate'],
        code: 'date.notString',
        values: {},
        message: 'must be a date in the form YYYY-MM-DD',
      },
    ]);
  });

  it('refuses an end before the start, on the end date', () => {
    expect(
      errorsOf(
        normaliseOfferPatch(
          { title: 'T', reference: 'R', startDate: '2025-06-10', endDate: '2025-06-09' },
          null
        )
      )
    ).toEqual([
      {
        path: ['endDate'],
        code: 'date.beforeStart',
        values: { startDate: '2025-06-10' },
        message: 'must not be before the start date (2025-06-10)',
      },
    ]);
    expect(
      dataOf(
        normaliseOfferPatch(
          { title: 'T', reference: 'R', startDate: '2025-06-10', endDate: '2025-06-10' },
          null
        )
      )
    ).toMatchObject({
      endDate: '2025-06-10',
    });
  });

  it('compares a new date with the stored one', () => {
    expect(errorsOf(normaliseOfferPatch({ startDate: '2025-07-01' }, STORED))).toEqual([
      {
        path: ['endDate'],
        code: 'date.beforeStart',
        values: { startDate: '2025-07-01' },
        message: 'must not be before the start date (2025-07-01)',
      },
    ]);
    expect(dataOf(normaliseOfferPatch({ endDate: null }, STORED))).toEqual({ endDate: null });
  });

  it('returns only the patched fields on update', () => {
    expect(dataOf(normaliseOfferPatch({ offerStatus: 'accepted' }, STORED))).toEqual({
      offerStatus: 'accepted',
    });
    expect(dataOf(normaliseOfferPatch({ offerStatus: null }, STORED))).toEqual({ offerStatus: 'draft' });
  });

  it.each([[1], [true], [['x']], [{ a: 1 }], ['x\u0000'], ['9'.repeat(10_000)]])(
    'never throws on hostile values (%#)',
    (value) => {
      for (const field of ['title', 'reference', 'offerStatus', 'destination', 'startDate', 'endDate']) {
        const result = normaliseOfferPatch({ [field]: value }, STORED);
        expect(result.ok).toBe(false);
        expect(errorsOf(result).every((error) => error.path[0] === field && error.path.length === 1)).toBe(
          true
        );
      }
    }
  );

  it('reads a price per person from a number or the way people type amounts, to the cent', () => {
    expect(dataOf(normaliseOfferPatch({ pricePerPerson: 1250.5 }, STORED)).pricePerPerson).toBe(1250.5);
    expect(dataOf(normaliseOfferPatch({ pricePerPerson: '1 250,50' }, STORED)).pricePerPerson).toBe(1250.5);
    expect(dataOf(normaliseOfferPatch({ pricePerPerson: '890' }, STORED)).pricePerPerson).toBe(890);
    expect(dataOf(normaliseOfferPatch({ pricePerPerson: '' }, STORED)).pricePerPerson).toBeNull();
  });

  it('refuses a price that is negative, too high, finer than a cent or not an amount', () => {
    for (const pricePerPerson of [-1, 1_000_000.01, 12.345, '12,345', 'mille euros', true, '1e5', Infinity]) {
      expect(errorsOf(normaliseOfferPatch({ pricePerPerson }, STORED)).map((error) => error.path)).toEqual([
        ['pricePerPerson'],
      ]);
    }
  });
});
