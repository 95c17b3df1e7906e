import type {
  CLIENT_FIELD_CATALOGUE,
  CONTACT_FIELD_CATALOGUE,
  LINK_FIELD_CATALOGUE,
  OFFER_FIELD_CATALOGUE,
  RecordOf,
} from '../../../shared/fields';
import type { Problem } from './messages';

/**
 * One problem with one field; `path` is the field name as a one-element array (e.g. ['email']).
 * `code` and `values` are for translation, `message` is the English text made from them.
 */
export type FieldError = Problem & { path: string[]; message: string };

/** What an edge check read from a request: the value, or the field errors to answer with. */
export type Reading<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export type NormaliseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** The scalar fields of a contact as they are stored (the field catalogue's), and its derived search text. */
export type ContactRecord = RecordOf<typeof CONTACT_FIELD_CATALOGUE> & { searchText: string };

/** The scalar fields of a client as they are stored. */
export type ClientRecord = RecordOf<typeof CLIENT_FIELD_CATALOGUE>;

/**
 * The scalar fields of an offer as they are stored: dates are ISO calendar dates ('YYYY-MM-DD'),
 * the price is in euros per traveller. Its stage is `offerStatus`: `status` is Strapi's own name
 * (draft or published) in its APIs and admin.
 */
export type OfferRecord = RecordOf<typeof OFFER_FIELD_CATALOGUE>;

/** The scalar fields of a contact×client or contact×offer link. */
export type LinkRecord = RecordOf<typeof LINK_FIELD_CATALOGUE>;

/** The location-dependent fields shared by contacts and clients. */
export type AddressFields = {
  phone: string | null;
  postalCode: string | null;
  region: string | null;
  country: string | null;
};
