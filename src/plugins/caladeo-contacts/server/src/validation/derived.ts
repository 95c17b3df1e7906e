import { cityKey, clientNameKey, contactNameKey, emailLocalPartKey } from './match-keys';
import { buildClientSearchText, buildContactSearchText } from './search-text';
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

/**
 * What a client stores besides its own fields: the search text, the folded name its duplicates are
 * looked up by, and the folded city the client list's town filter matches ("sete" finds Sète).
 * Set by the client's document rule and by a client merge.
 */
export const derivedClientFields = (record: Record<string, unknown>) => {
  const { name, city } = record as { name?: string | null; city?: string | null };
  return {
    searchText: buildClientSearchText({ name, city }),
    nameKey: clientNameKey(name),
    cityKey: cityKey(city),
  };
};
