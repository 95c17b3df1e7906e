/**
 * The public sign-up form's body. Everything here is hostile until proven otherwise: only the
 * listed fields are accepted (anything else, `newsletter` and relations included, is a 400), each
 * is bounded, and the redirect must point at an allowed origin.
 */
import { z } from 'zod';
import {
  MAX_LENGTH,
  NEWSLETTER_HONEYPOT_FIELD,
  NEWSLETTER_LOCALES,
  NEWSLETTER_MAX_LENGTH,
  type NewsletterLocale,
} from '../../../../shared/constants';
import { emailField, textField, type FieldSchema } from '../../validation/fields';
import { reportProblem } from '../../validation/issues';
import { fieldError, problem } from '../../validation/messages';
import { hasOwnField, isPatchObject, readPatch, type FieldSchemas } from '../../validation/patch';
import type { FieldError, NormaliseResult } from '../../validation/types';

export type NewsletterSignUp = {
  email: string;
  firstName: string | null;
  lastName: string | null;
  source: string | null;
  locale: NewsletterLocale;
  consentTextVersion: string | null;
  redirectTo: string | null;
  /** True when the trap field was filled in: the request is accepted and dropped. */
  isTrapped: boolean;
};

type SignUpFields = Omit<NewsletterSignUp, 'isTrapped' | 'email' | 'locale'> & {
  email: string | null;
  locale: NewsletterLocale | null;
  [NEWSLETTER_HONEYPOT_FIELD]: string | null;
};

/**
 * 'fr', 'EN', 'fr-FR', 'en_GB' → the template language; left empty → null (the caller's fallback);
 * anything else, of any type, is refused.
 */
const localeField: FieldSchema<NewsletterLocale | null> = z
  .unknown()
  .transform((raw, context): NewsletterLocale | null => {
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
    const typed = typeof raw === 'string' ? raw.trim() : '';
    const language = typed.toLowerCase().slice(0, 2);
    const locale = NEWSLETTER_LOCALES.find((candidate) => candidate === language);
    if (!/^[a-z]{2}([-_][a-z]{2})?$/i.test(typed) || !locale) {
      return reportProblem(
        context,
        problem('choice.invalid', { allowed: NEWSLETTER_LOCALES.join(', ') }),
        raw
      );
    }
    return locale;
  });

// the trap field is read as text so that bots filling it with anything still look accepted
const honeypotField: FieldSchema<string | null> = z
  .unknown()
  .transform((raw) => (typeof raw === 'string' ? raw : raw === null || raw === undefined ? null : 'filled'));

const redirectField = textField(NEWSLETTER_MAX_LENGTH.redirectTo);

/** Exported for the API document, which tells what the form may send from these. */
export const SIGN_UP_SCHEMAS: FieldSchemas<SignUpFields> = {
  email: emailField,
  firstName: textField(MAX_LENGTH.name),
  lastName: textField(MAX_LENGTH.name),
  source: textField(NEWSLETTER_MAX_LENGTH.source),
  locale: localeField,
  consentTextVersion: textField(NEWSLETTER_MAX_LENGTH.consentTextVersion),
  redirectTo: redirectField,
  [NEWSLETTER_HONEYPOT_FIELD]: honeypotField,
};

const isAllowedRedirect = (url: string, allowedOrigins: readonly string[]) => {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') && allowedOrigins.includes(parsed.origin)
    );
  } catch {
    return false;
  }
};

/**
 * @param body           the parsed JSON or form body
 * @param allowedOrigins origins a redirect may go to (config `newsletter.allowedOrigins`)
 * @param fallbackLocale the language when the form does not give one (the visitor's browser's)
 */
export function normaliseNewsletterSignUp(
  body: unknown,
  allowedOrigins: readonly string[],
  fallbackLocale: NewsletterLocale = 'fr'
): NormaliseResult<NewsletterSignUp> {
  if (!isPatchObject(body)) {
    return { ok: false, errors: [fieldError([], problem('signUp.notObject'))] };
  }
  const errors: FieldError[] = Object.keys(body)
    .filter((key) => !hasOwnField(SIGN_UP_SCHEMAS, key))
    .map((key) => fieldError([key], problem('signUp.unknownField')));

  const reading = readPatch(body, SIGN_UP_SCHEMAS);
  errors.push(...reading.errors);
  const { values } = reading;
  if (!reading.failedFields.has('email') && !values.email) {
    errors.push(fieldError(['email'], problem('required')));
  }
  if (values.redirectTo && !isAllowedRedirect(values.redirectTo, allowedOrigins)) {
    errors.push(fieldError(['redirectTo'], problem('signUp.redirectNotAllowed')));
  }
  if (errors.length > 0 || !values.email) return { ok: false, errors };

  return {
    ok: true,
    data: {
      email: values.email,
      firstName: values.firstName ?? null,
      lastName: values.lastName ?? null,
      source: values.source ?? null,
      locale: values.locale ?? fallbackLocale,
      consentTextVersion: values.consentTextVersion ?? null,
      redirectTo: values.redirectTo ?? null,
      isTrapped: Boolean(values[NEWSLETTER_HONEYPOT_FIELD]),
    },
  };
}
