import type { Core } from '@strapi/strapi';

/**
 * What Strapi's database metadata says of a content type, as the bulk paths read it: its table,
 * each attribute's column, and the join table of a relation.
 */
export type DatabaseModel = {
  tableName: string;
  attributes: Record<
    string,
    {
      type: string;
      columnName?: string;
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
        orderColumnName?: string;
        inverseOrderColumnName?: string;
      };
    }
  >;
};

/** A content type's database model. */
export const modelOf = (strapi: Core.Strapi, uid: string) =>
  strapi.db.metadata.get(uid as never) as unknown as DatabaseModel;

/** The join table of a relation: its name, the column of this side and the column of the other. */
export const joinOf = (strapi: Core.Strapi, uid: string, attribute: string) => {
  const join = modelOf(strapi, uid).attributes[attribute]?.joinTable;
  if (!join) throw new Error(`${uid}.${attribute} has no join table`);
  return { table: join.name, own: join.joinColumn.name, other: join.inverseJoinColumn.name };
};

/**
 * Fields Strapi keeps on every document: its ids, timestamps, authors and publication state, and
 * the i18n locale. The application never sets them (a write body naming one is refused) and their
 * change is not news (the history does not record it).
 */
export const STRAPI_SYSTEM_FIELDS: readonly string[] = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
];
