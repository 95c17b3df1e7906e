/**
 * The plugin's validation and normalisation library. Pure: no Strapi import, so it runs the same
 * in document-service middlewares, controllers, imports and unit tests.
 */
export { normaliseContactPatch, CONTACT_DEFAULTS } from './contact';
export { normaliseClientPatch, DEFAULT_CLIENT_TYPE } from './client';
export { normaliseOfferPatch, DEFAULT_OFFER_STATUS } from './offer';
export { normaliseLinkPatch } from './link';
export { buildClientSearchText, buildContactSearchText, normaliseSearchTerm } from './search-text';
export { resolveCountryCode } from './country';
export { findDepartementsForPostalCode, isFrenchPostalCode, type Departement } from './france';
export { addressCountryOf } from './address';
export {
  FIELD_ERROR_CODES,
  FIELD_ERROR_MESSAGES,
  fieldError,
  problem,
  type FieldErrorCode,
  type Problem,
} from './messages';
export type {
  AddressFields,
  ClientRecord,
  ContactRecord,
  FieldError,
  LinkRecord,
  NormaliseResult,
  OfferRecord,
} from './types';
