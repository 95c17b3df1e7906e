/**
 * What a content-API route tells the API document besides its schemas. Strapi's generator only
 * knows a JSON answer with status 200; the plugin's routes also answer 201, 202 and 204, send
 * files and HTML pages, redirect, and refuse in known ways, which is what a caller codes against.
 */

/** The document's sections, in the order a reader meets them. */
export const API_TAGS = {
  Contacts: 'The people the agency deals with.',
  Clients: 'Companies, associations, groups and public bodies that carry a trip project.',
  'Client roles': 'The role a contact plays on a client, and who is its primary contact.',
  Offers: 'Travel offers and quotes made to clients.',
  'Offer roles': 'The role a contact plays on an offer (traveller, payer…), and who is its primary contact.',
  'Consent log': 'Append-only evidence of every change of a contact’s newsletter consent (read-only).',
  Newsletter:
    'The website’s sign-up form and the links in mails (public, rate limited), and the subscriber export.',
  Documents: 'What generated documents read: the offer document context and the PDF quote.',
  Imports: 'Contacts brought in from CSV and Excel files, with a dry run, an error file and undo.',
  Merges: 'Duplicate contacts merged into one, with a preview and an undo.',
  Privacy:
    'What the product does for a person’s rights: requests of access and portability (everything held about a person, and finding them) and the erasure of their personal data.',
  'API document': 'This document.',
} as const;

export type ApiTag = keyof typeof API_TAGS;

/** Media of an answer that is not JSON. */
export type FileMedia = 'application/pdf' | 'text/csv; charset=utf-8' | 'text/html; charset=utf-8';

export type SuccessDocs =
  /** A JSON body: the route's `response` schema. */
  | { status: 200 | 201 | 202; description: string }
  /** No body (a delete). */
  | { status: 204; description: string }
  /** A file or a page. */
  | { status: 200; description: string; media: FileMedia };

/** Statuses whose body is Strapi's error envelope (`{ data: null, error: { … } }`). */
export type ErrorStatus = 400 | 404 | 409 | 410 | 429;

export type RouteDocs = {
  tag: ApiTag;
  summary: string;
  description?: string;
  success: SuccessDocs;
  /**
   * When this route refuses, and why. A protected route's 401 (invalid or expired credential)
   * and 403 (no permission) are implied; a public route has neither.
   */
  errors?: Partial<Record<ErrorStatus, string>>;
  /** Answers that are neither the success nor an error envelope: a redirect, an HTML page. */
  otherAnswers?: Partial<Record<303 | 404 | 410, { description: string; media?: FileMedia }>>;
};
