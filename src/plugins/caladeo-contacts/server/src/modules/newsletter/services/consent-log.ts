import type { Core } from '@strapi/strapi';
import {
  NEWSLETTER_MAX_LENGTH,
  UID,
  type ConsentAction,
  type ConsentActorKind,
} from '../../../../../shared/constants';
import type { Knex } from 'knex';
import { insertPlainRows, insertRows, newDocumentId, type BulkColumn } from '../../../utils/bulk-insert';
import { joinOf, type DatabaseModel } from '../../../utils/database-model';
import { importConsentOrigin, isInPublicConsentFlow } from '../consent-flow';
import { newsletterSettings } from '../settings';
import { emailDigest } from '../tokens';

export type ConsentActor = { kind: ConsentActorKind; id: string | null; name: string | null };

export type ConsentEntry = {
  contactDocumentId: string;
  email: string | null;
  action: ConsentAction;
  /** The contact's newsletter flag once the event is applied. */
  newsletter: boolean;
  actor: ConsentActor;
  source?: string | null;
  consentTextVersion?: string | null;
  locale?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  occurredAt?: Date;
};

type AuthState = { strategy?: { name?: string }; credentials?: Record<string, unknown> | null };
type StoredContact = { documentId?: unknown; email?: unknown; newsletter?: unknown };

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** Who is behind the current request, from the authentication Strapi attached to it. */
export const actorOf = (auth: AuthState | undefined): ConsentActor => {
  const credentials = auth?.credentials ?? null;
  const id = credentials && credentials.id !== undefined ? String(credentials.id) : null;
  switch (auth?.strategy?.name) {
    case 'admin': {
      const name = [text(credentials?.firstname), text(credentials?.lastname)].filter(Boolean).join(' ');
      return { kind: 'admin_user', id, name: text(credentials?.email) ?? (name || null) };
    }
    case 'api-token':
    case 'content-api-token':
    case 'admin-token':
      return { kind: 'api_token', id, name: text(credentials?.name) };
    case 'users-permissions':
      return { kind: 'api_user', id, name: text(credentials?.username) ?? text(credentials?.email) };
    default:
      return { kind: 'system', id: null, name: null };
  }
};

const clip = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

/** The stored values of an event, bounded as the schema bounds them. */
const eventValues = (entry: ConsentEntry, secret: string) => ({
  action: entry.action,
  occurredAt: (entry.occurredAt ?? new Date()).toISOString(),
  newsletter: entry.newsletter,
  source: clip(entry.source, NEWSLETTER_MAX_LENGTH.source),
  consentTextVersion: clip(entry.consentTextVersion, NEWSLETTER_MAX_LENGTH.consentTextVersion),
  locale: clip(entry.locale, 10),
  ipAddress: clip(entry.ipAddress, NEWSLETTER_MAX_LENGTH.ipAddress),
  userAgent: clip(entry.userAgent, NEWSLETTER_MAX_LENGTH.userAgent),
  actorKind: entry.actor.kind,
  actorId: clip(entry.actor.id, 40),
  actorName: clip(entry.actor.name, 255),
  emailDigest: entry.email ? emailDigest(secret, entry.email) : null,
});

/** What a line of a contact's log shows to whoever may read the log. */
const CONSENT_LOG_FIELDS = [
  'documentId',
  'action',
  'occurredAt',
  'newsletter',
  'source',
  'consentTextVersion',
  'locale',
  'actorKind',
  'actorId',
  'actorName',
];

/**
 * What ties an event to a person's device and address: private in the schema (never in the
 * content API's output, filters or GraphQL), read only with the evidence permission.
 */
export const CONSENT_EVIDENCE_FIELDS = ['ipAddress', 'userAgent', 'emailDigest'];

const consentLog = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Adds one event to the log; with `appendMany`, the only ways entries are written. */
  async append(entry: ConsentEntry) {
    await strapi.documents(UID.consentEvent).create({
      data: {
        ...eventValues(entry, newsletterSettings(strapi).secret),
        contact: entry.contactDocumentId,
      } as never,
    });
  },

  /**
   * Adds many events at once, straight to the database, for the contacts an import inserts in
   * bulk (in the caller's transaction): the same values as `append`, a few statements in all.
   */
  async appendMany(trx: Knex.Transaction, entries: Array<ConsentEntry & { contactId: number }>) {
    if (entries.length === 0) return;
    const { tableName, attributes } = strapi.db.metadata.get(UID.consentEvent) as unknown as DatabaseModel;
    const { secret } = newsletterSettings(strapi);
    const values = entries.map((entry) => eventValues(entry, secret));
    const columns = Object.fromEntries(
      (Object.keys(values[0] as object) as (keyof ReturnType<typeof eventValues>)[]).map((name) => [
        attributes[name]?.columnName ?? name,
        {
          type: name === 'newsletter' ? 'boolean' : name === 'occurredAt' ? 'timestamptz' : 'text',
          values: values.map((value) => value[name]),
        } as BulkColumn,
      ])
    );
    const inserted = await insertRows(
      trx,
      tableName,
      { document_id: { type: 'text', values: entries.map(newDocumentId) }, ...columns },
      { returning: ['id'] }
    );
    const join = attributes.contact?.joinTable;
    if (!join) throw new Error('the consent event has no contact join table');
    await insertPlainRows(
      trx,
      join.name,
      inserted.map((row, index) => ({
        [join.joinColumn.name]: row.id,
        [join.inverseJoinColumn.name]: entries[index]?.contactId,
        ...(join.inverseOrderColumnName ? { [join.inverseOrderColumnName]: 1 } : {}),
      }))
    );
  },

  /**
   * Called by the contact's document rule after every successful write. The public flows log their
   * own events (with the visitor's details); every other change of `newsletter` is logged here as
   * set by staff (an admin user), by an import (with the basis its user stated) or by the API
   * (tokens, REST users, scripts).
   */
  async recordContactWrite(before: StoredContact | null, written: unknown) {
    if (isInPublicConsentFlow()) return;
    const contact = written as StoredContact | null;
    if (!contact || typeof contact.newsletter !== 'boolean' || typeof contact.documentId !== 'string') return;
    const previous = before ? before.newsletter === true : false;
    if (contact.newsletter === previous) return;

    const context = strapi.requestContext.get() as { state?: { auth?: AuthState } } | undefined;
    const actor = actorOf(context?.state?.auth);
    const imported = importConsentOrigin();
    if (imported) {
      await this.append({
        contactDocumentId: contact.documentId,
        email: text(contact.email),
        action: 'set_by_import',
        newsletter: contact.newsletter,
        actor: { kind: 'system', id: imported.importDocumentId, name: 'import' },
        source: `import: ${imported.source}`,
        occurredAt: imported.consentedAt,
      });
      return;
    }
    await this.append({
      contactDocumentId: contact.documentId,
      email: text(contact.email),
      action: actor.kind === 'admin_user' ? 'set_by_staff' : 'set_by_api',
      newsletter: contact.newsletter,
      actor,
      source: actor.kind === 'admin_user' ? 'admin' : actor.kind === 'system' ? 'application' : 'api',
    });
  },

  /**
   * A contact is being erased. Its consent events stay as evidence that consent was asked for,
   * given or withdrawn, but lose what identifies the person: the link to the contact goes with the
   * contact row, the IP address and user agent are cleared here, and only the keyed digest of the
   * address remains (it can match an address someone presents, it cannot reveal one). Pending
   * confirmation links die with the contact.
   */
  async forgetContact(contactDocumentId: string) {
    const contact = (await strapi.db
      .query(UID.contact)
      .findOne({ select: ['id'], where: { documentId: contactDocumentId } })) as { id: number } | null;
    if (contact) await this.forgetContacts([contact.id]);
  },

  /**
   * The same for many contacts at once (an import undone), by their ids. Given the caller's
   * transaction, the events and confirmations are found straight through their indexed join
   * tables: the query engine's relation filter joins the contacts table and filters it on the ids,
   * which at a million contacts the planner may serve by reading the whole table (2 s per chunk of
   * 500 after a large import, before the table's statistics were refreshed).
   */
  async forgetContacts(contactIds: number[], trx?: Knex.Transaction) {
    if (contactIds.length === 0) return;
    const idsOf = async (uid: typeof UID.consentEvent | typeof UID.newsletterConfirmation) => {
      if (trx) {
        const join = joinOf(strapi, uid, 'contact');
        const rows = (await trx(join.table).whereIn(join.other, contactIds).select({ id: join.own })) as {
          id: number;
        }[];
        return rows.map((row) => row.id);
      }
      const rows = (await strapi.db.query(uid).findMany({
        select: ['id'],
        where: { contact: { id: { $in: contactIds } } },
      })) as { id: number }[];
      return rows.map((row) => row.id);
    };
    const events = await idsOf(UID.consentEvent);
    if (events.length > 0) {
      await strapi.db.query(UID.consentEvent).updateMany({
        where: { id: { $in: events } },
        data: { ipAddress: null, userAgent: null, anonymisedAt: new Date() },
      });
    }
    const confirmations = await idsOf(UID.newsletterConfirmation);
    if (confirmations.length > 0) {
      await strapi.db.query(UID.newsletterConfirmation).deleteMany({ where: { id: { $in: confirmations } } });
    }
  },

  /**
   * A contact's log, newest first, as the admin shows it; with `evidence`, each event's IP address,
   * user agent and e-mail digest too (only for callers holding the evidence permission).
   */
  async listForContact(contactDocumentId: string, { evidence = false }: { evidence?: boolean } = {}) {
    return strapi.db.query(UID.consentEvent).findMany({
      select: [...CONSENT_LOG_FIELDS, ...(evidence ? CONSENT_EVIDENCE_FIELDS : [])],
      where: { contact: { documentId: contactDocumentId } },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      limit: 500,
    });
  },
});

export type ConsentLogService = ReturnType<typeof consentLog>;
export default consentLog;
