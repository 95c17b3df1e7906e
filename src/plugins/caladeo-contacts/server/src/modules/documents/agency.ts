/**
 * The agency's own details, printed on every document. They come from the plugin's configuration
 * (`config/plugins.ts`, overridable through CALADEO_AGENCY_* environment variables) and are
 * checked at boot: a typo there must stop the server, not produce wrong quotes.
 */
import { z } from 'zod';

import { DOCUMENT_LANGUAGES } from '../../../../shared/constants';
import { resolveCountryCode } from '../../validation';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

export const agencySchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
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
          context.addIssue({ code: 'custom', message: `must be a country, "${value}" is not one` });
          return z.NEVER;
        }
        return code;
      }),
    phone: optionalText(40),
    email: optionalText(254).pipe(z.email('must be an e-mail address').nullable()),
    website: optionalText(200),
    siret: optionalText(20),
    /** Atout France registration number, compulsory on a French travel agency's documents. */
    registration: optionalText(60),
    /** The person who signs letters and quotes. */
    signatory: optionalText(200),
    /** The language of documents whose addressee has no preference. */
    defaultLanguage: z.enum(DOCUMENT_LANGUAGES, `must be one of ${DOCUMENT_LANGUAGES.join(', ')}`),
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
      }, 'must be a time zone such as Europe/Paris'),
  })
  .strict();

export type AgencyDetails = z.output<typeof agencySchema>;

/**
 * The environment variable that sets each detail (read by `config/plugins.ts`), named in the
 * error that stops the boot so that whoever deploys knows what to fix.
 */
export const AGENCY_ENVIRONMENT_VARIABLES = {
  name: 'CALADEO_AGENCY_NAME',
  addressLine1: 'CALADEO_AGENCY_ADDRESS_LINE1',
  addressLine2: 'CALADEO_AGENCY_ADDRESS_LINE2',
  postalCode: 'CALADEO_AGENCY_POSTAL_CODE',
  city: 'CALADEO_AGENCY_CITY',
  country: 'CALADEO_AGENCY_COUNTRY',
  phone: 'CALADEO_AGENCY_PHONE',
  email: 'CALADEO_AGENCY_EMAIL',
  website: 'CALADEO_AGENCY_WEBSITE',
  siret: 'CALADEO_AGENCY_SIRET',
  registration: 'CALADEO_AGENCY_REGISTRATION',
  signatory: 'CALADEO_AGENCY_SIGNATORY',
  defaultLanguage: 'CALADEO_AGENCY_LANGUAGE',
  timeZone: 'CALADEO_AGENCY_TIME_ZONE',
} as const satisfies Record<keyof AgencyDetails, string>;

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

const isAgencyField = (key: unknown): key is keyof AgencyDetails =>
  typeof key === 'string' && Object.hasOwn(AGENCY_ENVIRONMENT_VARIABLES, key);

/** `agency.email (CALADEO_AGENCY_EMAIL) must be an e-mail address`, one per problem. */
const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `agency.${key} is not a setting`);
    const [field] = issue.path;
    const variable = isAgencyField(field) ? ` (${AGENCY_ENVIRONMENT_VARIABLES[field]})` : '';
    return [`agency.${issue.path.join('.')}${variable} ${issue.message}`];
  });

/**
 * Reads the configured agency over the defaults (Strapi replaces a plugin's default config key by
 * the app's, it does not merge inside it); throws with every offending path, and the environment
 * variable that sets it, when it is invalid. The plugin's config validator calls it at boot.
 */
export function parseAgencyConfig(input: unknown): AgencyDetails {
  const configured = input && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const result = agencySchema.safeParse({ ...DEFAULT_AGENCY, ...configured });
  if (!result.success) {
    throw new Error(`caladeo-contacts: ${describeIssues(result.error.issues).join('; ')}`);
  }
  return result.data;
}
