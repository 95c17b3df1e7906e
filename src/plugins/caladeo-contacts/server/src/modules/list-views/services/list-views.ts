import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import {
  MAX_LIST_VIEWS_PER_USER,
  type ListViewEntry,
  type ListViewList,
  type ListViewState,
} from '../../../../../shared/list-views';
import { singleFieldError } from '../../../utils/errors';
import { isUniqueViolation } from '../../../utils/unique-violation';
import { problem } from '../../../validation';
import { foldedNameKey } from '../../../validation/fold';
import type { ListViewInput, ListViewPatch } from '../validation';

type ViewRecord = { id: number; documentId: string; name: string; state: ListViewState; updatedAt: string };

const FIELDS = ['id', 'documentId', 'name', 'state', 'updatedAt'];

const entryOf = ({ documentId, name, state, updatedAt }: ViewRecord): ListViewEntry => ({
  documentId,
  name,
  state,
  updatedAt: new Date(updatedAt).toISOString(),
});

/** Whose views and of which list: every read and write is narrowed to them. */
export type ViewOwner = { ownerId: number; list: ListViewList };

/**
 * Saved views: one admin user's search, filters, columns, order and page size of a list, under a
 * name unique among their own views of that list whatever its case and accents. A view belongs to
 * the user who saved it: another user's documentId is answered as unknown (null here, 404 above).
 */
const listViews = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.query(UID.listView);
  const taken = () => singleFieldError('name', problem('listView.nameTaken'));

  const findOwn = async (owner: ViewOwner, documentId: string) =>
    (await table().findOne({ select: FIELDS, where: { ...owner, documentId } })) as ViewRecord | null;

  /** Refuses a name another of the owner's views of the list holds, except the view being renamed. */
  const refuseTakenName = async (owner: ViewOwner, nameKey: string, except?: number) => {
    const where = except === undefined ? { ...owner, nameKey } : { ...owner, nameKey, id: { $ne: except } };
    if ((await table().count({ where })) > 0) throw taken();
  };

  /** Runs a write; another save of the same name that won the race makes the index refuse this one. */
  const settlingRaces = async <T>(write: () => Promise<T>) => {
    try {
      return await strapi.db.transaction(write);
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  };

  return {
    async list(owner: ViewOwner) {
      const records = (await table().findMany({
        select: FIELDS,
        where: owner,
        orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
      })) as ViewRecord[];
      return records.map(entryOf);
    },

    async create(owner: ViewOwner, { name, state }: ListViewInput) {
      const nameKey = foldedNameKey(name);
      return settlingRaces(async () => {
        await refuseTakenName(owner, nameKey);
        if ((await table().count({ where: owner })) >= MAX_LIST_VIEWS_PER_USER) {
          throw singleFieldError('name', problem('listView.tooMany', { max: MAX_LIST_VIEWS_PER_USER }));
        }
        const created = (await strapi.documents(UID.listView).create({
          data: { ...owner, name, nameKey, state } as never,
        })) as unknown as { documentId: string };
        return entryOf((await findOwn(owner, created.documentId)) as ViewRecord);
      });
    },

    /** Renames a view or gives it a new state; null when the owner has no view by that documentId. */
    async update(owner: ViewOwner, documentId: string, patch: ListViewPatch) {
      return settlingRaces(async () => {
        const record = await findOwn(owner, documentId);
        if (!record) return null;
        const data: Record<string, unknown> = {};
        if (patch.name !== undefined) {
          const nameKey = foldedNameKey(patch.name);
          await refuseTakenName(owner, nameKey, record.id);
          Object.assign(data, { name: patch.name, nameKey });
        }
        if (patch.state !== undefined) data.state = patch.state;
        await strapi.documents(UID.listView).update({ documentId, data: data as never });
        return entryOf((await findOwn(owner, documentId)) as ViewRecord);
      });
    },

    /** Removes a view; false when the owner has none by that documentId. */
    async delete(owner: ViewOwner, documentId: string) {
      if (!(await findOwn(owner, documentId))) return false;
      await strapi.documents(UID.listView).delete({ documentId });
      return true;
    },
  };
};

export type ListViewsService = ReturnType<typeof listViews>;
export default listViews;
