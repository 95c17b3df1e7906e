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
  /** The stored row an update or clone starts from, once the record's rule has read it. */
  stored?: Record<string, unknown> | null;
};

/**
 * Work a rule leaves for after the write succeeded, in the same transaction, given the document
 * service's result (e.g. refreshing search text, logging a consent change).
 */
export type AfterWrite = (result: unknown) => Promise<void>;

export type DocumentRule = {
  /** Validates and normalises `params.data` in place before create, update and clone. */
  beforeWrite?: (call: DocumentCall) => Promise<AfterWrite | void>;
  /** Removes what would dangle once the document is gone. */
  beforeDelete?: (call: DocumentCall) => Promise<AfterWrite | void>;
};
