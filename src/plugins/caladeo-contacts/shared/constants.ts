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
  newsletterSignUp: 'plugin::caladeo-contacts.newsletter-sign-up',
  job: 'plugin::caladeo-contacts.job',
  jobSchedule: 'plugin::caladeo-contacts.job-schedule',
  contactImport: 'plugin::caladeo-contacts.import',
  importChunk: 'plugin::caladeo-contacts.import-chunk',
  importTemplate: 'plugin::caladeo-contacts.import-template',
  historyEntry: 'plugin::caladeo-contacts.history-entry',
  duplicatePair: 'plugin::caladeo-contacts.duplicate-pair',
  contactMerge: 'plugin::caladeo-contacts.contact-merge',
  clientMerge: 'plugin::caladeo-contacts.client-merge',
  contactEmailAlias: 'plugin::caladeo-contacts.contact-email-alias',
  contactLegalHold: 'plugin::caladeo-contacts.contact-legal-hold',
  retentionSetting: 'plugin::caladeo-contacts.retention-setting',
  retentionRun: 'plugin::caladeo-contacts.retention-run',
  contactErasure: 'plugin::caladeo-contacts.contact-erasure',
  privacySuppression: 'plugin::caladeo-contacts.privacy-suppression',
  listView: 'plugin::caladeo-contacts.list-view',
  listPreference: 'plugin::caladeo-contacts.list-preference',
} as const;

/** Strapi's own admin users, whose saved views and columns the plugin keeps (list-views). */
export const ADMIN_USER_UID = 'admin::user';

/** What a Strapi documentId looks like (lower-case letters and digits); anything else names no record. */
/** How long a list of the tab waits after the last key before it searches what was typed. */
export const TYPING_PAUSE_MS = 150;

export const DOCUMENT_ID_PATTERN = /^[a-z0-9]{1,64}$/;

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

/** The role a contact plays on a client or an offer, in the order documents list them. */
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

/**
 * Most contacts ticked one by one that an export of a selection names (their ids travel in one
 * URL), and the default of `bulk.inlineMax`: the most a bulk attach or delete does while its
 * request waits, one contact's transaction at a time. Past it the action is a background job, up
 * to `bulk.jobMaxContacts` (an export of every result of a search has no limit: it streams).
 */
export const BULK_MAX_CONTACTS = 500;

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

/**
 * Orders of the offer list: by start date, latest trips first (`startDate`) or soonest first
 * (`startDateAsc`), offers without dates last; or by reference.
 */
export const OFFER_LIST_ORDERS = ['startDate', 'startDateAsc', 'reference'] as const;
export type OfferListOrder = (typeof OFFER_LIST_ORDERS)[number];

/** Roles whose holders travel: they are listed (and counted) as the offer's travellers. */
export const TRAVELLING_ROLES: readonly LinkRole[] = ['voyageur', 'accompagnateur'];

/**
 * Version of the offer document context's JSON shape. Raised on any change that could break a
 * template (a field removed, renamed or retyped); adding a field does not raise it.
 */
export const OFFER_CONTEXT_VERSION = 1;

/** Offers are priced in euros, the agency's currency. */
export const QUOTE_CURRENCY = 'EUR';

/** The highest price per traveller an offer may carry, in euros. */
export const MAX_PRICE_PER_PERSON = 1_000_000;

/**
 * Content-API actions of the document routes (users-permissions actions and API-token scopes).
 * Their names end in `findOne` on purpose: Strapi lets read-only API tokens through only on
 * actions named `find`/`findOne`, and these routes only read.
 */
export const DOCUMENT_CONTENT_API_ACTIONS = {
  offerContext: `plugin::${PLUGIN_ID}.offer-context.findOne`,
  offerQuote: `plugin::${PLUGIN_ID}.offer-quote.findOne`,
} as const;

/**
 * The admin actions of the plugin, registered with Strapi's action provider at boot. Each becomes
 * `plugin::caladeo-contacts.<uid>`, granted per admin role in Settings → Roles, and checked by
 * every admin route (`admin::hasPermissions`) and by the admin pages.
 */
export const ACTIONS = [
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'contacts.read',
    displayName: 'Read contacts',
    subCategory: 'contacts',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'contacts.create',
    displayName: 'Create contacts',
    subCategory: 'contacts',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'contacts.update',
    displayName: 'Edit contacts and their roles',
    subCategory: 'contacts',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'contacts.delete',
    displayName: 'Delete contacts',
    subCategory: 'contacts',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'contacts.export',
    displayName: 'Export contacts',
    subCategory: 'contacts',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'clients.read',
    displayName: 'Read clients',
    subCategory: 'clients',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'clients.create',
    displayName: 'Create clients',
    subCategory: 'clients',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'clients.update',
    displayName: 'Edit clients',
    subCategory: 'clients',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'clients.delete',
    displayName: 'Delete clients',
    subCategory: 'clients',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'clients.export',
    displayName: 'Export clients',
    subCategory: 'clients',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'offers.read',
    displayName: 'Read offers and the people on them',
    subCategory: 'offers',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'newsletter.export',
    displayName: 'Export newsletter subscribers',
    subCategory: 'newsletter',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'consent.read',
    displayName: 'Read the consent log',
    subCategory: 'newsletter',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'consent.evidence',
    displayName: 'Read the consent log with its evidence (IP address, browser)',
    subCategory: 'newsletter',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'documents.generate',
    displayName: 'Generate quotes',
    subCategory: 'documents',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'jobs.read',
    displayName: 'See background jobs',
    subCategory: 'jobs',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'jobs.manage',
    displayName: 'Retry and cancel background jobs',
    subCategory: 'jobs',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'imports.read',
    displayName: 'See imports and their error files',
    subCategory: 'imports',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'imports.create',
    displayName: 'Import contacts from files and save mapping templates',
    subCategory: 'imports',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'imports.manage',
    displayName: 'Cancel and undo imports, delete mapping templates',
    subCategory: 'imports',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'history.read',
    displayName: 'Read the history of contacts and clients',
    subCategory: 'history',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'duplicates.manage',
    displayName: 'Run the duplicate scan and dismiss likely duplicates',
    subCategory: 'duplicates',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'contacts.merge',
    displayName: 'Merge duplicate contacts and undo merges',
    subCategory: 'contacts',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'clients.merge',
    displayName: 'Merge duplicate clients and undo their merges',
    subCategory: 'clients',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'privacy.settings',
    displayName: 'Set data retention, put contacts on legal hold and see retention runs',
    subCategory: 'privacy',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'privacy.erase',
    displayName: "Erase a person's personal data",
    subCategory: 'privacy',
  },
  {
    section: 'plugins',
    pluginName: PLUGIN_ID,
    uid: 'privacy.export',
    displayName: "Export a person's data (access requests)",
    subCategory: 'privacy',
  },
] as const;

type ActionUid = (typeof ACTIONS)[number]['uid'];
export type AdminAction = `plugin::${typeof PLUGIN_ID}.${ActionUid}`;

/** The full action id of each admin action, as roles hold it and routes check it. */
export const ACTION = Object.fromEntries(ACTIONS.map(({ uid }) => [uid, `plugin::${PLUGIN_ID}.${uid}`])) as {
  [Uid in ActionUid]: `plugin::${typeof PLUGIN_ID}.${Uid}`;
};

/** What happened to a contact's newsletter consent, as kept in the consent log. */
export const CONSENT_ACTIONS = [
  'requested',
  'confirmed',
  'withdrawn',
  'set_by_staff',
  'set_by_api',
  'set_by_import',
] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** The actions that set the newsletter flag directly (staff, API, import); their event keeps the new value. */
export const CONSENT_SETTING_ACTIONS = ['set_by_staff', 'set_by_api', 'set_by_import'] as const;
export type ConsentSettingAction = (typeof CONSENT_SETTING_ACTIONS)[number];

/**
 * What a consent event is called: a direct change names the way it set the newsletter
 * (`set_by_staff.on`, `set_by_api.off`), the public flows' events their action alone.
 */
export const consentEventWording = (event: { action?: unknown; newsletter?: unknown }): string => {
  const action = String(event.action ?? '');
  const setsTheFlag = CONSENT_SETTING_ACTIONS.some((setting) => setting === action);
  return setsTheFlag && typeof event.newsletter === 'boolean'
    ? `${action}.${event.newsletter ? 'on' : 'off'}`
    : action;
};

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

/**
 * Route middleware giving a populated relation the caller may not read an empty value ([] or null)
 * rather than no key at all (also used by the app's offer routes).
 */
export const UNREADABLE_RELATIONS_MIDDLEWARE = `plugin::${PLUGIN_ID}.unreadable-relations`;

/**
 * Route middleware refusing a create or update body that names a field only the server sets
 * (timestamps, `publishedAt`, search text…); also used by the app's offer routes.
 */
export const SERVER_FIELDS_MIDDLEWARE = `plugin::${PLUGIN_ID}.server-fields`;
/**
 * Route middleware refusing a sort that goes on past a field (`sort=lastName.x`), which Strapi would
 * hand to the database and fail on (also used by the app's offer routes).
 */
export const SORT_THROUGH_FIELD_MIDDLEWARE = `plugin::${PLUGIN_ID}.sort-through-field`;

/** Route middleware refusing queries that name the consent log to callers who may not read it. */
export const CONSENT_LOG_QUERY_MIDDLEWARE = `plugin::${PLUGIN_ID}.consent-log-query`;

/**
 * Where a background job stands. A failed attempt puts it back to `queued` with a later
 * `availableAt`; `dead` means every attempt failed (its last error is kept, an admin may retry it).
 */
export const JOB_STATES = ['queued', 'running', 'completed', 'dead', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** How an import treats rows whose e-mail is already a contact's. */
export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_STATUSES = [
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
  'undoing',
  'undone',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * Why two contacts may be one person, strongest first (server/src/modules/duplicates/reasons.ts
 * decides them; the admin and the API name them by these codes).
 */
export const DUPLICATE_REASONS = [
  'email',
  'phone',
  'nameAndPostalCode',
  'nameAndClient',
  'nameAndCity',
  'similarNameAndPostalCode',
  'emailLocalPart',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Why two clients may be one body, strongest first (server/src/modules/duplicates/reasons.ts). */
export const CLIENT_DUPLICATE_REASONS = ['siret', 'nameAndCity'] as const;
export type ClientDuplicateReason = (typeof CLIENT_DUPLICATE_REASONS)[number];

/** Who made a change kept in the history (docs/history.md). */
export const HISTORY_ACTOR_TYPES = [
  'admin_user',
  'api_token',
  'api_user',
  'visitor',
  'import',
  'job',
  'system',
] as const;
export type HistoryActorType = (typeof HISTORY_ACTOR_TYPES)[number];

/** Through which door a change came in. */
export const HISTORY_ENTRY_POINTS = [
  'admin',
  'rest',
  'graphql',
  'import',
  'newsletter',
  'job',
  'system',
] as const;
export type HistoryEntryPoint = (typeof HISTORY_ENTRY_POINTS)[number];

/** What a history entry says happened to its target. */
export const HISTORY_ACTIONS = [
  'create',
  'update',
  'delete',
  'link',
  'unlink',
  'merge',
  'unmerge',
  'erase',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** The records whose history is kept, by the name entries give them. */
export const HISTORY_TARGET_TYPES = ['contact', 'client', 'offer'] as const;
export type HistoryTargetType = (typeof HISTORY_TARGET_TYPES)[number];

/**
 * Where a likely duplicate pair found by the scan stands: `open` is proposed on the "Doublons"
 * page, `dismissed` was judged "not a duplicate" and is never proposed again, `merged` was merged.
 */
export const DUPLICATE_PAIR_STATUSES = ['open', 'dismissed', 'merged'] as const;
export type DuplicatePairStatus = (typeof DUPLICATE_PAIR_STATUSES)[number];

/** A merge joins at most this many contacts, or clients (the survivor included). */
export const MAX_MERGED_CONTACTS = 5;

/** Content-API actions of the merge routes (users-permissions actions and API-token scopes). */
export const MERGE_CONTENT_API_ACTIONS = {
  merge: `plugin::${PLUGIN_ID}.contact-merges.create`,
  undo: `plugin::${PLUGIN_ID}.contact-merges.undo`,
  mergeClients: `plugin::${PLUGIN_ID}.client-merges.create`,
  undoClients: `plugin::${PLUGIN_ID}.client-merges.undo`,
} as const;

/**
 * The retention policies (docs/privacy.md): a contact never linked to an accepted offer is
 * anonymised some months after its last activity, a contact of accepted offers some months after
 * the end of its last trip.
 */
export const RETENTION_POLICIES = ['prospect', 'client'] as const;
export type RetentionPolicy = (typeof RETENTION_POLICIES)[number];

/** The longest retention period that may be set, in months (50 years). */
export const MAX_RETENTION_MONTHS = 600;

/** The longest reason of a legal hold, in characters. */
export const MAX_LEGAL_HOLD_REASON = 500;

/** How a retention run ended: `failed` when it stopped before the end (its error is kept). */
export const RETENTION_RUN_STATUSES = ['running', 'completed', 'failed'] as const;
export type RetentionRunStatus = (typeof RETENTION_RUN_STATUSES)[number];
/** Content-API action of the erasure route (users-permissions action and API-token scope). */
export const ERASURE_CONTENT_API_ACTIONS = {
  erase: `plugin::${PLUGIN_ID}.contact-erasures.create`,
} as const;

/** Why a contact's personal data was erased: the person asked, or the retention period ran out. */
export const ERASURE_REASONS = ['request', 'retention'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/**
 * The last name an erased contact keeps: a contact needs a name or an e-mail to pass its
 * validation, and documents addressed to it still need someone to name.
 */
export const ERASED_CONTACT_LAST_NAME = 'Personne effacée';

/** What a suppression-list entry is the keyed hash of. */
export const SUPPRESSION_KINDS = ['email', 'phone'] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];

/**
 * Content-API actions of the access-request routes (users-permissions actions and API-token
 * scopes). Neither ends in `find`/`findOne`, so read-only tokens hold neither: an export is
 * everything held about a person, given to an app on purpose.
 */
export const ACCESS_CONTENT_API_ACTIONS = {
  export: `plugin::${PLUGIN_ID}.contact-exports.export`,
  lookup: `plugin::${PLUGIN_ID}.contact-exports.lookup`,
} as const;

/**
 * Content-API action (users-permissions action and API-token scope) of a contact's consent log with
 * its evidence: the IP address, user agent and e-mail digest of each event, which the consent log's
 * own `find`/`findOne` never show. Not a `find`: read-only tokens do not hold it.
 */
export const CONSENT_EVIDENCE_CONTENT_API_ACTION = `plugin::${PLUGIN_ID}.consent-evidence.read`;

/** Version of the person export's JSON shape (docs/privacy.md); raised on any change that could break a reader. */
export const PERSON_EXPORT_FORMAT = 'caladeo-contacts.person-export';
export const PERSON_EXPORT_VERSION = 1;

/** Languages of the readable summary of a person export. */
export const PERSON_EXPORT_LOCALES = ['fr', 'en'] as const;
export type PersonExportLocale = (typeof PERSON_EXPORT_LOCALES)[number];
