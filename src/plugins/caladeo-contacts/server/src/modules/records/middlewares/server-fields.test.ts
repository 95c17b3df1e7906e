import { describe, expect, it } from '@jest/globals';
import contact from '../content-types/contact';
import clientContact from '../content-types/client-contact';
import { serverFieldsIn, serverOwnedFields } from './server-fields';

describe('fields only the server sets', () => {
  it('are Strapi’s own and the columns the application derives', () => {
    expect(serverOwnedFields(contact.schema)).toEqual([
      'id',
      'documentId',
      'createdAt',
      'updatedAt',
      'publishedAt',
      'createdBy',
      'updatedBy',
      'locale',
      'localizations',
      'searchText',
      'nameKey',
      'emailLocalPart',
    ]);
    expect(serverOwnedFields(clientContact.schema)).toContain('primaryOf');
    // a relation the application keeps is refused by the write rules, with its own code
    expect(serverOwnedFields(contact.schema)).not.toContain('consentEvents');
  });

  it('are found at the root of a body only, in the order it names them', () => {
    const owned = serverOwnedFields(contact.schema);
    expect(serverFieldsIn({ lastName: 'X', publishedAt: null, searchText: '' }, owned)).toEqual([
      'publishedAt',
      'searchText',
    ]);
    // a relation may name a documentId; that is not the record's own
    expect(serverFieldsIn({ clientLinks: { connect: [{ documentId: 'abc' }] } }, owned)).toEqual([]);
    for (const data of [undefined, null, 'text', ['searchText']])
      expect(serverFieldsIn(data, owned)).toEqual([]);
  });
});
