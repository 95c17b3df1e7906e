/**
 * The plugin's validation and normalisation library. Pure: no Strapi import, so it runs the same
 * in document-service middlewares, controllers, imports and unit tests.
 */
export { normaliseContactPatch, CONTACT_DEFAULTS, CONTACT_FIELD_SCHEMAS } from './contact';
export { normaliseClientPatch, DEFAULT_CLIENT_TYPE, CLIENT_FIELD_SCHEMAS } from './client';
export { normaliseOfferPatch, DEFAULT_OFFER_STATUS, OFFER_FIELD_SCHEMAS } from './offer';
export { normaliseLinkPatch, LINK_FIELD_SCHEMAS } from './link';
export { buildClientSearchText, buildContactSearchText, normaliseSearchTerm } from './search-text';
export {
  SIMILAR_NAME_PART_THRESHOLD,
  SIMILAR_NAME_THRESHOLD,
  areSimilarNames,
  cityKey,
  clientNameKey,
  contactNameKey,
  emailLocalPartKey,
  namePartsOf,
  setSimilarity,
  siretKey,
  trigramSimilarity,
  trigramsOf,
  type NameParts,
} from './match-keys';
export { derivedClientFields, derivedContactFields } from './derived';
export { resolveCountryCode } from './country';
export { findDepartementsForPostalCode, isFrenchPostalCode, type Departement } from './france';
export { addressCountryOf } from './address';
export {
  FIELD_ERROR_CODES,
  FIELD_ERROR_MESSAGES,
  fieldError,
  isProblem,
  problem,
  type FieldErrorCode,
  type Problem,
} from './messages';
export {
  MESSAGE_LANGUAGES,
  messageLanguageOf,
  renderMessageIn,
  type MessageLanguage,
} from './localised-messages';
export type {
  AddressFields,
  ClientRecord,
  ContactRecord,
  FieldError,
  LinkRecord,
  NormaliseResult,
  OfferRecord,
} from './types';
