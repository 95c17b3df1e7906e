import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../../shared/constants';
import {
  CLIENT_FIELDS,
  CONTACT_FIELDS,
  type Client,
  type ClientDetail,
  type Contact,
  type ContactDetail,
  type ListResponse,
  type ListTotal,
  type PrimaryContact,
} from '../../../../../shared/contracts/admin';
import { cityKey } from '../../../validation';
import type { ClientListFilters, ContactListFilters } from '../admin-request';
import type { ListSearchParams } from '../../search/request';
import type { SearchableUid } from '../../search/services/list-search';
import { modelOf } from '../../../utils/database-model';
import { getService } from '../../../utils/get-service';
import { withoutInternalIds } from '../../../utils/without-internal-ids';
import { exportCell, type ExportCell } from '../../../utils/spreadsheet-cells';
import { DATE_COLUMNS } from '../../../../../shared/exports';
import { lastChangeFrom, latestEntryOf } from '../last-change';

/** Rows an export reads per query: big enough to be quick, small enough to keep memory flat. */
const EXPORT_BATCH_SIZE = 1000;
/** Contacts of a bulk action's search resolved at once. */
const SELECTION_BATCH = 1000;

const TIMESTAMPS = ['createdAt', 'updatedAt'] as const;
const LINK_FIELDS = ['role', 'isPrimary'] as const;
const CLIENT_SUMMARY_FIELDS = ['name', 'type', 'city'] as const;
const CONTACT_SUMMARY_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'city', 'country'] as const;
const OFFER_SUMMARY_FIELDS = ['title', 'reference', 'offerStatus', 'destination', 'startDate'] as const;

const PRIMARY_CONTACT_FIELDS = ['firstName', 'lastName', 'email'] as const;

type StoredLink = Record<string, unknown>;
type TargetWithPrimary = Record<string, unknown> & {
  contactLinks?: Array<{ contact: PrimaryContact | null }>;
};

/** A contact's link with its target as the page shows it and the target's primary contact beside. */
const withTargetPrimary = (link: StoredLink, targetField: 'client' | 'offer') => {
  const stored = link[targetField] as TargetWithPrimary | null;
  if (!stored) return { ...link, primaryContact: null };
  const { contactLinks, ...target } = stored;
  return { ...link, [targetField]: target, primaryContact: contactLinks?.[0]?.contact ?? null };
};

/** Fields each searchable list shows; the derived and private ones are never selected. */
const LIST_FIELDS = {
  [UID.contact]: [...CONTACT_FIELDS, ...TIMESTAMPS],
  [UID.client]: [...CLIENT_FIELDS, ...TIMESTAMPS],
} as const;

/** The Strapi `where` of the contact list's filters. */
const contactWhere = (filters: ContactListFilters): Record<string, unknown> | null => {
  const where: Record<string, unknown> = {};
  if (filters.country) where.country = filters.country;
  if (filters.newsletter !== undefined) where.newsletter = filters.newsletter;
  if (filters.documentIds) where.documentId = { $in: filters.documentIds };
  if (filters.client) {
    // with a role too, the role is the one held on that client
    where.clientLinks = {
      client: { documentId: filters.client },
      ...(filters.role ? { role: filters.role } : {}),
    };
  } else if (filters.role) {
    where.$or = [{ clientLinks: { role: filters.role } }, { offerLinks: { role: filters.role } }];
  }
  return Object.keys(where).length > 0 ? where : null;
};

/**
 * The Strapi `where` of the client list's filters. A client has a primary contact when one of its
 * links is primary: each such link holds the client's documentId in its `primaryOf` column (under a
 * unique index), so both answers are one indexed `IN` / `NOT IN`, with no join to the links.
 */
const clientWhere = (strapi: Core.Strapi, filters: ClientListFilters): Record<string, unknown> | null => {
  const where: Record<string, unknown> = {};
  if (filters.type) where.type = filters.type;
  if (filters.city) {
    // folded like the stored key: "sete" finds Sète, "St-Etienne" finds Saint-Étienne
    const city = cityKey(filters.city);
    // a town of punctuation alone matches no client
    where.cityKey = city === null ? { $in: [] } : { $contains: city };
  }
  if (filters.country) where.country = filters.country;
  if (filters.hasPrimary !== undefined) {
    const { tableName, attributes } = modelOf(strapi, UID.clientContact);
    const primaryOf = attributes.primaryOf?.columnName ?? 'primary_of';
    const primaries = strapi.db.connection(tableName).select(primaryOf).whereNotNull(primaryOf);
    where.documentId = { [filters.hasPrimary ? '$in' : '$notIn']: primaries };
  }
  return Object.keys(where).length > 0 ? where : null;
};

/**
 * What the plugin's admin pages read: lists through the accent-insensitive keyset search, and
 * detail views with their links. Only public fields are selected. Writes are not here: the admin
 * controllers call `strapi.documents()` directly so that the validation choke point applies.
 */
const adminRecords = ({ strapi }: { strapi: Core.Strapi }) => {
  const listPage = async <Item>(
    uid: SearchableUid,
    search: ListSearchParams,
    where: Record<string, unknown> | null
  ): Promise<ListResponse<Item>> => {
    const page = await getService(strapi, 'list-search').page(uid, { ...search, where });
    const documents = page.ids.length
      ? await strapi.documents(uid).findMany({
          fields: LIST_FIELDS[uid] as never,
          filters: { id: { $in: page.ids } } as never,
          limit: page.ids.length,
        })
      : [];
    const byId = new Map(documents.map((document) => [document.id as number, document]));
    const results = page.ids.flatMap((id) => {
      const document = byId.get(id);
      if (!document) return [];
      const { id: _internalId, ...visible } = document;
      return [visible as unknown as Item];
    });
    return {
      results,
      pagination: { pageSize: search.pageSize, nextCursor: page.nextCursor, ...page.count },
    };
  };

  /** The total the list shows for this search and these filters, for a list read without it. */
  const listTotal = (
    uid: SearchableUid,
    search: Pick<ListSearchParams, 'q'>,
    where: Record<string, unknown> | null
  ): Promise<ListTotal> => getService(strapi, 'list-search').count(uid, { q: search.q, where });

  /** The whole list in its order, as export rows of the chosen columns, a batch at a time. */
  async function* exportRows(
    uid: SearchableUid,
    search: Pick<ListSearchParams, 'q' | 'order'>,
    where: Record<string, unknown> | null,
    columns: readonly string[]
  ): AsyncGenerator<ExportCell[][]> {
    const kinds = columns.map((column) => (DATE_COLUMNS.includes(column) ? 'date' : 'value'));
    const ids = getService(strapi, 'list-search').idBatches(uid, {
      ...search,
      where,
      batchSize: EXPORT_BATCH_SIZE,
    });
    for await (const batch of ids) {
      const records = (await strapi.db.query(uid).findMany({
        select: ['id', ...columns],
        where: { id: { $in: batch } },
      })) as Record<string, unknown>[];
      const byId = new Map(records.map((record) => [Number(record.id), record]));
      yield batch.flatMap((id) => {
        const record = byId.get(id);
        return record ? [columns.map((column, index) => exportCell(record[column], kinds[index]))] : [];
      });
    }
  }

  return {
    listContacts: (search: ListSearchParams, filters: ContactListFilters) =>
      listPage<Contact>(UID.contact, search, contactWhere(filters)),

    listClients: (search: ListSearchParams, filters: ClientListFilters) =>
      listPage<Client>(UID.client, search, clientWhere(strapi, filters)),

    countContacts: (search: ListSearchParams, filters: ContactListFilters) =>
      listTotal(UID.contact, search, contactWhere(filters)),

    countClients: (search: ListSearchParams, filters: ClientListFilters) =>
      listTotal(UID.client, search, clientWhere(strapi, filters)),

    /** The filtered, searched contact list as the contact export writes it. */
    exportContacts: (search: ListSearchParams, filters: ContactListFilters, columns: readonly string[]) =>
      exportRows(UID.contact, search, contactWhere(filters), columns),

    /**
     * The documentIds of the contacts a bulk action names: those given that exist, or the results of
     * a search in the list's order, at most `limit` (the caller asks one more to see it overflow).
     */
    async selectedContacts(
      selection: { documentIds: string[] } | { search: ListSearchParams; filters: ContactListFilters },
      limit: number
    ): Promise<string[]> {
      if ('documentIds' in selection) {
        const rows = (await strapi.db.query(UID.contact).findMany({
          select: ['documentId'],
          where: { documentId: { $in: selection.documentIds } },
        })) as Array<{ documentId: string }>;
        const found = new Set(rows.map((row) => row.documentId));
        return selection.documentIds.filter((documentId) => found.has(documentId)).slice(0, limit);
      }
      // a bulk job names up to 100,000 contacts: read them by batches, each one `IN` list short
      // enough for every database
      const batches = getService(strapi, 'list-search').idBatches(UID.contact, {
        ...selection.search,
        where: contactWhere(selection.filters),
        batchSize: Math.min(limit, SELECTION_BATCH),
      });
      const documentIds: string[] = [];
      for await (const ids of batches) {
        const rows = (await strapi.db.query(UID.contact).findMany({
          select: ['id', 'documentId'],
          where: { id: { $in: ids } },
        })) as Array<{ id: number; documentId: string }>;
        const byId = new Map(rows.map((row) => [Number(row.id), row.documentId]));
        documentIds.push(...ids.flatMap((id) => byId.get(id) ?? []));
        if (documentIds.length >= limit) break;
      }
      return documentIds.slice(0, limit);
    },

    /** The filtered, searched client list as the client export writes it. */
    exportClients: (search: ListSearchParams, filters: ClientListFilters, columns: readonly string[]) =>
      exportRows(UID.client, search, clientWhere(strapi, filters), columns),

    async contactDetail(documentId: string): Promise<ContactDetail> {
      // each target comes with its primary link and that link's contact: a few statements for the
      // whole page, whatever the number of clients and offers
      const target = (fields: readonly string[]) => ({
        fields,
        populate: {
          contactLinks: {
            fields: ['isPrimary'],
            filters: { isPrimary: true },
            populate: { contact: { fields: PRIMARY_CONTACT_FIELDS } },
          },
        },
      });
      const [contact, latest] = await Promise.all([
        strapi.documents(UID.contact).findOne({
          documentId,
          fields: LIST_FIELDS[UID.contact] as never,
          populate: {
            clientLinks: { fields: LINK_FIELDS, populate: { client: target(CLIENT_SUMMARY_FIELDS) } },
            offerLinks: { fields: LINK_FIELDS, populate: { offer: target(OFFER_SUMMARY_FIELDS) } },
          } as never,
        }),
        latestEntryOf(strapi, 'contact', documentId),
      ]);
      if (!contact) throw new errors.NotFoundError('This contact does not exist');
      const { clientLinks, offerLinks, ...fields } = withoutInternalIds(contact) as unknown as Record<
        string,
        unknown
      > & { clientLinks: StoredLink[]; offerLinks: StoredLink[] };
      return {
        ...fields,
        clientLinks: clientLinks.map((link) => withTargetPrimary(link, 'client')),
        offerLinks: offerLinks.map((link) => withTargetPrimary(link, 'offer')),
        lastChange: lastChangeFrom(latest, fields),
      } as unknown as ContactDetail;
    },

    async clientDetail(documentId: string): Promise<ClientDetail> {
      const [client, latest] = await Promise.all([
        strapi.documents(UID.client).findOne({
          documentId,
          fields: LIST_FIELDS[UID.client] as never,
          populate: {
            contactLinks: {
              fields: LINK_FIELDS,
              populate: { contact: { fields: CONTACT_SUMMARY_FIELDS } },
            },
            offers: { fields: OFFER_SUMMARY_FIELDS },
          } as never,
        }),
        latestEntryOf(strapi, 'client', documentId),
      ]);
      if (!client) throw new errors.NotFoundError('This client does not exist');
      return {
        ...withoutInternalIds(client),
        lastChange: lastChangeFrom(latest, client),
      } as unknown as ClientDetail;
    },

    /** Offers whose title, reference or destination contains the text, for the attach picker. */
    async searchOffers(text: string) {
      const term = text.trim();
      const offers = await strapi.documents(UID.offer).findMany({
        fields: OFFER_SUMMARY_FIELDS as never,
        filters: term
          ? ({
              $or: [
                { title: { $containsi: term } },
                { reference: { $containsi: term } },
                { destination: { $containsi: term } },
              ],
            } as never)
          : undefined,
        sort: { startDate: 'desc' } as never,
        limit: 20,
      });
      return withoutInternalIds(offers);
    },

    async assertExists(uid: typeof UID.contact | typeof UID.client, documentId: string) {
      const found = await strapi.db.query(uid).findOne({ select: ['id'], where: { documentId } });
      if (!found) {
        throw new errors.NotFoundError(
          uid === UID.contact ? 'This contact does not exist' : 'This client does not exist'
        );
      }
    },
  };
};

export type AdminRecordsService = ReturnType<typeof adminRecords>;
export default adminRecords;
