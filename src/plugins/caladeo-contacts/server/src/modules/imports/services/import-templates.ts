import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { singleFieldError } from '../../../utils/errors';
import { problem } from '../../../validation';
import type { TemplateInput } from '../admin-validation';
import type { ImportTemplateEntry } from '../../../../../shared/contracts/admin';
import type { Mapping } from '../mapping';

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
 * CRM is mapped in one click. Names are unique whatever their case.
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
      return strapi.db.transaction(async () => {
        const taken = await table().count({ where: { name: { $eqi: name } } });
        if (taken > 0) throw singleFieldError('name', problem('import.templateNameTaken'));
        const created = (await strapi.documents(UID.importTemplate).create({
          data: { name, mapping, createdByName: createdBy } as never,
        })) as unknown as { documentId: string };
        const record = (await table().findOne({
          select: FIELDS,
          where: { documentId: created.documentId },
        })) as TemplateRecord;
        return entryOf(record);
      });
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
