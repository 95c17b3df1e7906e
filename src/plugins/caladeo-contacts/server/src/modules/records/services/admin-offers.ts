import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../../shared/constants';
import type { ListResponse, OfferDetail, OfferListItem } from '../../../../../shared/contracts/admin';
import { fieldNames } from '../../../../../shared/fields';
import { readConnection } from '../../../utils/read-transaction';
import { withoutInternalIds } from '../../../utils/without-internal-ids';
import { normaliseSearchTerm } from '../../../validation';
import { escapeLike } from '../../search/plan';
import { countUpToCap } from '../../search/services/list-search';
import { lastChangeFrom, latestEntryOf } from '../last-change';
import type { OfferListQuery } from '../offer-list-request';

const OFFER_FIELDS = fieldNames('offer');
const LINK_FIELDS = ['role', 'isPrimary'] as const;
const CONTACT_SUMMARY_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'city', 'country'] as const;
const ESCAPE = "ESCAPE '\\'";

/** Each order of the list, as SQL over the offers table; the id last makes every order total. */
const ORDER_BY = {
  // NULLS LAST on both databases: PostgreSQL would put undated offers first in a descending order
  startDate: 'start_date DESC NULLS LAST, reference ASC, id ASC',
  startDateAsc: 'start_date ASC NULLS LAST, reference ASC, id ASC',
  reference: 'reference ASC, id ASC',
} as const;

type Stored = Record<string, unknown> & { id: number };

/**
 * What the offer list and the offer page read. The list is SQL over the offers table, so that
 * each order and filter is one indexed query (database/migrations: offer-list indexes), with a
 * count capped like the other lists'. Writes are not here: links are created through the
 * document service, whose rules check both ends.
 */
const adminOffers = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => readConnection(strapi);

  /** The table linking an offer to its client, as Strapi named it. */
  const clientJoin = () => {
    const attribute = strapi.db.metadata.get(UID.offer).attributes.client as unknown as {
      joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    };
    return attribute.joinTable;
  };

  const matching = (query: OfferListQuery) => {
    const offers = knex()('offers');
    if (query.q) {
      const lowered = `%${escapeLike(query.q.toLowerCase())}%`;
      const folded = normaliseSearchTerm(query.q);
      const join = clientJoin();
      const clientsNamed = knex()(join.name)
        .select(join.joinColumn.name)
        .whereIn(
          join.inverseJoinColumn.name,
          knex()('caladeo_clients')
            .select('id')
            .whereRaw(`search_text LIKE ? ${ESCAPE}`, [`%${escapeLike(folded)}%`])
        );
      offers.where((where) => {
        where
          .whereRaw(`LOWER(title) LIKE ? ${ESCAPE}`, [lowered])
          .orWhereRaw(`LOWER(reference) LIKE ? ${ESCAPE}`, [lowered]);
        if (folded) where.orWhereIn('id', clientsNamed);
      });
    }
    if (query.status) offers.where('offer_status', query.status);
    if (query.startFrom) offers.where('start_date', '>=', query.startFrom);
    if (query.startTo) offers.where('start_date', '<=', query.startTo);
    return offers;
  };

  return {
    async list(query: OfferListQuery): Promise<ListResponse<OfferListItem>> {
      const [rows, count] = await Promise.all([
        matching(query)
          .select('id')
          .orderByRaw(ORDER_BY[query.order])
          .offset(query.offset)
          .limit(query.pageSize + 1) as Promise<Array<{ id: number | string }>>,
        countUpToCap(knex(), matching(query)),
      ]);
      const ids = rows.slice(0, query.pageSize).map((row) => Number(row.id));
      const documents = ids.length
        ? ((await strapi.documents(UID.offer).findMany({
            fields: OFFER_FIELDS as never,
            filters: { id: { $in: ids } } as never,
            populate: { client: { fields: ['name'] } } as never,
            limit: ids.length,
          })) as unknown as Stored[])
        : [];
      const byId = new Map(documents.map((document) => [Number(document.id), document]));
      const results = ids.flatMap((id) => {
        const document = byId.get(id);
        return document ? [withoutInternalIds(document) as unknown as OfferListItem] : [];
      });
      const nextOffset = query.offset + query.pageSize;
      return {
        results,
        pagination: {
          pageSize: query.pageSize,
          nextCursor: rows.length > query.pageSize ? String(nextOffset) : null,
          ...count,
        },
      };
    },

    async detail(documentId: string): Promise<OfferDetail> {
      const [offer, latest] = await Promise.all([
        strapi.documents(UID.offer).findOne({
          documentId,
          // the dates only for the last change's fallback; the page shows the offer's fields
          fields: [...OFFER_FIELDS, 'createdAt', 'updatedAt'] as never,
          populate: {
            client: { fields: ['name'] },
            contactLinks: {
              fields: LINK_FIELDS,
              populate: { contact: { fields: CONTACT_SUMMARY_FIELDS } },
            },
          } as never,
        }),
        latestEntryOf(strapi, 'offer', documentId),
      ]);
      if (!offer) throw new errors.NotFoundError('This offer does not exist');
      const { createdAt, updatedAt, ...shown } = withoutInternalIds(offer) as Record<string, unknown>;
      return {
        ...shown,
        lastChange: lastChangeFrom(latest, { createdAt, updatedAt }),
      } as unknown as OfferDetail;
    },

    async assertExists(documentId: string) {
      const found = await strapi.db.query(UID.offer).findOne({ select: ['id'], where: { documentId } });
      if (!found) throw new errors.NotFoundError('This offer does not exist');
    },
  };
};

export type AdminOffersService = ReturnType<typeof adminOffers>;
export default adminOffers;
