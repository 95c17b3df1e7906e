import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { getService } from '../../../utils/get-service';
import type { ImportHistoryQuery } from '../admin-validation';

/**
 * The admin's history of imports, newest first. Each entry is the import's own summary (who, when,
 * file, mode, dry run, status, counts, progress), so the list and an import's page never disagree.
 */
const importHistory = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list({ page, pageSize }: ImportHistoryQuery) {
    const table = strapi.db.query(UID.contactImport);
    const [records, total] = await Promise.all([
      table.findMany({
        select: ['documentId'],
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<Array<{ documentId: string }>>,
      table.count(),
    ]);
    const imports = getService(strapi, 'imports');
    const summaries = await Promise.all(records.map(({ documentId }) => imports.summary(documentId)));
    return {
      data: summaries.filter((summary) => summary !== null),
      meta: { pagination: { page, pageSize, total } },
    };
  },
});

export type ImportHistoryService = ReturnType<typeof importHistory>;
export default importHistory;
