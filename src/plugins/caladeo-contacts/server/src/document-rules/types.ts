/**
 * The slice of a document-service call that the rules read and rewrite. Strapi's own context type
 * is generic over every registered content type; the rules only need this much of it.
 */
export type DocumentParams = {
  documentId?: string;
  data?: unknown;
  [key: string]: unknown;
};

export type DocumentCall = {
  uid: string;
  action: string;
  params: DocumentParams;
};

export type DocumentRule = {
  /** Validates and normalises `params.data` in place before create, update and clone. */
  beforeWrite?: (call: DocumentCall) => Promise<void>;
  /** Runs after a successful create, update or clone, in the same transaction, with its result. */
  afterWrite?: (call: DocumentCall, result: unknown) => Promise<void>;
  /** Removes what would dangle once the document is gone. */
  beforeDelete?: (call: DocumentCall) => Promise<void>;
};
