/**
 * The agency's own details, printed on every document. They come from the plugin's configuration
 * (`config/plugins.ts`, overridable through CALADEO_AGENCY_* environment variables) and are
 * checked at boot: a typo there must stop the server, not produce wrong quotes.
 */
import { z } from 'zod';

import { DOCUMENT_LANGUAGES } from '../constants';
import { resolveCountryCode } from '../validation';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const agencySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    addressLine1: optionalText(200),
    addressLine2: optionalText(200),
    postalCode: optionalText(16),
    city: optionalText(100),
    country: z
      .string()
      .trim()
      .transform((value, context) => {
        const code = resolveCountryCode(value);
        if (code === null) {
          context.addIssue({ code: 'custom', message: `unknown country "${value}"` });
          return z.NEVER;
        }
        return code;
      }),
    phone: optionalText(40),
    email: optionalText(254).pipe(z.email().nullable()),
    website: optionalText(200),
    siret: optionalText(20),
    /** Atout France registration number, compulsory on a French travel agency's documents. */
    registration: optionalText(60),
    /** The person who signs letters and quotes. */
    signatory: optionalText(200),
    /** The language of documents whose addressee has no preference. */
    defaultLanguage: z.enum(DOCUMENT_LANGUAGES),
    /** The agency's time zone: the date printed on a document is the agency's today. */
    timeZone: z
      .string()
      .trim()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'is not a known time zone'),
  })
  .strict();

export type AgencyDetails = z.output<typeof agencySchema>;

/** What a fresh install prints until the agency fills in its own details. */
export const DEFAULT_AGENCY = {
  name: 'Caladeo Voyages',
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  country: 'FR',
  phone: null,
  email: null,
  website: null,
  siret: null,
  registration: null,
  signatory: null,
  defaultLanguage: 'fr',
  timeZone: 'Europe/Paris',
} as const;

/** Today's calendar date where the agency is, 'YYYY-MM-DD'. */
export function agencyToday(agency: AgencyDetails, now: Date = new Date()): string {
  // the Canadian English format is ISO's year-month-day
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: agency.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Reads the configured agency over the defaults (Strapi replaces a plugin's default config key by
 * the app's, it does not merge inside it); throws with every offending path when it is invalid.
 */
export function parseAgencyConfig(input: unknown): AgencyDetails {
  const configured = input && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const result = agencySchema.safeParse({ ...DEFAULT_AGENCY, ...configured });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `agency.${issue.path.join('.')}: ${issue.message}`);
    throw new Error(problems.join('; '));
  }
  return result.data;
}
