import { describe, expect, it } from '@jest/globals';
import { lastChangeFrom } from './last-change';

const created = '2026-12-01T09:00:00.000Z';
const updated = '2026-12-03T14:05:00.000Z';

describe('lastChangeFrom', () => {
  it('names who made the newest entry, and when', () => {
    expect(
      lastChangeFrom(
        {
          occurredAt: updated,
          action: 'link',
          actor: { type: 'api_token', name: 'Générateur de devis' },
          entryPoint: 'rest',
        },
        { createdAt: created, updatedAt: created }
      )
    ).toEqual({
      kind: 'modified',
      at: updated,
      by: { type: 'api_token', name: 'Générateur de devis', entryPoint: 'rest' },
    });
  });

  it('says created when the newest entry is the creation', () => {
    const change = lastChangeFrom(
      {
        occurredAt: created,
        action: 'create',
        actor: { type: 'import', name: 'clients.csv' },
        entryPoint: 'import',
      },
      { createdAt: created, updatedAt: created }
    );
    expect(change.kind).toBe('created');
    expect(change.by?.name).toBe('clients.csv');
  });

  it('falls back to the record’s own dates, naming nobody, when the history does not tell', () => {
    expect(lastChangeFrom(null, { createdAt: new Date(created), updatedAt: new Date(updated) })).toEqual({
      kind: 'modified',
      at: updated,
      by: null,
    });
    expect(lastChangeFrom(null, { createdAt: created, updatedAt: created })).toEqual({
      kind: 'created',
      at: created,
      by: null,
    });
    expect(lastChangeFrom(null, { createdAt: created, updatedAt: null })).toMatchObject({
      kind: 'created',
      at: created,
    });
  });
});
