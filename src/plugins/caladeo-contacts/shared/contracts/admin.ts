/**
 * What the plugin's admin routes answer, shared by the server, the admin pages and the tests.
 * Only public fields appear here: the derived `searchText` and `primaryOf` never leave the server.
 */
import type {
  ClientDuplicateReason,
  ConsentAction,
  ConsentActorKind,
  DuplicateReason,
  HistoryActorType,
  HistoryEntryPoint,
  ImportMode,
  ImportStatus,
  JobState,
  LinkRole,
} from '../constants';
import {
  fieldNames,
  type CLIENT_FIELD_CATALOGUE,
  type CONTACT_FIELD_CATALOGUE,
  type ClientFieldName,
  type ContactFieldName,
  type OFFER_FIELD_CATALOGUE,
  type RecordOf,
} from '../fields';
import type { ImportTarget } from '../imports';

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
/** Who a client's or an offer's documents are addressed to: this contact or another one. */
export type PrimaryContact = Pick<Contact, 'documentId' | 'firstName' | 'lastName' | 'email'>;
/**
 * On a contact's page each link also names its target's primary contact (null when the target has
 * none), so that taking the primary role can say who loses it.
 */
export type ClientLink = LinkBase & { client: ClientSummary | null; primaryContact: PrimaryContact | null };
export type OfferLink = LinkBase & { offer: OfferSummary | null; primaryContact: PrimaryContact | null };
export type ContactLink = LinkBase & { contact: ContactSummary | null };

/** A line of the offer list (`GET /offer-list`): the offer and the name of its client. */
export type OfferListItem = { documentId: string } & OfferRecord & {
    client: Pick<ClientSummary, 'documentId' | 'name'> | null;
  };

/**
 * The « Modifié le … par … » line of a detail page: the record's last change as its history tells
 * it (any entry: a field, a role on a client or an offer, a merge…). `by` is null when the history
 * does not tell (recording turned off, entries from before it): `at` is then the record's own
 * `updatedAt`, or its `createdAt` when it never changed.
 */
export type LastChange = {
  kind: 'created' | 'modified';
  at: string;
  by: { type: HistoryActorType; name: string | null; entryPoint: HistoryEntryPoint } | null;
};

/** An offer's page (`GET /offers/:documentId`): its client and the people on it, with their roles. */
export type OfferDetail = OfferListItem & { contactLinks: ContactLink[]; lastChange: LastChange };

export type ContactDetail = Contact & {
  clientLinks: ClientLink[];
  offerLinks: OfferLink[];
  lastChange: LastChange;
};
export type ClientDetail = Client & {
  contactLinks: ContactLink[];
  offers: OfferSummary[];
  lastChange: LastChange;
};

/** One line of a contact's consent log (`GET /contacts/:documentId/consent-events`), newest first. */
export type ConsentEventEntry = {
  documentId: string;
  action: ConsentAction;
  occurredAt: string;
  newsletter: boolean;
  source: string | null;
  consentTextVersion: string | null;
  actorKind: ConsentActorKind;
  actorName: string | null;
};

/**
 * The same line with its evidence (`GET /contacts/:documentId/consent-evidence`, behind its own
 * action): the visitor's IP address and browser on the public forms' events.
 */
export type ConsentEvidenceEntry = ConsentEventEntry & {
  ipAddress: string | null;
  userAgent: string | null;
};

/** A list's size: the answer of `GET /contacts/count` and `GET /clients/count`, and part of a page's. */
export type ListTotal = {
  /** Exact up to a cap; beyond it `totalIsExact` is false and the total is a floor or an estimate. */
  total: number;
  totalIsExact: boolean;
};

/** A page's place in its list; without its total when asked with `withCount=false`. */
export type ListPagination = {
  pageSize: number;
  /** Opaque key of the next page; null on the last page. */
  nextCursor: string | null;
} & Partial<ListTotal>;

export type ListResponse<Item> = { results: Item[]; pagination: ListPagination };

/** What became of one contact in `POST /contacts/bulk/links`; `code` is the refusal's error code. */
export type BulkLinkOutcome =
  | { contact: string; status: 'attached' | 'already' }
  | { contact: string; status: 'refused'; code: string };

/** The answer of `POST /contacts/bulk/links`: how many got the role, already had it, were refused. */
export type BulkLinksResult = {
  attached: number;
  already: number;
  refused: number;
  results: BulkLinkOutcome[];
};

/** The answer of `POST /contacts/bulk/delete`: `missing` were already gone. */
export type BulkDeleteResult = { deleted: number; missing: number };

/** How many contacts of a bulk attach run as a job got the role, already had it, were refused. */
export type BulkLinksCounts = Omit<BulkLinksResult, 'results'>;

/** The two bulk actions, as their routes name them (`/contacts/bulk/links`, `/contacts/bulk/delete`). */
export type BulkAction = 'links' | 'delete';

/**
 * A bulk action over more contacts than are done while the request waits: the answer (202) of
 * `POST /contacts/bulk/{links,delete}` and of `GET /contacts/bulk/{links,delete}/jobs/:id`.
 * `result` counts what the chunks done so far did; it is final once `status` is `completed`
 * (or `cancelled`: what was done before the cancel stays done).
 */
export type BulkJob<Result = BulkLinksCounts | BulkDeleteResult> = {
  id: number;
  action: BulkAction;
  status: JobState;
  /** A cancel was asked for; the job stops after the chunk it is in. */
  cancelRequested: boolean;
  progress: { done: number; total: number };
  result: Result;
  /** The last failed attempt's error, while the job is retried or once it is dead. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};
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
  /** What the job reports it has done so far, by outcome (a bulk action's counts); null if nothing. */
  result: Record<string, number> | null;
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

/** Header → target; null for an ignored column. */
export type ImportMapping = Record<string, ImportTarget | null>;

export type ImportFileShape = {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
};

export type ImportCounts = {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
};

/** An import as `GET /imports/:documentId` answers it, and each line of the history. */
export type ImportSummary = {
  documentId: string;
  status: ImportStatus;
  dryRun: boolean;
  mode: ImportMode;
  clearEmpty: boolean;
  fileName: string | null;
  file: ImportFileShape;
  headerRow: number;
  mapping: ImportMapping;
  consent: { source: string; consentedAt: string } | null;
  /** In a dry run, what the import would do; while it runs, so far. */
  counts: ImportCounts | null;
  progress: { done: number; total: number };
  undo: { undone: number; keptEdited: number } | null;
  requestedBy: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** The history (`GET /imports`), newest first. */
export type ImportListResponse = {
  data: ImportSummary[];
  meta: { pagination: { page: number; pageSize: number; total: number } };
};

/** What `POST /imports/preview` finds in a file, before anything is imported. */
export type ImportPreview = {
  file: ImportFileShape;
  /** A workbook's sheet names, in the order of its tabs; null for a CSV. */
  sheets: string[] | null;
  /** 1-based row number of the headers. */
  headerRow: number;
  headers: string[];
  /** The first data rows, each as long as the headers. */
  rows: string[][];
  /** What the import maps each column to unless told otherwise. */
  mapping: ImportMapping;
};

/** A saved column mapping (`GET /import-templates`), by name. */
export type ImportTemplateEntry = {
  documentId: string;
  name: string;
  mapping: ImportMapping;
  createdBy: string | null;
  createdAt: string;
};
/** A stored contact that may be the one being typed or shown, and why (`POST /contacts/duplicates/check`). */
export type LikelyDuplicate = {
  contact: Pick<Contact, 'documentId' | 'firstName' | 'lastName' | 'email' | 'phone' | 'postalCode' | 'city'>;
  score: number;
  reasons: DuplicateReason[];
};

export type LikelyDuplicatesResponse = { data: LikelyDuplicate[]; meta: Record<string, never> };

/** A stored client that may be the same body as another (`GET /clients/:documentId/duplicates`). */
export type LikelyClientDuplicate = {
  client: Pick<Client, 'documentId' | 'name' | 'type' | 'siret' | 'postalCode' | 'city' | 'updatedAt'>;
  score: number;
  reasons: ClientDuplicateReason[];
};

export type LikelyClientDuplicatesResponse = { data: LikelyClientDuplicate[]; meta: Record<string, never> };

/**
 * `GET /admin-settings`: what the Contacts tab needs of the server's configuration. `agencyCountry`
 * (ISO 3166-1 alpha-2, from CALADEO_AGENCY_COUNTRY) is the country whose phone numbers are shown in
 * their national format.
 */
export type AdminSettings = { agencyCountry: string };
