import { contactNameKey, emailLocalPartKey } from './match-keys';
import { buildContactSearchText } from './search-text';
import type { ContactRecord } from './types';

/**
 * What a contact stores besides its own fields, computed from them: the search text (with the
 * names of its clients) and the keys the duplicate checks look it up by. Every write sets them
 * from here: the contact's document rule, and the import's bulk insert of new contacts.
 */
export const derivedContactFields = (record: Partial<ContactRecord>, clientNames: readonly string[]) => ({
  searchText: buildContactSearchText(record, clientNames),
  nameKey: contactNameKey(record.firstName, record.lastName),
  emailLocalPart: emailLocalPartKey(record.email),
});
