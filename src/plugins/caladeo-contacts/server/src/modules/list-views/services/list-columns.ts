import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import type { ListColumnsEntry } from '../../../../../shared/list-views';
import { isUniqueViolation } from '../../../utils/unique-violation';
import type { ViewOwner } from './list-views';

type PreferenceRecord = { documentId: string; columns: string[] };

/**
 * The columns each admin user shows in a list, in their order: one row per user and list (a unique
 * index), kept on the server so that they follow the user from one browser to another.
 */
const listColumns = ({ strapi }: { strapi: Core.Strapi }) => {
  const find = async (owner: ViewOwner) =>
    (await strapi.db
      .query(UID.listPreference)
      .findOne({ select: ['documentId', 'columns'], where: owner })) as PreferenceRecord | null;

  const write = async (owner: ViewOwner, columns: string[]) => {
    const existing = await find(owner);
    if (existing) {
      await strapi.documents(UID.listPreference).update({
        documentId: existing.documentId,
        data: { columns } as never,
      });
    } else {
      await strapi.documents(UID.listPreference).create({ data: { ...owner, columns } as never });
    }
  };

  return {
    async get(owner: ViewOwner): Promise<ListColumnsEntry> {
      return { columns: (await find(owner))?.columns ?? null };
    },

    async set(owner: ViewOwner, columns: string[]): Promise<ListColumnsEntry> {
      try {
        await write(owner, columns);
      } catch (error) {
        // the same user's other tab created the row at the same moment: the index kept one, update it
        if (!isUniqueViolation(error)) throw error;
        await write(owner, columns);
      }
      return { columns };
    },
  };
};

export type ListColumnsService = ReturnType<typeof listColumns>;
export default listColumns;
