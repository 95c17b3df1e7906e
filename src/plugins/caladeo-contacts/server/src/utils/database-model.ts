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
