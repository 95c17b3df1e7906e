import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import { readListSearchParams, wantsListSearch } from '../../search/request';
import type { SearchableUid } from '../../search/services/list-search';
import { fieldValidationError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { refuseQueryParams } from '../../../utils/params';

type KoaContext = Parameters<Core.CoreAPI.Controller.CollectionType['find']>[0];

/** What `GET …/count` takes: the list's search and filters, nothing about pages or fields. */
export const COUNT_QUERY_PARAMS = ['q', 'filters'] as const;

/**
 * A core controller whose list also answers `q` (accent-insensitive search), `cursor` (keyset
 * pagination) and `order`, with a total that never costs a full count (or none, with
 * `pagination[withCount]=false`), and whose `count` gives that total apart. Without those
 * parameters the list is Strapi's own. Everything else (auth, query validation and sanitizing,
 * output sanitizing) is the core controller's.
 */
export const createSearchableController = (uid: SearchableUid) =>
  factories.createCoreController(uid, ({ strapi }) => {
    type QueryTools = {
      validateQuery: (ctx: KoaContext) => Promise<void>;
      sanitizeQuery: (ctx: KoaContext) => Promise<unknown>;
    };
    /** The caller's filters, validated and sanitized as Strapi does for any list, as a `where`. */
    const sanitizedWhere = async (core: QueryTools, ctx: KoaContext) => {
      await core.validateQuery(ctx);
      const sanitized = (await core.sanitizeQuery(ctx)) as Record<string, unknown>;
      const where = sanitized.filters
        ? (strapi.get('query-params').transform(uid, { filters: sanitized.filters }).where as Record<
            string,
            unknown
          >)
        : null;
      return { sanitized, where };
    };

    return {
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
        const { sanitized, where } = await sanitizedWhere(core, ctx);
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
          pagination: { pageSize: read.params.pageSize, nextCursor: page.nextCursor, ...page.count },
        });
      },

      /**
       * `GET …/count?q=…&filters…`: the total the list would show for the same search and filters
       * (counted up to the cap), for a caller that asked the list with `pagination[withCount]=false`.
       */
      async count(ctx: KoaContext) {
        const core = this as Required<Pick<typeof this, 'validateQuery' | 'sanitizeQuery'>>;
        refuseQueryParams(ctx, COUNT_QUERY_PARAMS);
        const query = ctx.query as Record<string, unknown>;
        const read = readListSearchParams({ q: query.q });
        if (!read.ok) throw fieldValidationError(read.errors);
        ctx.query = query.filters === undefined ? {} : { filters: query.filters };
        const { where } = await sanitizedWhere(core, ctx);
        ctx.body = await getService(strapi, 'list-search').count(uid, { q: read.params.q, where });
      },
    };
  });
