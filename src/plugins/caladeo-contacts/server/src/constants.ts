/**
 * Every UID, enum and permission action of the plugin lives here, so that the server, the admin
 * and the tests never spell one by hand.
 */
export const PLUGIN_ID = 'caladeo-contacts';

export const UID = {
  contact: 'plugin::caladeo-contacts.contact',
  client: 'plugin::caladeo-contacts.client',
  clientContact: 'plugin::caladeo-contacts.client-contact',
  offerContact: 'plugin::caladeo-contacts.offer-contact',
  offer: 'api::offer.offer',
  consentEvent: 'plugin::caladeo-contacts.consent-event',
  newsletterConfirmation: 'plugin::caladeo-contacts.newsletter-confirmation',
} as const;

export type ContactUid = (typeof UID)['contact'];
export type ManagedUid = (typeof UID)[keyof typeof UID];

export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

/** Languages a contact may be written to in documents and mails. */
export const LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CLIENT_TYPES = [
  'company',
  'association',
  'friends_group',
  'works_council',
  'school',
  'public_body',
  'other',
] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

export const OFFER_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'cancelled'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The role a contact plays on a client or an offer. */
export const LINK_ROLES = [
  'responsable_voyage',
  'president',
  'payeur',
  'voyageur',
  'accompagnateur',
  'contact_facturation',
  'autre',
] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

/** Bounds shared by the schemas, the validation and the admin forms. */
export const MAX_LENGTH = {
  name: 100,
  email: 254,
  phoneInput: 40,
  addressLine: 200,
  postalCode: 16,
  city: 100,
  region: 100,
  country: 60,
  clientName: 200,
  siret: 20,
  notes: 5000,
  offerTitle: 200,
  offerReference: 40,
  destination: 200,
} as const;

/** Languages generated documents are written in; a contact preferring another one gets English. */
export const DOCUMENT_LANGUAGES = ['fr', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Roles whose holders travel: they are listed (and counted) as the offer's travellers. */
export const TRAVELLING_ROLES: readonly LinkRole[] = ['voyageur', 'accompagnateur'];

/**
 * Version of the offer document context's JSON shape. Raised on any change that could break a
 * template (a field removed, renamed or retyped); adding a field does not raise it.
 */
export const OFFER_CONTEXT_VERSION = 1;

/**
 * Content-API actions of the document routes (users-permissions actions and API-token scopes).
 * Their names end in `findOne` on purpose: Strapi lets read-only API tokens through only on
 * actions named `find`/`findOne`, and these routes only read.
 */
export const DOCUMENT_CONTENT_API_ACTIONS = {
  offerContext: `plugin::${PLUGIN_ID}.offer-context.findOne`,
  offerQuote: `plugin::${PLUGIN_ID}.offer-quote.findOne`,
} as const;

/** Admin panel actions, registered once in bootstrap; every admin route checks one by `ADMIN_ACTION`. */
export const ACTIONS = [
  {
    section: 'plugins',
    displayName: 'Export newsletter subscribers',
    uid: 'newsletter.export',
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Read the consent log',
    uid: 'consent.read',
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Generate quotes',
    uid: 'documents.generate',
    pluginName: PLUGIN_ID,
  },
] as const;
export const ADMIN_ACTION = {
  newsletterExport: `plugin::${PLUGIN_ID}.newsletter.export`,
  consentRead: `plugin::${PLUGIN_ID}.consent.read`,
  generateDocuments: `plugin::${PLUGIN_ID}.documents.generate`,
} as const;

/** What happened to a contact's newsletter consent, as kept in the consent log. */
export const CONSENT_ACTIONS = ['requested', 'confirmed', 'withdrawn', 'set_by_staff', 'set_by_api'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** Who caused a consent event: a visitor of a public page, an admin user, an API token, a REST user, or code. */
export const CONSENT_ACTOR_KINDS = ['visitor', 'admin_user', 'api_token', 'api_user', 'system'] as const;
export type ConsentActorKind = (typeof CONSENT_ACTOR_KINDS)[number];

/** Languages the newsletter mails and pages are written in. */
export const NEWSLETTER_LOCALES = ['fr', 'en'] as const;
export type NewsletterLocale = (typeof NEWSLETTER_LOCALES)[number];

/** The sign-up form's trap field: hidden from people, filled in by bots. */
export const NEWSLETTER_HONEYPOT_FIELD = 'website';

export const NEWSLETTER_MAX_LENGTH = {
  source: 100,
  consentTextVersion: 50,
  userAgent: 500,
  ipAddress: 45,
  redirectTo: 500,
} as const;

/** Route middleware adding the contacts' derived fields to REST output (also used by the app's offer routes). */
export const DERIVED_CONTACT_FIELDS_MIDDLEWARE = `plugin::${PLUGIN_ID}.derived-contact-fields`;
