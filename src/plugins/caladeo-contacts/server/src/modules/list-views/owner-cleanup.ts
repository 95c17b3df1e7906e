import type { Core } from '@strapi/strapi';
import { ADMIN_USER_UID, UID } from '../../../../shared/constants';

type DeletionEvent = {
  params: { where?: unknown };
  state: Record<string, unknown>;
  result?: unknown;
};

const DELETED_IDS = 'caladeoListViewOwners';

const idOf = (row: unknown) => {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? id : null;
};

/**
 * Removes what the list-views module keeps for admin users who no longer exist: their saved views
 * and their columns of each list. Strapi deletes admin users through the query engine (Settings →
 * Users, one or many at once), not the document service, so this listens to the database's own
 * lifecycles of `admin::user`; a bulk delete notes the ids it is about to remove before it runs.
 */
export const forgetDeletedAdminUsers = (strapi: Core.Strapi) => {
  const forget = async (ownerIds: number[]) => {
    if (ownerIds.length === 0) return;
    const where = { ownerId: { $in: ownerIds } };
    await strapi.db.query(UID.listView).deleteMany({ where });
    await strapi.db.query(UID.listPreference).deleteMany({ where });
  };

  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER_UID],
    async afterDelete(event: DeletionEvent) {
      const id = idOf(event.result);
      if (id !== null) await forget([id]);
    },
    async beforeDeleteMany(event: DeletionEvent) {
      const rows = (await strapi.db
        .query(ADMIN_USER_UID)
        .findMany({ select: ['id'], where: event.params.where as never })) as unknown[];
      event.state[DELETED_IDS] = rows.map(idOf).filter((id): id is number => id !== null);
    },
    async afterDeleteMany(event: DeletionEvent) {
      await forget((event.state[DELETED_IDS] as number[] | undefined) ?? []);
    },
  });
};
