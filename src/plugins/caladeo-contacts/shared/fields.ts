/**
 * The field catalogue: one declaration per field of a contact, a client, a link and an offer —
 * its kind, bounds, whether it is personal data, its labels and the column headers an import may
 * give it. Validation, the admin routes' contracts, the admin's labels, documents and exports read
 * it; a test checks each content type's `schema.json` against it. Adding a field is one entry here
 * (plus its attribute in `schema.json` and a migration when a database needs one).
 */
import { CLIENT_TYPES, GENDERS, LANGUAGES, LINK_ROLES, MAX_LENGTH, OFFER_STATUSES } from './constants';

/** How a field is read and stored; each kind has one validation rule (server/src/validation/fields.ts). */
export type FieldKind =
  | 'text'
  | 'multiLineText'
  | 'email'
  | 'phone'
  | 'postalCode'
  | 'region'
  | 'country'
  | 'siret'
  | 'choice'
  | 'boolean'
  | 'date'
  | 'euros'
  | 'offerReference';

export type FieldSpec = {
  kind: FieldKind;
  /** Longest value stored, in characters. */
  maxLength?: number;
  /** The values a choice may take. */
  choices?: readonly string[];
  /** The value a create gets when the field is not given. */
  default?: string | boolean;
  /** A stored record always has a value (the field is never null). */
  required?: boolean;
  /** A choice also accepted in another case ("FR" for "fr"). */
  caseInsensitive?: boolean;
  /** Personal data: exported, shown in a person's history, cleared when a person is erased. */
  personal: boolean;
  label: { fr: string; en: string };
  /** Column headers an import maps to this field, lower case and without accents. */
  importHeaders: readonly string[];
};

type Catalogue = Record<string, FieldSpec>;

const text = <const Spec extends Omit<FieldSpec, 'kind' | 'maxLength'>>(maxLength: number, spec: Spec) => ({
  kind: 'text' as const,
  maxLength,
  ...spec,
});

/** The postal address of a contact or a client, in the order an address block prints it. */
const ADDRESS_FIELDS = {
  addressLine1: text(MAX_LENGTH.addressLine, {
    personal: true,
    label: { fr: 'Adresse', en: 'Address' },
    importHeaders: ['adresse', 'adresse 1', 'address', 'address 1', 'address line 1', 'rue', 'street'],
  }),
  addressLine2: text(MAX_LENGTH.addressLine, {
    personal: true,
    label: { fr: "Complément d'adresse", en: 'Address (continued)' },
    importHeaders: ['adresse 2', 'complement', "complement d'adresse", 'address 2', 'address line 2'],
  }),
  postalCode: {
    kind: 'postalCode',
    maxLength: MAX_LENGTH.postalCode,
    personal: true,
    label: { fr: 'Code postal', en: 'Postal code' },
    importHeaders: ['code postal', 'cp', 'postal code', 'postcode', 'zip', 'zip code'],
  },
  city: text(MAX_LENGTH.city, {
    personal: true,
    label: { fr: 'Ville', en: 'City' },
    importHeaders: ['ville', 'commune', 'localite', 'city', 'town'],
  }),
  region: {
    kind: 'region',
    maxLength: MAX_LENGTH.region,
    personal: true,
    label: { fr: 'Département / région', en: 'Département / region' },
    importHeaders: ['departement', 'region', 'province', 'state', 'county'],
  },
  country: {
    kind: 'country',
    maxLength: MAX_LENGTH.country,
    personal: true,
    label: { fr: 'Pays', en: 'Country' },
    importHeaders: ['pays', 'country', 'country code'],
  },
} as const satisfies Catalogue;

const EMAIL = {
  kind: 'email',
  maxLength: MAX_LENGTH.email,
  personal: true,
  label: { fr: 'E-mail', en: 'E-mail' },
  importHeaders: [
    'email',
    'e-mail',
    'mail',
    'courriel',
    'adresse email',
    'adresse e-mail',
    'email address',
    'e-mail address',
  ],
} as const satisfies FieldSpec;

const PHONE = {
  kind: 'phone',
  maxLength: MAX_LENGTH.phoneInput,
  personal: true,
  label: { fr: 'Téléphone', en: 'Phone' },
  importHeaders: ['telephone', 'tel', 'portable', 'mobile', 'phone', 'phone number', 'gsm'],
} as const satisfies FieldSpec;

export const CONTACT_FIELD_CATALOGUE = {
  firstName: text(MAX_LENGTH.name, {
    personal: true,
    label: { fr: 'Prénom', en: 'First name' },
    importHeaders: ['prenom', 'first name', 'firstname', 'given name'],
  }),
  lastName: text(MAX_LENGTH.name, {
    personal: true,
    label: { fr: 'Nom', en: 'Last name' },
    importHeaders: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name'],
  }),
  gender: {
    kind: 'choice',
    choices: GENDERS,
    default: 'unspecified',
    required: true,
    personal: true,
    label: { fr: 'Civilité', en: 'Gender' },
    importHeaders: ['civilite', 'genre', 'sexe', 'title', 'gender', 'salutation'],
  },
  email: EMAIL,
  phone: PHONE,
  ...ADDRESS_FIELDS,
  newsletter: {
    kind: 'boolean',
    default: false,
    required: true,
    personal: true,
    label: { fr: 'Newsletter', en: 'Newsletter' },
    importHeaders: ['newsletter', 'optin', 'opt-in', 'abonne', 'consentement', 'subscribed'],
  },
  preferredLanguage: {
    kind: 'choice',
    choices: LANGUAGES,
    default: 'fr',
    required: true,
    caseInsensitive: true,
    personal: true,
    label: { fr: 'Langue préférée', en: 'Preferred language' },
    importHeaders: ['langue', 'langue preferee', 'language', 'preferred language'],
  },
} as const satisfies Catalogue;

export const CLIENT_FIELD_CATALOGUE = {
  name: text(MAX_LENGTH.clientName, {
    required: true,
    personal: false,
    label: { fr: 'Nom', en: 'Name' },
    importHeaders: ['nom', 'raison sociale', 'societe', 'organisation', 'name', 'company', 'organization'],
  }),
  type: {
    kind: 'choice',
    choices: CLIENT_TYPES,
    default: 'company',
    required: true,
    personal: false,
    label: { fr: 'Type', en: 'Type' },
    importHeaders: ['type', 'type de client', 'client type'],
  },
  email: { ...EMAIL, personal: false },
  phone: { ...PHONE, personal: false },
  ...ADDRESS_FIELDS,
  siret: {
    kind: 'siret',
    maxLength: MAX_LENGTH.siret,
    personal: false,
    label: { fr: 'SIRET', en: 'SIRET' },
    importHeaders: ['siret', 'numero siret', 'siret number'],
  },
  notes: {
    kind: 'multiLineText',
    maxLength: MAX_LENGTH.notes,
    personal: false,
    label: { fr: 'Notes', en: 'Notes' },
    importHeaders: ['notes', 'remarques', 'commentaire', 'comments'],
  },
} as const satisfies Catalogue;

export const LINK_FIELD_CATALOGUE = {
  role: {
    kind: 'choice',
    choices: LINK_ROLES,
    required: true,
    personal: false,
    label: { fr: 'Rôle', en: 'Role' },
    importHeaders: ['role', 'fonction'],
  },
  isPrimary: {
    kind: 'boolean',
    default: false,
    required: true,
    personal: false,
    label: { fr: 'Contact principal', en: 'Primary contact' },
    importHeaders: ['principal', 'contact principal', 'primary'],
  },
} as const satisfies Catalogue;

export const OFFER_FIELD_CATALOGUE = {
  title: text(MAX_LENGTH.offerTitle, {
    required: true,
    personal: false,
    label: { fr: 'Titre', en: 'Title' },
    importHeaders: ['titre', 'intitule', 'title'],
  }),
  reference: {
    kind: 'offerReference',
    maxLength: MAX_LENGTH.offerReference,
    required: true,
    personal: false,
    label: { fr: 'Référence', en: 'Reference' },
    importHeaders: ['reference', 'ref', 'numero', 'reference number'],
  },
  offerStatus: {
    kind: 'choice',
    choices: OFFER_STATUSES,
    default: 'draft',
    required: true,
    personal: false,
    label: { fr: 'Statut', en: 'Status' },
    importHeaders: ['statut', 'etat', 'status'],
  },
  destination: text(MAX_LENGTH.destination, {
    personal: false,
    label: { fr: 'Destination', en: 'Destination' },
    importHeaders: ['destination'],
  }),
  startDate: {
    kind: 'date',
    personal: false,
    label: { fr: 'Date de départ', en: 'Start date' },
    importHeaders: ['depart', 'date de depart', 'start date', 'departure'],
  },
  endDate: {
    kind: 'date',
    personal: false,
    label: { fr: 'Date de retour', en: 'End date' },
    importHeaders: ['retour', 'date de retour', 'end date', 'return'],
  },
  pricePerPerson: {
    kind: 'euros',
    personal: false,
    label: { fr: 'Prix par personne', en: 'Price per person' },
    importHeaders: ['prix', 'prix par personne', 'tarif', 'price', 'price per person'],
  },
} as const satisfies Catalogue;

export const FIELD_CATALOGUES = {
  contact: CONTACT_FIELD_CATALOGUE,
  client: CLIENT_FIELD_CATALOGUE,
  link: LINK_FIELD_CATALOGUE,
  offer: OFFER_FIELD_CATALOGUE,
} as const;
export type RecordType = keyof typeof FIELD_CATALOGUES;

/** The TypeScript type of a stored value of a field. */
type StoredValue<Spec extends FieldSpec> = Spec extends { kind: 'choice'; choices: readonly (infer Choice)[] }
  ? Choice
  : Spec extends { kind: 'boolean' }
    ? boolean
    : Spec extends { kind: 'euros' }
      ? number
      : string;

/** A record's scalar fields as stored: a required field is never null. */
export type RecordOf<Fields extends Catalogue> = {
  -readonly [Name in keyof Fields]: Fields[Name] extends { required: true }
    ? StoredValue<Fields[Name]>
    : StoredValue<Fields[Name]> | null;
};

export type ContactFieldName = keyof typeof CONTACT_FIELD_CATALOGUE;
export type ClientFieldName = keyof typeof CLIENT_FIELD_CATALOGUE;

/** The field names of a type, in the catalogue's order (forms, tables and exports use it). */
export const fieldNames = <Type extends RecordType>(type: Type) =>
  Object.keys(FIELD_CATALOGUES[type]) as (keyof (typeof FIELD_CATALOGUES)[Type] & string)[];

/** The personal fields of a type: what an export carries and an erasure clears. */
export const personalFieldNames = (type: RecordType) =>
  Object.entries(FIELD_CATALOGUES[type] as Catalogue)
    .filter(([, spec]) => spec.personal)
    .map(([name]) => name);

/** `{ 'contact.firstName': 'Prénom', … }`: the labels of every field, in one language. */
export const fieldLabelMessages = (language: 'fr' | 'en') =>
  Object.fromEntries(
    Object.entries(FIELD_CATALOGUES).flatMap(([type, fields]) =>
      Object.entries(fields as Catalogue).map(([name, spec]) => [`${type}.${name}`, spec.label[language]])
    )
  ) as Record<FieldLabelKey, string>;

export type FieldLabelKey = {
  [Type in RecordType]: `${Type}.${keyof (typeof FIELD_CATALOGUES)[Type] & string}`;
}[RecordType];
