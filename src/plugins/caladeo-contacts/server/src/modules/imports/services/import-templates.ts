import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { singleFieldError } from '../../../utils/errors';
import { isUniqueViolation } from '../../../utils/unique-violation';
import { problem } from '../../../validation';
import type { TemplateInput } from '../admin-validation';
import type { ImportTemplateEntry } from '../../../../../shared/contracts/admin';
import type { Mapping } from '../mapping';
import { templateNameKey } from '../template-name';

type TemplateRecord = {
  documentId: string;
  name: string;
  mapping: Mapping;
  createdByName: string | null;
  createdAt: string;
};

const FIELDS = ['documentId', 'name', 'mapping', 'createdByName', 'createdAt'];

const entryOf = ({ createdByName, ...record }: TemplateRecord): ImportTemplateEntry => ({
  ...record,
  createdBy: createdByName,
});

/**
 * Mapping templates: a column mapping saved under a name, so that next month's file from the same
 * CRM is mapped in one click. Names are unique whatever their case and accents: a friendly check
 * first, then the unique index on the folded name, which decides between two saves at once.
 */
const importTemplates = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.query(UID.importTemplate);
  return {
    async list() {
      const records = (await table().findMany({
        select: FIELDS,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      })) as TemplateRecord[];
      return records.map(entryOf);
    },

    async create({ name, mapping }: TemplateInput, createdBy: string | null) {
      const nameKey = templateNameKey(name);
      const taken = () => singleFieldError('name', problem('import.templateNameTaken'));
      try {
        return await strapi.db.transaction(async () => {
          if ((await table().count({ where: { nameKey } })) > 0) throw taken();
          const created = (await strapi.documents(UID.importTemplate).create({
            data: { name, nameKey, mapping, createdByName: createdBy } as never,
          })) as unknown as { documentId: string };
          const record = (await table().findOne({
            select: FIELDS,
            where: { documentId: created.documentId },
          })) as TemplateRecord;
          return entryOf(record);
        });
      } catch (error) {
        // another save of the same name won the race: the index refused this one
        if (isUniqueViolation(error)) throw taken();
        throw error;
      }
    },

    /** Removes a template; false when there is none by that documentId. */
    async delete(documentId: string) {
      const record = await table().findOne({ select: ['id'], where: { documentId } });
      if (!record) return false;
      await strapi.documents(UID.importTemplate).delete({ documentId });
      return true;
    },
  };
};

export type ImportTemplatesService = ReturnType<typeof importTemplates>;
export default importTemplates;
