/**
 * What the API document says of the newsletter's routes: the sign-up form's fields, read from the
 * normalisers the form is checked with (validation.ts), and the answers of each route.
 */
import { z } from 'zod';
import {
  CONSENT_ACTIONS,
  CONSENT_ACTOR_KINDS,
  NEWSLETTER_HONEYPOT_FIELD,
  NEWSLETTER_LOCALES,
} from '../../../../shared/constants';
import { documentIdSchema, formatted, requestFieldsOf, type RouteDocs } from '../api-docs';
import { SIGN_UP_ACCEPTED_STATUS, signUpAccepted } from './controllers/newsletter';
import { EXPORT_COLUMNS } from './services/newsletter';
import { SIGN_UP_SCHEMAS } from './validation';

const FORM_FIELDS = requestFieldsOf(SIGN_UP_SCHEMAS, {
  written: {
    locale: z
      .string()
      .nullable()
      .meta({
        description:
          `The language of the answer, the mail and the pages: ${NEWSLETTER_LOCALES.join(' or ')} (a region is accepted, e.g. fr-FR). ` +
          'Left out, the language the browser asks for (Accept-Language) if it is one of these, else fr.',
      }),
    [NEWSLETTER_HONEYPOT_FIELD]: z
      .string()
      .nullable()
      .meta({ description: 'Leave empty: a field hidden from people, which only bots fill in.' }),
  },
  descriptions: {
    email: 'The address to subscribe; the confirmation mail goes there.',
    source: 'Where the form is, e.g. "footer" or "blog"; kept in the consent log.',
    consentTextVersion: 'The version of the consent text the visitor saw; kept in the consent log.',
    redirectTo: 'A page of an allowed website to send the visitor to (303) instead of a JSON answer.',
  },
});

/** Every field but the e-mail may be left out; nothing else may be sent. */
const signUpForm = z
  .object(
    Object.fromEntries(
      Object.entries(FORM_FIELDS).map(([name, schema]) => [
        name,
        name === 'email' ? schema : schema.optional(),
      ])
    )
  )
  .meta({ id: 'NewsletterSignUp', description: 'The sign-up form, sent as JSON or as a form.' });

export const SIGN_UP_BODY = {
  'application/json': signUpForm,
  'application/x-www-form-urlencoded': signUpForm,
};

export const SIGN_UP_ANSWER = z.object({
  data: z.object({
    status: z.literal(SIGN_UP_ACCEPTED_STATUS),
    message: z.string().meta({
      description: 'In the sign-up’s language (`Content-Language` says which).',
      examples: NEWSLETTER_LOCALES.map((locale) => signUpAccepted(locale).data.message),
    }),
  }),
});

export const TOKEN_PARAMS = { token: z.string().meta({ description: 'The token of the link in the mail.' }) };

export const CONSENT_EVIDENCE_PARAMS = { documentId: documentIdSchema };

const nullableText = (description?: string) =>
  description ? z.string().nullable().meta({ description }) : z.string().nullable();

/** A contact's consent log, newest first, each event with its evidence. */
export const CONSENT_EVIDENCE_ANSWER = z.object({
  data: z.array(
    z
      .object({
        documentId: documentIdSchema,
        action: z.enum(CONSENT_ACTIONS),
        occurredAt: formatted('date-time'),
        newsletter: z.boolean().nullable(),
        source: nullableText(),
        consentTextVersion: nullableText(),
        locale: nullableText(),
        actorKind: z.enum(CONSENT_ACTOR_KINDS),
        actorId: nullableText(),
        actorName: nullableText(),
        ipAddress: nullableText(
          'The visitor’s IP address, on the events of the public forms; null once erased.'
        ),
        userAgent: nullableText(
          'The visitor’s browser, on the events of the public forms; null once erased.'
        ),
        emailDigest: nullableText('HMAC of the address the event was about, keyed with the app’s secret.'),
      })
      .meta({ id: 'ConsentEvidence' })
  ),
});

const PAGE = 'text/html; charset=utf-8' as const;
const TOO_MANY = { 429: 'Too many requests from this address; `Retry-After` says when to try again.' };
const EXPIRED = { 410: { description: 'A page: the link has expired or was used.', media: PAGE } };
const UNKNOWN_LINK = { 404: { description: 'A page: the link is not valid.', media: PAGE } };

export const NEWSLETTER_DOCS = {
  subscribe: {
    tag: 'Newsletter',
    summary: 'Sign up for the newsletter',
    description:
      'The website’s form. Double opt-in: a confirmation mail is sent and the contact is subscribed only ' +
      'once the link in it is followed. Every accepted sign-up gets the same answer, whether the address ' +
      'is new, pending or already known; the work is done in the background.',
    success: {
      status: 202,
      description: 'Accepted: a confirmation mail is on its way if the address exists.',
    },
    otherAnswers: { 303: { description: 'Accepted, and sent to `redirectTo`.' } },
    errors: {
      400: 'A field is invalid, unknown, or `redirectTo` is not a page of an allowed website.',
      429: 'Too many sign-ups from this address or for this e-mail; `Retry-After` says when to try again.',
    },
  },
  showConfirmation: {
    tag: 'Newsletter',
    summary: 'Show the confirmation page',
    description: 'The link of the confirmation mail. Reading it confirms nothing: the page’s button does.',
    success: { status: 200, description: 'A page with the button that confirms.', media: PAGE },
    otherAnswers: EXPIRED,
    errors: TOO_MANY,
  },
  confirm: {
    tag: 'Newsletter',
    summary: 'Confirm a sign-up',
    description:
      'The confirmation page’s button: subscribes the contact and records the consent. The body is not read.',
    success: { status: 200, description: 'A page: the subscription is confirmed.', media: PAGE },
    otherAnswers: EXPIRED,
    errors: TOO_MANY,
  },
  showUnsubscribe: {
    tag: 'Newsletter',
    summary: 'Show the unsubscribe page',
    description: 'The unsubscribe link of every mail.',
    success: { status: 200, description: 'A page with the button that unsubscribes.', media: PAGE },
    otherAnswers: UNKNOWN_LINK,
    errors: TOO_MANY,
  },
  unsubscribe: {
    tag: 'Newsletter',
    summary: 'Unsubscribe',
    description:
      'One click (RFC 8058): mail clients post `List-Unsubscribe=One-Click` here, and so does the page’s ' +
      'button. The body is not read.',
    success: { status: 200, description: 'A page: the contact is unsubscribed.', media: PAGE },
    otherAnswers: UNKNOWN_LINK,
    errors: TOO_MANY,
  },
  exportSubscribers: {
    tag: 'Newsletter',
    summary: 'Export the subscribers',
    description:
      `The contacts subscribed to the newsletter who have an address, as CSV (UTF-8): ${EXPORT_COLUMNS.join(', ')}. ` +
      'See docs/website-forms.md.',
    success: { status: 200, description: 'The CSV file.', media: 'text/csv; charset=utf-8' },
  },
  consentEvidence: {
    tag: 'Consent log',
    summary: 'Read a contact’s consent log with its evidence',
    description:
      'The contact’s consent events, newest first, with what ties each to a device and an address: the IP ' +
      'address and user agent of the public forms and the keyed digest of the e-mail. The consent log’s own ' +
      'reads (and GraphQL) never show these. The scope is given explicitly (read-only API tokens do not have it).',
    success: { status: 200, description: 'The contact’s consent events with their evidence.' },
    errors: {
      400: 'A malformed documentId, or any query parameter.',
      404: 'No contact has this documentId.',
    },
  },
} satisfies Record<string, RouteDocs>;
