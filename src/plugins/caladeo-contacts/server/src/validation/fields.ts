/**
 * Field-level normalisers: each takes one raw value from a request body and returns either the
 * value to store or one problem from the message catalogue (zod's own issues, such as a wrong type
 * or a value outside an enumeration, get their code in issues.ts). Checks that need other fields
 * (phone and postal code against the country, region against the postal code) live in address.ts
 * and the record modules.
 */
import { z } from 'zod';

import { MAX_LENGTH, MAX_PRICE_PER_PERSON } from '../../../shared/constants';
import { resolveCountryCode } from './country';
import { reportProblem } from './issues';
import { problem } from './messages';
import { accept, cleanText, reject, type Check, type TextLayout } from './text';

/** A zod schema that accepts any JS value and outputs T (or reports issues). */
export type FieldSchema<T> = z.ZodType<T, unknown>;

/**
 * A nullable string field: type check, cleaning (trim, whitespace, control characters, length),
 * then an optional field-specific step on the non-empty cleaned text.
 */
function stringField<T>(options: {
  max: number;
  layout?: TextLayout;
  finish: (cleaned: string) => Check<T>;
}): FieldSchema<T | null> {
  return z
    .string()
    .nullable()
    .transform((raw, context): T | null => {
      if (raw === null) {
        return null;
      }
      const cleaned = cleanText(raw, options.max, options.layout ?? 'single-line');
      if (!cleaned.ok) {
        return reportProblem(context, cleaned.problem, raw);
      }
      if (cleaned.value === null) {
        return null;
      }
      const finished = options.finish(cleaned.value);
      return finished.ok ? finished.value : reportProblem(context, finished.problem, raw);
    });
}

/** Free text (names, address lines, city, region…): cleaned, bounded, empty → null. */
export function textField(max: number, layout: TextLayout = 'single-line'): FieldSchema<string | null> {
  return stringField({ max, layout, finish: accept });
}

const emailFormat = z.email();

/** E-mail addresses are compared and deduplicated lower-cased, so they are stored that way. */
export const emailField: FieldSchema<string | null> = stringField({
  max: MAX_LENGTH.email,
  finish: (cleaned) => {
    const lowered = cleaned.toLowerCase();
    return emailFormat.safeParse(lowered).success ? accept(lowered) : reject(problem('email.invalid'));
  },
});

/** The raw phone as typed; it becomes E.164 in address.ts, where the record's country is known. */
export const phoneInputField: FieldSchema<string | null> = textField(MAX_LENGTH.phoneInput);

export const countryField: FieldSchema<string | null> = stringField({
  max: MAX_LENGTH.country,
  finish: (cleaned) => {
    const alpha2 = resolveCountryCode(cleaned);
    return alpha2 === null ? reject(problem('country.unknown')) : accept(alpha2);
  },
});

/** Postal codes are written upper-case ('SW1A 1AA'); the per-country format is checked later. */
export const postalCodeField: FieldSchema<string | null> = stringField({
  max: MAX_LENGTH.postalCode,
  finish: (cleaned) => accept(cleaned.toUpperCase()),
});

/** An enumeration whose null means "the default" (a form left on "—" still stores a value). */
export function enumWithDefault<Value extends string>(
  values: readonly [Value, ...Value[]],
  fallback: Value,
  options: { caseInsensitive?: boolean } = {}
): FieldSchema<Value> {
  const choice = z.enum(values).nullable();
  const tolerant = options.caseInsensitive
    ? z.preprocess((raw) => (typeof raw === 'string' ? raw.trim().toLowerCase() : raw), choice)
    : choice;
  return tolerant.transform((value): Value => value ?? fallback);
}

/** An enumeration that has no default: null is kept and reported as missing on the record. */
export function requiredEnum<Value extends string>(
  values: readonly [Value, ...Value[]]
): FieldSchema<Value | null> {
  return z.enum(values).nullable();
}

/** Booleans only: "true" or 1 would hide a client bug, and consent must be unambiguous. */
export function booleanWithDefault(fallback: boolean): FieldSchema<boolean> {
  return z
    .boolean()
    .nullable()
    .transform((value) => value ?? fallback);
}

/**
 * SIRET as typed on invoices: '123 456 789 00012' or '123.456.789.00012'. Separators are
 * removed; the French format and checksum are checked in client.ts, where the country is known.
 */
export const siretInputField: FieldSchema<string | null> = stringField({
  // The bound applies to the compact form; separators may double the typed length.
  max: MAX_LENGTH.siret * 2,
  finish: (cleaned) => {
    const compact = cleaned.replace(/[\s.]/g, '');
    if (compact === '') {
      return accept(null);
    }
    return compact.length > MAX_LENGTH.siret
      ? reject(problem('text.tooLong', { max: MAX_LENGTH.siret }))
      : accept(compact);
  },
});

const OFFER_REFERENCE_PATTERN = /^[A-Z0-9._/-]+$/;

/** Offer references appear on quotes and in file names: upper-case, no spaces. */
export const offerReferenceField: FieldSchema<string | null> = stringField({
  max: MAX_LENGTH.offerReference,
  finish: (cleaned) => {
    const upper = cleaned.toUpperCase();
    return OFFER_REFERENCE_PATTERN.test(upper) ? accept(upper) : reject(problem('offerReference.format'));
  },
});

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true, local: true });
/** Longer than any ISO date-time with fractional seconds and offset; spares the regexes huge input. */
const LONGEST_DATE_INPUT = 40;

/**
 * Calendar date 'YYYY-MM-DD'; a full ISO date-time is accepted and its date part kept. The type is
 * checked here rather than by z.string() so that a number is told the expected date form.
 */
export const isoDateField: FieldSchema<string | null> = z
  .unknown()
  .transform((raw, context): string | null => {
    if (raw === null) {
      return null;
    }
    if (typeof raw !== 'string') {
      return reportProblem(context, problem('date.notString'), raw);
    }
    const trimmed = raw.trim();
    if (trimmed === '') {
      return null;
    }
    const isDate = trimmed.length <= LONGEST_DATE_INPUT && isoDate.safeParse(trimmed).success;
    const isDateTime = trimmed.length <= LONGEST_DATE_INPUT && isoDateTime.safeParse(trimmed).success;
    if (!isDate && !isDateTime) {
      return reportProblem(context, problem('date.invalid'), raw);
    }
    return trimmed.slice(0, 10);
  });

/** "1250", "1250.5", "1 250,50": what a person or a spreadsheet may send as an amount in euros. */
const AMOUNT_TEXT = /^\d{1,9}(?:[.,]\d{1,2})?$/;
/** A stored amount must be a whole number of cents. */
const isWholeCents = (amount: number) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;

/** A price in euros, to the cent, from 0 to MAX_PRICE_PER_PERSON; never rounded silently. */
export const priceField: FieldSchema<number | null> = z.unknown().transform((raw, context): number | null => {
  if (raw === null) return null;
  let amount: number;
  if (typeof raw === 'number') {
    amount = raw;
  } else if (typeof raw === 'string') {
    const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
    if (compact === '') return null;
    if (compact.length > 20 || !AMOUNT_TEXT.test(compact)) {
      return reportProblem(context, problem('price.invalid'), raw);
    }
    amount = Number(compact.replace(',', '.'));
  } else {
    return reportProblem(context, problem('price.invalid'), raw);
  }
  if (!Number.isFinite(amount) || !isWholeCents(amount)) {
    return reportProblem(context, problem('price.tooPrecise'), raw);
  }
  if (amount < 0 || amount > MAX_PRICE_PER_PERSON) {
    return reportProblem(context, problem('price.outOfRange', { min: 0, max: MAX_PRICE_PER_PERSON }), raw);
  }
  return Math.round(amount * 100) / 100;
});
