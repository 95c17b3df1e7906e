import { describe, expect, it } from '@jest/globals';

import { requestedRelations } from './unreadable-relations';

const CONTACT_RELATIONS = ['clientLinks', 'offerLinks'];
const read = (populate: unknown) => Object.fromEntries(requestedRelations(populate, CONTACT_RELATIONS));

describe('requestedRelations', () => {
  it('reads every relation of the level from *', () => {
    expect(read('*')).toEqual({ clientLinks: undefined, offerLinks: undefined });
    expect(read(['*'])).toEqual({ clientLinks: undefined, offerLinks: undefined });
  });

  it('reads lists of names, as a string or an array', () => {
    expect(read('clientLinks, offerLinks')).toEqual({ clientLinks: undefined, offerLinks: undefined });
    expect(read(['clientLinks', 'offerLinks'])).toEqual({ clientLinks: undefined, offerLinks: undefined });
  });

  it('keeps what a dotted path asks for below the relation', () => {
    expect(read('clientLinks.client,clientLinks.contact')).toEqual({
      clientLinks: ['client', 'contact'],
    });
  });

  it('reads the object form, where only true or an object populates', () => {
    expect(
      read({
        clientLinks: { populate: { client: true } },
        offerLinks: 'true',
        consentEvents: 'false',
      })
    ).toEqual({ clientLinks: { client: true }, offerLinks: undefined });
    expect(read({ offerLinks: { fields: ['role'] } })).toEqual({ offerLinks: undefined });
  });

  it('asks for nothing when there is no populate', () => {
    expect(read(undefined)).toEqual({});
    expect(read('')).toEqual({});
  });
});
