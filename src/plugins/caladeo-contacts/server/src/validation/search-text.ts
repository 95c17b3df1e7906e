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

export function buildContactSearchText(record: Partial<ContactRecord>): string {
  const parts: string[] = [];
  for (const value of [record.firstName, record.lastName, record.email, record.city]) {
    if (typeof value === 'string') {
      parts.push(value);
    }
  }
  if (typeof record.phone === 'string' && record.phone !== '') {
    parts.push(...phoneSearchForms(record.phone));
  }
  return normaliseSearchTerm(parts.join(' '));
}
