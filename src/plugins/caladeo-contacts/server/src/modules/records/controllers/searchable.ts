import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import { readListSearchParams, wantsListSearch } from '../../search/request';
import type { SearchableUid } from '../../search/services/list-search';
import { fieldValidationError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';

type KoaContext = Parameters<Core.CoreAPI.Controller.CollectionType['find']>[0];

/**
 * A core controller whose list also answers `q` (accent-insensitive search), `cursor` (keyset
 * pagination) and `order`, with a total that never costs a full count. Without those parameters
 * the list is Strapi's own. Everything else (auth, query validation and sanitizing, output
 * sanitizing) is the core controller's.
 */
export const createSearchableController = (uid: SearchableUid) =>
  factories.createCoreController(uid, ({ strapi }) => ({
    async find(ctx: KoaContext) {
      // the core controller always provides these; its type leaves them optional
      const core = this as Required<
        Pick<typeof this, 'validateQuery' | 'sanitizeQuery' | 'sanitizeOutput' | 'transformResponse'>
      >;
      const query = ctx.query as Record<string, unknown>;
      if (!wantsListSearch(query)) return super.find(ctx);

      const read = readListSearchParams(query);
      if (!read.ok) throw fieldValidationError(read.errors);
      // the rest (filters, fields, populate) is validated and sanitized as Strapi does for any list
      const { q: _q, cursor: _cursor, order: _order, pagination: _pagination, ...strapiQuery } = query;
      ctx.query = strapiQuery;
      await core.validateQuery(ctx);
      const sanitized = (await core.sanitizeQuery(ctx)) as Record<string, unknown>;

      const where = sanitized.filters
        ? (strapi.get('query-params').transform(uid, { filters: sanitized.filters }).where as Record<
            string,
            unknown
          >)
        : null;
      const page = await getService(strapi, 'list-search').page(uid, { ...read.params, where });

      const documents = page.ids.length
        ? await strapi.documents(uid).findMany({
            fields: sanitized.fields as never,
            populate: sanitized.populate as never,
            filters: { id: { $in: page.ids } } as never,
            limit: page.ids.length,
          })
        : [];
      const byId = new Map(documents.map((document) => [document.id as number, document]));
      const ordered = page.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)] : []));
      const data = await core.sanitizeOutput(ordered, ctx);
      return core.transformResponse(data, {
        pagination: {
          pageSize: read.params.pageSize,
          nextCursor: page.nextCursor,
          total: page.total,
          totalIsExact: page.totalIsExact,
        },
      });
    },
  }));
