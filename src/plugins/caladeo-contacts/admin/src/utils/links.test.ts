import { describe, expect, it } from '@jest/globals';
import {
  distinctCount,
  groupLinksByTarget,
  primaryLoser,
  primaryLoserOnAttach,
  rolesLeft,
  type LinkRow,
} from './links';
import { personName } from './names';

const row = (documentId: string, targetId: string, role: string, extra: Partial<LinkRow> = {}): LinkRow => ({
  documentId,
  role,
  isPrimary: false,
  name: `Target ${targetId}`,
  to: null,
  targetId,
  ...extra,
});

describe('one line per client, offer or contact', () => {
  it('shows a contact with two roles on one offer once, its roles in the documents’ order', () => {
    const groups = groupLinksByTarget([
      row('l1', 'offer-a', 'voyageur'),
      row('l2', 'offer-b', 'payeur'),
      row('l3', 'offer-a', 'responsable_voyage', { isPrimary: true }),
    ]);
    expect(groups.map((group) => [group.name, group.links.map((link) => link.role)])).toEqual([
      ['Target offer-a', ['responsable_voyage', 'voyageur']],
      ['Target offer-b', ['payeur']],
    ]);
    expect(groups[0]?.primary?.documentId).toBe('l3');
    expect(groups[1]?.primary).toBeNull();
  });

  it('groups rows that carry no target id by their page, then by their name', () => {
    const groups = groupLinksByTarget([
      { documentId: 'l1', role: 'payeur', isPrimary: false, name: 'Alpha', to: '/clients/a' },
      { documentId: 'l2', role: 'autre', isPrimary: false, name: 'Alpha', to: '/clients/a' },
      { documentId: 'l3', role: 'autre', isPrimary: false, name: 'OFF-1 · Crète', to: null },
      { documentId: 'l4', role: 'payeur', isPrimary: false, name: 'OFF-1 · Crète', to: null },
    ]);
    expect(groups.map((group) => group.links.length)).toEqual([2, 2]);
  });

  it('offers only the roles not held yet', () => {
    const [group] = groupLinksByTarget([row('l1', 'c', 'payeur'), row('l2', 'c', 'autre')]);
    expect(rolesLeft(group!)).toEqual([
      'responsable_voyage',
      'president',
      'voyageur',
      'accompagnateur',
      'contact_facturation',
    ]);
  });
});

describe('the delete dialogs count records, not roles', () => {
  it('counts two offers for four roles on two offers', () => {
    expect(distinctCount(['a', 'a', 'b', 'b', null])).toBe(2);
    expect(distinctCount([])).toBe(0);
  });
});

describe('who loses the primary role', () => {
  it('on a contact’s page, names the target’s primary when it is someone else', () => {
    const rows = [
      row('l1', 'club', 'payeur', { primaryName: 'Paul Durand' }),
      row('l2', 'ecole', 'president', { isPrimary: true, primaryName: 'Anne Martin' }),
      row('l3', 'ecole', 'payeur', { primaryName: 'Anne Martin' }),
      row('l4', 'mairie', 'autre', { primaryName: null }),
    ];
    const groups = groupLinksByTarget(rows);
    expect(primaryLoser(rows[0]!, groups, false)).toBe('Paul Durand');
    // this contact is primary already, through another role: nobody loses anything
    expect(primaryLoser(rows[2]!, groups, false)).toBeNull();
    expect(primaryLoser(rows[3]!, groups, false)).toBeNull();
  });

  it('on a client’s page, names the contact whose line holds the primary', () => {
    const rows = [
      row('l1', 'anne', 'president', { isPrimary: true, name: 'Anne Martin' }),
      row('l2', 'anne', 'payeur', { name: 'Anne Martin' }),
      row('l3', 'paul', 'payeur', { name: 'Paul Durand' }),
    ];
    const groups = groupLinksByTarget(rows);
    expect(primaryLoser(rows[2]!, groups, true)).toBe('Anne Martin');
    expect(primaryLoser(rows[1]!, groups, true)).toBeNull();
    expect(primaryLoser(row('l9', 'zoe', 'autre'), groupLinksByTarget([rows[2]!]), true)).toBeNull();
  });

  it('on an offer’s table of one role, names the primary held in another role’s table', () => {
    const travellers = [
      row('l4', 'paul', 'voyageur', { name: 'Paul Durand', primaryName: 'Anne Martin' }),
      row('l5', 'zoe', 'voyageur', { name: 'Zoé Roux', primaryName: null }),
    ];
    const groups = groupLinksByTarget(travellers);
    expect(primaryLoser(travellers[0]!, groups, true)).toBe('Anne Martin');
    // Zoé holds the primary through another role: nobody else loses it
    expect(primaryLoser(travellers[1]!, groups, true)).toBeNull();
  });
});

describe('a contact’s name', () => {
  it('is the first and last names, else the e-mail', () => {
    expect(personName({ firstName: 'Anne', lastName: 'Martin' })).toBe('Anne Martin');
    expect(personName({ lastName: null, email: 'a@b.fr' })).toBe('a@b.fr');
  });
});

describe('who loses the primary when a contact is attached as primary', () => {
  const anne = { documentId: 'anne', firstName: 'Anne', lastName: 'Martin', email: null };
  const paul = { documentId: 'paul', firstName: 'Paul', lastName: 'Durand', email: null };

  it('names the target’s primary contact now', () => {
    const links = [
      { isPrimary: false, contact: paul },
      { isPrimary: true, contact: anne },
    ];
    expect(primaryLoserOnAttach(links, 'paul')).toBe('Anne Martin');
  });

  it('names nobody when the target has no primary or the contact attached is it already', () => {
    expect(primaryLoserOnAttach([{ isPrimary: false, contact: anne }], 'paul')).toBeNull();
    expect(primaryLoserOnAttach([{ isPrimary: true, contact: anne }], 'anne')).toBeNull();
    expect(primaryLoserOnAttach([{ isPrimary: true, contact: null }], 'paul')).toBeNull();
    expect(primaryLoserOnAttach([], 'paul')).toBeNull();
  });
});
