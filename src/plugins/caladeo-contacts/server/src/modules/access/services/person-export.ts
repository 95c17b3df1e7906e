import type { Core } from '@strapi/strapi';
import {
  PERSON_EXPORT_FORMAT,
  PERSON_EXPORT_VERSION,
  UID,
  type LinkRole,
} from '../../../../../shared/constants';
import { getService } from '../../../utils/get-service';
import { readConnection } from '../../../utils/read-transaction';
import type { LookupQuery } from '../validation';

type Row = Record<string, unknown>;
type Value = string | number | boolean | null;

/** One of the person's clients, and the roles the person holds on it. */
export type ExportedClient = {
  documentId: string;
  name: string;
  type: string;
  roles: LinkRole[];
  isPrimary: boolean;
};

/** One of the person's offers, and the roles the person holds on it. */
export type ExportedOffer = {
  documentId: string;
  reference: string;
  title: string;
  offerStatus: string;
  destination: string | null;
  startDate: string | null;
  endDate: string | null;
  roles: LinkRole[];
  isPrimary: boolean;
};

/**
 * Everything the database holds about one person (docs/privacy.md, "Access and portability").
 * Who at the agency did something is given by kind only (`actorKind`, `actor.type`): the names of
 * staff and tokens are other people's data and the agency's internals.
 */
export type PersonExport = {
  format: typeof PERSON_EXPORT_FORMAT;
  version: typeof PERSON_EXPORT_VERSION;
  exportedAt: string;
  person: Record<string, Value>;
  clients: ExportedClient[];
  offers: ExportedOffer[];
  consentLog: Record<string, Value>[];
  newsletterConfirmations: Record<string, Value>[];
  signUpRequests: Record<string, Value>[];
  emailAliases: { email: string; since: string | null }[];
  /** The contacts merged into this one (the same person's earlier records), whose history follows. */
  mergedRecords: { documentId: string; mergedAt: string | null }[];
  history: {
    /** The record the entry is about: the contact, or one of its `mergedRecords`. */
    documentId: string;
    occurredAt: string;
    action: string;
    entryPoint: string;
    actor: { type: string };
    link: { type: string; relatedDocumentId: string | null } | null;
    changedFields: string[];
    changes: Record<string, { before: Value; after: Value }> | null;
  }[];
};

export type LookupMatch = {
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  matchedBy: 'email' | 'emailAlias' | 'phone';
};

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(String(value)).toISOString();

const DATE_TIME_FIELDS = new Set([
  'createdAt',
  'updatedAt',
  'occurredAt',
  'requestedAt',
  'expiresAt',
  'consumedAt',
  'anonymisedAt',
]);

/** The named fields of a row, dates as ISO 8601 and nothing missing (null for no value). */
const pick = (row: Row, fields: readonly string[]): Record<string, Value> =>
  Object.fromEntries(
    fields.map((field) => {
      const value = row[field];
      if (DATE_TIME_FIELDS.has(field)) return [field, iso(value)];
      return [field, value === undefined ? null : (value as Value)];
    })
  );

/** The consent log's evidence, without the keyed digest of the address (a secret-derived internal key). */
const CONSENT_FIELDS = [
  'occurredAt',
  'action',
  'newsletter',
  'source',
  'consentTextVersion',
  'locale',
  'ipAddress',
  'userAgent',
  'actorKind',
  'anonymisedAt',
] as const;

/** A pending or used double opt-in link: never the hash of its token. */
const CONFIRMATION_FIELDS = [
  'createdAt',
  'expiresAt',
  'consumedAt',
  'source',
  'consentTextVersion',
  'locale',
] as const;

/** A sign-up waiting in the queue: the form's fields and the request's evidence, not the queue's ids. */
const SIGN_UP_FIELDS = [
  'requestedAt',
  'email',
  'firstName',
  'lastName',
  'source',
  'consentTextVersion',
  'locale',
  'ipAddress',
  'userAgent',
] as const;

type LinkRow = { role: LinkRole; isPrimary: boolean; target: Row | null };

/** The person's links to one kind of target, one entry per target with every role held on it. */
const groupLinks = (links: LinkRow[]) => {
  const byTarget = new Map<string, { target: Row; roles: LinkRole[]; isPrimary: boolean }>();
  for (const link of links) {
    if (!link.target) continue;
    const key = String(link.target.documentId);
    const entry = byTarget.get(key) ?? { target: link.target, roles: [], isPrimary: false };
    entry.roles.push(link.role);
    entry.isPrimary ||= link.isPrimary === true;
    byTarget.set(key, entry);
  }
  return [...byTarget.values()];
};

/**
 * The rights of access and portability: one person's data, read in one pass of indexed queries,
 * and the look-up of a person by an e-mail address or a phone number given in a request.
 */
const personExport = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = (uid: (typeof UID)[keyof typeof UID]) => strapi.db.query(uid as typeof UID.contact);
  const tableOf = (uid: string) => strapi.db.metadata.get(uid).tableName;

  const linksOf = async (uid: typeof UID.clientContact | typeof UID.offerContact, documentId: string) => {
    const target = uid === UID.clientContact ? 'client' : 'offer';
    const select =
      target === 'client'
        ? ['documentId', 'name', 'type']
        : ['documentId', 'reference', 'title', 'offerStatus', 'destination', 'startDate', 'endDate'];
    const rows = (await db(uid).findMany({
      select: ['role', 'isPrimary'],
      where: { contact: { documentId } },
      populate: { [target]: { select } },
      orderBy: { id: 'asc' },
    })) as Row[];
    return groupLinks(
      rows.map((row) => ({
        role: row.role as LinkRole,
        isPrimary: row.isPrimary === true,
        target: (row[target] as Row | null) ?? null,
      }))
    );
  };

  /**
   * The contacts merged into this one, and into those before (a merge not undone): their history
   * is the person's too. Merges are few; each round reads those whose survivor was just found.
   */
  const mergedInto = async (documentId: string) => {
    const found: { documentId: string; mergedAt: string | null }[] = [];
    const seen = new Set([documentId]);
    let survivors = [documentId];
    while (survivors.length > 0) {
      const merges = (await db(UID.contactMerge).findMany({
        select: ['mergedDocumentIds', 'mergedAt'],
        where: { survivorDocumentId: { $in: survivors }, undoneAt: { $null: true } },
        orderBy: { id: 'asc' },
      })) as Row[];
      survivors = [];
      for (const merge of merges) {
        for (const merged of String(merge.mergedDocumentIds).split(',').filter(Boolean)) {
          if (seen.has(merged)) continue;
          seen.add(merged);
          survivors.push(merged);
          found.push({ documentId: merged, mergedAt: iso(merge.mergedAt) });
        }
      }
    }
    return found;
  };

  return {
    /** Everything held about the contact, or null when no contact has this documentId. */
    async exportPerson(documentId: string): Promise<PersonExport | null> {
      const contact = (await db(UID.contact).findOne({ where: { documentId } })) as Row | null;
      if (!contact) return null;
      const personFields = ['documentId', ...getService(strapi, 'history').recordedFields(UID.contact)];
      const mergedRecords = await mergedInto(documentId);
      const records = [documentId, ...mergedRecords.map((record) => record.documentId)];

      const [clients, offers, consent, confirmations, aliases, history] = await Promise.all([
        linksOf(UID.clientContact, documentId),
        linksOf(UID.offerContact, documentId),
        db(UID.consentEvent).findMany({
          where: { contact: { documentId } },
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        }) as Promise<Row[]>,
        db(UID.newsletterConfirmation).findMany({
          where: { contact: { documentId } },
          orderBy: { id: 'asc' },
        }) as Promise<Row[]>,
        db(UID.contactEmailAlias).findMany({
          select: ['email', 'createdAt'],
          where: { contactDocumentId: documentId },
          orderBy: { id: 'asc' },
        }) as Promise<Row[]>,
        db(UID.historyEntry).findMany({
          where: { targetType: 'contact', targetDocumentId: { $in: records } },
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        }) as Promise<Row[]>,
      ]);

      // the sign-up queue is short-lived and small: its rows are read by the person's addresses
      const emails = [contact.email, ...aliases.map((alias) => alias.email)].filter(
        (email): email is string => typeof email === 'string' && email !== ''
      );
      const signUps =
        emails.length === 0
          ? []
          : ((await db(UID.newsletterSignUp).findMany({
              where: { email: { $in: emails.map((email) => email.toLowerCase()) } },
              orderBy: { id: 'asc' },
            })) as Row[]);

      return {
        format: PERSON_EXPORT_FORMAT,
        version: PERSON_EXPORT_VERSION,
        exportedAt: new Date().toISOString(),
        person: { ...pick(contact, personFields), ...pick(contact, ['createdAt', 'updatedAt']) },
        clients: clients.map(({ target, roles, isPrimary }) => ({
          documentId: String(target.documentId),
          name: String(target.name),
          type: String(target.type),
          roles,
          isPrimary,
        })),
        offers: offers.map(({ target, roles, isPrimary }) => ({
          documentId: String(target.documentId),
          reference: String(target.reference),
          title: String(target.title),
          offerStatus: String(target.offerStatus),
          destination: (target.destination as string | null) ?? null,
          startDate: (target.startDate as string | null) ?? null,
          endDate: (target.endDate as string | null) ?? null,
          roles,
          isPrimary,
        })),
        consentLog: consent.map((event) => pick(event, CONSENT_FIELDS)),
        newsletterConfirmations: confirmations.map((confirmation) => pick(confirmation, CONFIRMATION_FIELDS)),
        signUpRequests: signUps.map((signUp) => pick(signUp, SIGN_UP_FIELDS)),
        emailAliases: aliases.map((alias) => ({ email: String(alias.email), since: iso(alias.createdAt) })),
        mergedRecords,
        history: history.map((entry) => ({
          documentId: String(entry.targetDocumentId),
          occurredAt: iso(entry.occurredAt) ?? '',
          action: String(entry.action),
          entryPoint: String(entry.entryPoint),
          actor: { type: String(entry.actorType) },
          link: entry.linkType
            ? {
                type: String(entry.linkType),
                relatedDocumentId: (entry.relatedDocumentId as string | null) ?? null,
              }
            : null,
          changedFields: (entry.changedFields as string[] | null) ?? [],
          changes: (entry.changes as PersonExport['history'][number]['changes']) ?? null,
        })),
      };
    },

    /**
     * The contacts an e-mail address (theirs, or one merged into them) or a phone number leads
     * to. Each comparison is an equality on an indexed column: `caladeo_contacts_email_idx`
     * (addresses are stored lower-cased), the aliases' `lower(email)` unique index,
     * `caladeo_contacts_phone_idx` (numbers are stored in E.164).
     */
    async lookup(query: LookupQuery): Promise<LookupMatch[]> {
      const select = ['documentId', 'firstName', 'lastName'];
      const shown = (rows: Row[], matchedBy: LookupMatch['matchedBy']): LookupMatch[] =>
        rows.map((row) => ({
          documentId: String(row.documentId),
          firstName: (row.firstName as string | null) ?? null,
          lastName: (row.lastName as string | null) ?? null,
          matchedBy,
        }));
      if ('phone' in query) {
        const rows = (await db(UID.contact).findMany({
          select,
          where: { phone: query.phone },
          orderBy: { id: 'asc' },
        })) as Row[];
        return shown(rows, 'phone');
      }
      const direct = (await db(UID.contact).findMany({
        select,
        where: { email: query.email },
        orderBy: { id: 'asc' },
      })) as Row[];
      const aliasOwners = (await readConnection(strapi)(tableOf(UID.contactEmailAlias))
        .whereRaw('lower(email) = ?', [query.email])
        .select('contact_document_id as owner')) as { owner: string }[];
      const known = new Set(direct.map((row) => String(row.documentId)));
      const owners = aliasOwners.map((row) => row.owner).filter((owner) => !known.has(owner));
      const viaAlias =
        owners.length === 0
          ? []
          : ((await db(UID.contact).findMany({
              select,
              where: { documentId: { $in: owners } },
              orderBy: { id: 'asc' },
            })) as Row[]);
      return [...shown(direct, 'email'), ...shown(viaAlias, 'emailAlias')];
    },
  };
};

export type PersonExportService = ReturnType<typeof personExport>;
export default personExport;
