/**
 * Low-level cleaning of free text, shared by every string field: the rules users expect from a
 * CRM (no stray spaces, no invisible control characters, bounded length).
 */
import { problem, type Problem } from './messages';

export type Check<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function accept<T>(value: T): Check<T> {
  return { ok: true, value };
}

export function reject<T>(found: Problem): Check<T> {
  return { ok: false, problem: found };
}

/** Tab, line feed and carriage return are ordinary whitespace; every other C0/C1 code is not. */
export function containsControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const isC0 = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    const isDeleteOrC1 = code >= 0x7f && code <= 0x9f;
    if (isC0 || isDeleteOrC1) {
      return true;
    }
  }
  return false;
}

/**
 * A lone UTF-16 surrogate cannot be stored as UTF-8: the driver would silently turn it into
 * U+FFFD, so it is refused instead of corrupted.
 */
export function containsLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * Length in user-perceived characters (code points), which is what the database's varchar
 * counts; an emoji counts as one, not two UTF-16 units.
 */
export function exceedsLength(text: string, max: number): boolean {
  if (text.length <= max) {
    return false;
  }
  // A code point is at most two UTF-16 units, so past twice the bound no counting is needed.
  if (text.length > max * 2) {
    return true;
  }
  return Array.from(text).length > max;
}

export type TextLayout = 'single-line' | 'multi-line';

/**
 * Trims, applies NFC (so a decomposed "é" typed on macOS equals a composed one) and, for
 * single-line text, collapses every run of whitespace (tabs, line breaks, no-break spaces) into
 * one space. An empty result means "no value" and becomes null.
 */
export function cleanText(raw: string, max: number, layout: TextLayout): Check<string | null> {
  if (containsControlCharacter(raw)) {
    return reject(problem('text.controlCharacters'));
  }
  if (containsLoneSurrogate(raw)) {
    return reject(problem('text.brokenUnicode'));
  }
  const composed = raw.normalize('NFC');
  const spaced = layout === 'single-line' ? composed.replace(/\s+/g, ' ') : composed;
  const trimmed = spaced.trim();
  if (trimmed === '') {
    return accept(null);
  }
  if (exceedsLength(trimmed, max)) {
    return reject(problem('text.tooLong', { max }));
  }
  return accept(trimmed);
}
