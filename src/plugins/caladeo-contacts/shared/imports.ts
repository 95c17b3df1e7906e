/**
 * What a column of an imported file may feed: a field of the contact (from the field catalogue),
 * or one of the link targets that attach the contact to a client or an offer. The server's
 * mapping and the admin's mapping editor both read this list.
 */
import { fieldNames, type ContactFieldName } from './fields';

export const IMPORT_LINK_TARGETS = [
  'client',
  'clientRole',
  'clientPrimary',
  'offerReference',
  'offerRole',
] as const;
export type ImportLinkTarget = (typeof IMPORT_LINK_TARGETS)[number];

/** Where and when a row's person consented to the newsletter, when the file says it row by row. */
export const IMPORT_CONSENT_TARGETS = ['consentSource', 'consentedAt'] as const;
export type ImportConsentTarget = (typeof IMPORT_CONSENT_TARGETS)[number];

/** The targets that are not fields of the contact. */
export type ImportExtraTarget = ImportLinkTarget | ImportConsentTarget;
export const IMPORT_EXTRA_TARGETS: readonly ImportExtraTarget[] = [
  ...IMPORT_LINK_TARGETS,
  ...IMPORT_CONSENT_TARGETS,
];

export type ImportTarget = ContactFieldName | ImportExtraTarget;
export const IMPORT_TARGETS: readonly ImportTarget[] = [...fieldNames('contact'), ...IMPORT_EXTRA_TARGETS];

/**
 * The link targets' labels and the column headers an import maps to them (lower case, without
 * accents, as the catalogue writes its own).
 */
export const IMPORT_EXTRA_TARGET_CATALOGUE: Record<
  ImportExtraTarget,
  { label: { fr: string; en: string }; importHeaders: readonly string[] }
> = {
  client: {
    label: { fr: 'Client (nom)', en: 'Client (name)' },
    importHeaders: [
      'client',
      'societe',
      'entreprise',
      'raison sociale',
      'organisation',
      'association',
      'groupe',
      'company',
      'organization',
      'client name',
    ],
  },
  clientRole: {
    label: { fr: 'Rôle chez le client', en: 'Role at the client' },
    importHeaders: ['role', 'fonction', 'role client', 'client role', 'position'],
  },
  clientPrimary: {
    label: { fr: 'Contact principal du client', en: "Client's primary contact" },
    importHeaders: ['contact principal', 'principal', 'primary', 'primary contact'],
  },
  offerReference: {
    label: { fr: 'Offre (référence)', en: 'Offer (reference)' },
    importHeaders: ['offre', 'reference offre', 'ref offre', 'voyage', 'offer', 'offer reference'],
  },
  offerRole: {
    label: { fr: "Rôle sur l'offre", en: 'Role on the offer' },
    importHeaders: ['role offre', 'role voyage', 'role sur l offre', 'offer role'],
  },
  consentSource: {
    label: { fr: 'Origine du consentement', en: 'Consent source' },
    importHeaders: [
      'origine du consentement',
      'source du consentement',
      'origine consentement',
      'source consentement',
      'consent source',
      'consent origin',
    ],
  },
  consentedAt: {
    label: { fr: 'Date du consentement', en: 'Consent date' },
    importHeaders: [
      'date du consentement',
      'date consentement',
      'date d inscription',
      'consent date',
      'consented at',
    ],
  },
};
