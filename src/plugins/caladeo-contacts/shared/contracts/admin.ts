/**
 * What the plugin's admin routes answer, shared by the server, the admin pages and the tests.
 * Only public fields appear here: the derived `searchText` and `primaryOf` never leave the server.
 */
import type { ConsentAction, ConsentActorKind, DuplicateReason, JobState, LinkRole } from '../constants';
import {
  fieldNames,
  type CLIENT_FIELD_CATALOGUE,
  type CONTACT_FIELD_CATALOGUE,
  type ClientFieldName,
  type ContactFieldName,
  type OFFER_FIELD_CATALOGUE,
  type RecordOf,
} from '../fields';

type ContactRecord = RecordOf<typeof CONTACT_FIELD_CATALOGUE>;
type ClientRecord = RecordOf<typeof CLIENT_FIELD_CATALOGUE>;
type OfferRecord = RecordOf<typeof OFFER_FIELD_CATALOGUE>;

/** The fields the contact pages read and write, in the catalogue's order (exports use it too). */
export const CONTACT_FIELDS = fieldNames('contact');
export type ContactField = ContactFieldName;

export const CLIENT_FIELDS = fieldNames('client');
export type ClientField = ClientFieldName;

type Timestamps = { documentId: string; createdAt: string; updatedAt: string };

/** A contact as the admin sees it: its stored fields without the private search text. */
export type Contact = Timestamps & ContactRecord;

export type Client = Timestamps & ClientRecord;

export type OfferSummary = { documentId: string } & Omit<OfferRecord, 'endDate'>;

export type ClientSummary = Pick<Client, 'documentId' | 'name' | 'type' | 'city'>;
export type ContactSummary = Pick<
  Contact,
  'documentId' | 'firstName' | 'lastName' | 'email' | 'phone' | 'city' | 'country'
>;

type LinkBase = { documentId: string; role: LinkRole; isPrimary: boolean };
export type ClientLink = LinkBase & { client: ClientSummary | null };
export type OfferLink = LinkBase & { offer: OfferSummary | null };
export type ContactLink = LinkBase & { contact: ContactSummary | null };

export type ContactDetail = Contact & { clientLinks: ClientLink[]; offerLinks: OfferLink[] };
export type ClientDetail = Client & { contactLinks: ContactLink[]; offers: OfferSummary[] };

/** One line of a contact's consent log (`GET /contacts/:documentId/consent-events`), newest first. */
export type ConsentEventEntry = {
  documentId: string;
  action: ConsentAction;
  occurredAt: string;
  newsletter: boolean;
  source: string | null;
  consentTextVersion: string | null;
  ipAddress: string | null;
  actorKind: ConsentActorKind;
  actorName: string | null;
};

export type ListPagination = {
  pageSize: number;
  /** Opaque key of the next page; null on the last page. */
  nextCursor: string | null;
  /** Exact up to a cap; beyond it `totalIsExact` is false and the total is a floor or an estimate. */
  total: number;
  totalIsExact: boolean;
};

export type ListResponse<Item> = { results: Item[]; pagination: ListPagination };
export type DetailResponse<Item> = { data: Item };

/** A background job as the "Tâches" page lists it (`GET /jobs`): never its payload. */
export type JobEntry = {
  id: number;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  progressDone: number | null;
  progressTotal: number | null;
  cancelRequested: boolean | null;
  claimedBy: string | null;
  availableAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
};

export type JobListResponse = {
  data: JobEntry[];
  meta: {
    pagination: { page: number; pageSize: number; total: number };
    counts: Record<JobState, number>;
    kinds: string[];
  };
};

/** A stored contact that may be the one being typed or shown, and why (`POST /contacts/duplicates/check`). */
export type LikelyDuplicate = {
  contact: Pick<Contact, 'documentId' | 'firstName' | 'lastName' | 'email' | 'phone' | 'postalCode' | 'city'>;
  score: number;
  reasons: DuplicateReason[];
};

export type LikelyDuplicatesResponse = { data: LikelyDuplicate[]; meta: Record<string, never> };
