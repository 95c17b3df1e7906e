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
