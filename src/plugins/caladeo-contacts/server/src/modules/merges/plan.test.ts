import { describe, expect, it } from '@jest/globals';
import { UID } from '../../../../shared/constants';
import {
  aliasesAfterMerge,
  chooseFields,
  newsletterAfterMerge,
  planClientLinks,
  planLinks,
  type MergeContact,
  type StoredLink,
} from './plan';

const contact = (id: number, updatedAt: string, fields: Record<string, unknown>): MergeContact => ({
  id,
  documentId: `c${id}`,
  updatedAt,
  email: null,
  newsletter: false,
  ...fields,
});

describe('chooseFields', () => {
  const survivor = contact(1, '2026-01-01T00:00:00Z', {
    lastName: 'Lefèvre',
    city: null,
    gender: 'unspecified',
  });
  const newer = contact(2, '2026-02-01T00:00:00Z', { lastName: 'Lefevre', city: 'Lyon', gender: 'female' });
  const sameTime = contact(3, '2026-01-01T00:00:00Z', { lastName: 'LEFEVRE' });

  it('proposes the most recent non-empty value, an unspecified gender counting as empty', () => {
    const choices = Object.fromEntries(
      chooseFields([survivor, newer], {}).map((choice) => [choice.field, choice])
    );
    expect(choices.lastName).toMatchObject({ proposed: 'c2', value: 'Lefevre' });
    expect(choices.city).toMatchObject({ proposed: 'c2', value: 'Lyon' });
    expect(choices.gender).toMatchObject({ proposed: 'c2', value: 'female' });
    expect(choices.phone).toMatchObject({ proposed: 'c1', value: null });
  });

  it("keeps the survivor's value on a tie, and the request's choice over the proposal", () => {
    const choices = Object.fromEntries(
      chooseFields([survivor, sameTime, newer], { city: 'c1' }).map((choice) => [choice.field, choice])
    );
    expect(choices.city).toMatchObject({ proposed: 'c2', chosen: 'c1', value: null });
    const tie = chooseFields([survivor, sameTime], {}).find((choice) => choice.field === 'lastName');
    expect(tie).toMatchObject({ proposed: 'c1', value: 'Lefèvre' });
  });
});

const link = (
  id: number,
  contactId: number,
  targetId: number,
  role: string,
  isPrimary = false
): StoredLink => ({
  linkUid: UID.clientContact,
  id,
  documentId: `l${id}`,
  role,
  isPrimary,
  contactId,
  targetId,
  targetDocumentId: `t${targetId}`,
});

describe('planLinks', () => {
  it('collapses one role on one target to one link, keeping the primary on it', () => {
    const planned = planLinks(
      [link(1, 2, 10, 'president', true), link(2, 1, 10, 'president'), link(3, 3, 11, 'payeur', true)],
      1
    );
    expect(planned.removed.map((entry) => entry.id)).toEqual([1]);
    expect(planned.kept.map((entry) => [entry.id, entry.primaryAfter])).toEqual([
      [2, true],
      [3, true],
    ]);
  });

  it('never makes two links of one target primary', () => {
    const planned = planLinks([link(1, 1, 10, 'president', true), link(2, 2, 10, 'payeur')], 1);
    expect(planned.kept.filter((entry) => entry.primaryAfter)).toHaveLength(1);
  });
});

describe('planClientLinks', () => {
  const clientLink = (id: number, clientId: number, contactId: number, role: string, isPrimary = false) => ({
    id,
    documentId: `l${id}`,
    role,
    isPrimary,
    clientId,
    contactId,
    contactDocumentId: `c${contactId}`,
  });

  it('collapses the same contact in the same role to one link, the survivor’s own', () => {
    const planned = planClientLinks(
      [clientLink(1, 2, 7, 'president'), clientLink(2, 1, 7, 'president'), clientLink(3, 2, 7, 'payeur')],
      1,
      [2]
    );
    expect(planned.removed.map((entry) => entry.id)).toEqual([1]);
    expect(planned.kept.map((entry) => entry.id)).toEqual([2, 3]);
  });

  it('keeps the survivor’s primary contact over a merged client’s', () => {
    const planned = planClientLinks(
      [clientLink(1, 2, 7, 'payeur', true), clientLink(2, 1, 8, 'payeur', true)],
      1,
      [2]
    );
    expect(planned.kept.map((entry) => [entry.id, entry.primaryAfter])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('without one, takes the primary of the most recently updated merged client, on the link it collapses into', () => {
    const planned = planClientLinks(
      [
        clientLink(1, 2, 7, 'payeur', true),
        clientLink(2, 3, 8, 'payeur', true),
        clientLink(3, 1, 8, 'payeur'),
      ],
      1,
      [3, 2]
    );
    expect(planned.removed.map((entry) => entry.id)).toEqual([2]);
    expect(planned.kept.filter((entry) => entry.primaryAfter).map((entry) => entry.id)).toEqual([3]);
  });
});

describe('newsletterAfterMerge', () => {
  const event = (id: number, action: string, newsletter: boolean | null, occurredAt: string) => ({
    id,
    documentId: `e${id}`,
    action,
    newsletter,
    occurredAt,
    contactId: 1,
  });

  it('follows the most recent explicit event, whatever contact it came from', () => {
    expect(
      newsletterAfterMerge([
        event(1, 'confirmed', true, '2026-01-01T00:00:00Z'),
        event(2, 'withdrawn', false, '2026-03-01T00:00:00Z'),
        event(3, 'set_by_staff', true, '2026-02-01T00:00:00Z'),
      ]).newsletter
    ).toBe(false);
  });

  it('is never true without an explicit event: a sign-up request alone is no consent', () => {
    expect(newsletterAfterMerge([event(1, 'requested', true, '2026-01-01T00:00:00Z')])).toEqual({
      newsletter: false,
      basedOn: null,
    });
  });
});

describe('aliasesAfterMerge', () => {
  it('keeps every other address, lower-cased, once', () => {
    expect(
      aliasesAfterMerge(
        [
          contact(1, '2026-01-01T00:00:00Z', { email: 'a@x.fr' }),
          contact(2, '2026-01-01T00:00:00Z', { email: 'B@x.fr' }),
          contact(3, '2026-01-01T00:00:00Z', { email: null }),
        ],
        'a@x.fr'
      )
    ).toEqual(['b@x.fr']);
  });
});
