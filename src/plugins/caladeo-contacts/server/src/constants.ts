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
] as const;

type ActionUid = (typeof ACTIONS)[number]['uid'];
export type AdminAction = `plugin::${typeof PLUGIN_ID}.${ActionUid}`;

/** The full action id of each admin action, as roles hold it and routes check it. */
export const ACTION = Object.fromEntries(ACTIONS.map(({ uid }) => [uid, `plugin::${PLUGIN_ID}.${uid}`])) as {
  [Uid in ActionUid]: `plugin::${typeof PLUGIN_ID}.${Uid}`;
};
