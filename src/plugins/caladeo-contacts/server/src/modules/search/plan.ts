/**
 * Turns what a user typed in a search box into a plan the list query can run on the folded
 * `searchText` column. Pure: no database, so every odd input can be unit-tested.
 */
import { normaliseSearchTerm } from '../../validation';

/** Longer queries are cut: nobody types more, and a huge LIKE pattern only costs time. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TOKENS = 6;
/** Trigram indexes need three characters; shorter queries match the start of the last name. */
export const MIN_SUBSTRING_LENGTH = 3;

export type SearchPlan =
  | { kind: 'everything' }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'substring'; tokens: string[] };

const PHONE_LIKE = /^[+(]?[\d\s().\-/]+$/;

/** "06 12", "+33 6 12", "0033 6-12" → the digits as searchText stores them ("0612", "33612"). */
const phoneDigits = (typed: string) => {
  const digits = typed.replace(/\D/g, '');
  return typed.trim().startsWith('00') ? digits.slice(2) : digits;
};

export const planSearch = (typed: string): SearchPlan => {
  const folded = normaliseSearchTerm(typed.slice(0, MAX_QUERY_LENGTH * 2))
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
  if (folded === '') return { kind: 'everything' };

  const digitCount = folded.replace(/\D/g, '').length;
  const tokens =
    PHONE_LIKE.test(folded) && digitCount >= 2
      ? [phoneDigits(folded)]
      : [...new Set(folded.split(' ').filter(Boolean))].slice(0, MAX_TOKENS);

  if (tokens.every((token) => token.length < MIN_SUBSTRING_LENGTH)) {
    return { kind: 'prefix', prefix: tokens.join(' ') };
  }
  return { kind: 'substring', tokens };
};

/** Escapes LIKE's wildcards so that a typed "%" or "_" matches itself (used with ESCAPE '\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
