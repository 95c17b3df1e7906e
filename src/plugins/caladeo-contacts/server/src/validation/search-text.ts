/**
 * The contact's `searchText` column: one folded string the list's search box can match with a
 * plain LIKE, so "eloise", "Éloïse" and "ELOISE" all find Éloïse, and a phone is found however
 * it is typed (with or without the country code).
 */
import { foldCaseAndAccents } from './fold';
import { phoneSearchForms } from './phone';
import { containsControlCharacter } from './text';
import type { ContactRecord } from './types';

function withoutControlCharacters(text: string): string {
  if (!containsControlCharacter(text)) {
    return text;
  }
  return Array.from(text, (character) => (containsControlCharacter(character) ? ' ' : character)).join('');
}

/**
 * Folds a search query the same way `searchText` is folded: lower case, no accents, single
 * spaces. It does not escape LIKE wildcards: that is the query builder's job.
 */
export function normaliseSearchTerm(term: string): string {
  if (typeof term !== 'string') {
    return '';
  }
  return foldCaseAndAccents(withoutControlCharacters(term)).replace(/\s+/g, ' ').trim();
}

/** Client names beyond this are left out of a contact's search text, to keep it indexable. */
export const MAX_CLIENT_NAMES_LENGTH = 600;

/**
 * The last name comes first so that ordering by the search text orders by name, and a search
 * that matches its start ranks as a name-prefix match. The names of the contact's clients come
 * last: typing a client's name finds its people.
 */
export function buildContactSearchText(
  record: Partial<ContactRecord>,
  clientNames: readonly string[] = []
): string {
  const parts: string[] = [];
  for (const value of [record.lastName, record.firstName, record.email, record.city]) {
    if (typeof value === 'string') {
      parts.push(value);
    }
  }
  if (typeof record.phone === 'string' && record.phone !== '') {
    parts.push(...phoneSearchForms(record.phone));
  }
  const clients = clientNames.join(' ').slice(0, MAX_CLIENT_NAMES_LENGTH);
  return normaliseSearchTerm(`${parts.join(' ')} ${clients}`);
}

/** A client is searched by its name, and by its city to tell namesakes apart. */
export function buildClientSearchText(record: { name?: string | null; city?: string | null }): string {
  return normaliseSearchTerm([record.name, record.city].filter((part) => typeof part === 'string').join(' '));
}
