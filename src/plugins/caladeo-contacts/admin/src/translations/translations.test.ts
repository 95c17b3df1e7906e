import fs from 'fs';
import path from 'path';
import { describe, expect, it } from '@jest/globals';
import {
  CLIENT_TYPES,
  CONSENT_ACTIONS,
  CONSENT_ACTOR_KINDS,
  CONSENT_SETTING_ACTIONS,
  DUPLICATE_REASONS,
  GENDERS,
  LANGUAGES,
  LINK_ROLES,
  OFFER_STATUSES,
} from '../../../shared/constants';

const read = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, `${locale}.json`), 'utf8')) as Record<string, string>;

const fr = read('fr');
const en = read('en');

describe('the Contacts tab strings', () => {
  it('has every string in French and in English, none left empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const messages of [fr, en]) {
      expect(Object.entries(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('names every value the server can send: roles, genders, languages, client types, offer statuses, consent events and who caused them', () => {
    const expected = [
      ...LINK_ROLES.map((value) => `role.${value}`),
      ...GENDERS.map((value) => `gender.${value}`),
      ...LANGUAGES.map((value) => `language.${value}`),
      ...CLIENT_TYPES.map((value) => `clientType.${value}`),
      ...OFFER_STATUSES.map((value) => `offerStatus.${value}`),
      ...CONSENT_ACTIONS.map((value) => `consent.action.${value}`),
      ...CONSENT_SETTING_ACTIONS.flatMap((value) => [
        `consent.action.${value}.on`,
        `consent.action.${value}.off`,
      ]),
      ...CONSENT_ACTOR_KINDS.map((value) => `consent.actor.${value}`),
      ...DUPLICATE_REASONS.map((value) => `duplicates.reason.${value}`),
    ];
    expect(expected.filter((key) => !(key in fr))).toEqual([]);
  });
});
