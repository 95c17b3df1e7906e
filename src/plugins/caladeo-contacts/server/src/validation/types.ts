import type { ClientType, Gender, Language, LinkRole, OfferStatus } from '../../../shared/constants';
import type { Problem } from './messages';

/**
 * One problem with one field; `path` is the field name as a one-element array (e.g. ['email']).
 * `code` and `values` are for translation, `message` is the English text made from them.
 */
export type FieldError = Problem & { path: string[]; message: string };

/** What an edge check read from a request: the value, or the field errors to answer with. */
export type Reading<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export type NormaliseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** The scalar fields of a contact as they are stored. */
export type ContactRecord = {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  gender: Gender;
  newsletter: boolean;
  preferredLanguage: Language;
  searchText: string;
};

/** The scalar fields of a client as they are stored. */
export type ClientRecord = {
  name: string;
  type: ClientType;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  siret: string | null;
  notes: string | null;
};

/** The scalar fields of an offer as they are stored. */
export type OfferRecord = {
  title: string;
  reference: string;
  /** `status` is Strapi's own name (draft or published) in its APIs and admin. */
  offerStatus: OfferStatus;
  destination: string | null;
  /** ISO calendar date, 'YYYY-MM-DD'. */
  startDate: string | null;
  /** ISO calendar date, 'YYYY-MM-DD'. */
  endDate: string | null;
  /** Euros per traveller, to the cent; null until the offer is priced. */
  pricePerPerson: number | null;
};

/** The scalar fields of a contact×client or contact×offer link. */
export type LinkRecord = {
  role: LinkRole;
  isPrimary: boolean;
};

/** The location-dependent fields shared by contacts and clients. */
export type AddressFields = {
  phone: string | null;
  postalCode: string | null;
  region: string | null;
  country: string | null;
};
