import type { Knex } from 'knex';

/**
 * A link's ends live in join tables, so no index of the link table alone can say "one role per
 * contact and target". Each link row therefore carries a private `pair_key` column,
 * `contactDocumentId:targetDocumentId:role`, under a unique index (database/migrations): the
 * database, not a row lock, refuses the second link of one role. The link rules fill it on every
 * write through the document service; merges, which move join rows directly, refresh it with
 * `refreshLinkPairKeys`, and the bulk seed writes it with the rows (`linkPairKey`).
 */
export type LinkKeyTable = {
  table: string;
  index: string;
  contactJoin: { table: string; link: string; end: string };
  targetJoin: { table: string; link: string; end: string };
  targetTable: string;
};

export const CONTACT_TABLE = 'caladeo_contacts';

export const LINK_KEY_TABLES: readonly LinkKeyTable[] = [
  {
    table: 'caladeo_client_contacts',
    index: 'caladeo_client_contacts_pair_unique',
    contactJoin: {
      table: 'caladeo_client_contacts_contact_lnk',
      link: 'client_contact_id',
      end: 'contact_id',
    },
    targetJoin: { table: 'caladeo_client_contacts_client_lnk', link: 'client_contact_id', end: 'client_id' },
    targetTable: 'caladeo_clients',
  },
  {
    table: 'caladeo_offer_contacts',
    index: 'caladeo_offer_contacts_pair_unique',
    contactJoin: { table: 'caladeo_offer_contacts_contact_lnk', link: 'offer_contact_id', end: 'contact_id' },
    targetJoin: { table: 'caladeo_offer_contacts_offer_lnk', link: 'offer_contact_id', end: 'offer_id' },
    targetTable: 'offers',
  },
];

/** The key of one role of one contact on one target. */
export const linkPairKey = (contactDocumentId: string, targetDocumentId: string, role: string) =>
  `${contactDocumentId}:${targetDocumentId}:${role}`;

/** SQL giving the key of the link row `${table}.id` from its join rows (null without both ends). */
const pairKeyExpression = ({ table, contactJoin, targetJoin, targetTable }: LinkKeyTable) =>
  `(SELECT c.document_id || ':' || t.document_id || ':' || ${table}.role
      FROM ${contactJoin.table} cj
      JOIN ${CONTACT_TABLE} c ON c.id = cj.${contactJoin.end}
      JOIN ${targetJoin.table} tj ON tj.${targetJoin.link} = cj.${contactJoin.link}
      JOIN ${targetTable} t ON t.id = tj.${targetJoin.end}
     WHERE cj.${contactJoin.link} = ${table}.id
     LIMIT 1)`;

/**
 * Recomputes the key of the given link rows (all rows whose key is missing when `ids` is
 * undefined) from their join rows, in the caller's transaction. Given rows lose their key first:
 * PostgreSQL checks a unique index row by row, so two links trading keys in one UPDATE would
 * collide halfway.
 */
export const refreshLinkPairKeys = async (knex: Knex, spec: LinkKeyTable, ids?: readonly number[]) => {
  if (ids === undefined) {
    await knex.raw(`UPDATE ${spec.table} SET pair_key = ${pairKeyExpression(spec)} WHERE pair_key IS NULL`);
    return;
  }
  for (let start = 0; start < ids.length; start += 500) {
    const batch = ids.slice(start, start + 500).map(Number);
    await knex(spec.table).whereIn('id', batch).update({ pair_key: null });
  }
  for (let start = 0; start < ids.length; start += 500) {
    const batch = ids.slice(start, start + 500).map(Number);
    await knex.raw(
      `UPDATE ${spec.table} SET pair_key = ${pairKeyExpression(spec)} WHERE id IN (${batch.map(() => '?').join(', ')})`,
      batch
    );
  }
};

/** The key columns of the link table named `table`. */
export const linkKeyTableOf = (table: string) => {
  const spec = LINK_KEY_TABLES.find((candidate) => candidate.table === table);
  if (!spec) throw new Error(`${table} is not a link table`);
  return spec;
};

/**
 * The links that hold the same role of one contact on one target as another link: each group
 * keeps its primary link if one is, else its oldest, and loses the others (join rows with them).
 * Returns how many links were removed.
 */
export const collapseDuplicateLinks = async (knex: Knex, spec: LinkKeyTable) => {
  const { table, contactJoin, targetJoin } = spec;
  const withEnds = () =>
    knex(`${table} as l`)
      .join(`${contactJoin.table} as cj`, `cj.${contactJoin.link}`, 'l.id')
      .join(`${targetJoin.table} as tj`, `tj.${targetJoin.link}`, 'l.id');
  const duplicated = await withEnds()
    .select(`cj.${contactJoin.end}`, `tj.${targetJoin.end}`, 'l.role')
    .groupBy(`cj.${contactJoin.end}`, `tj.${targetJoin.end}`, 'l.role')
    .havingRaw('count(*) > 1')
    .first();
  if (!duplicated) return 0;

  // rare (data written before the index existed): read every link with its ends once
  const rows = (await withEnds()
    .select(
      'l.id',
      'l.role',
      'l.is_primary',
      `cj.${contactJoin.end} as contact_id`,
      `tj.${targetJoin.end} as target_id`
    )
    .orderBy('l.id')) as {
    id: number;
    role: string;
    is_primary: unknown;
    contact_id: number;
    target_id: number;
  }[];
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.contact_id}:${row.target_id}:${row.role}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const removed: number[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const keep = group.find((row) => Boolean(row.is_primary)) ?? group[0];
    removed.push(...group.filter((row) => row !== keep).map((row) => row.id));
  }
  for (let start = 0; start < removed.length; start += 500) {
    const ids = removed.slice(start, start + 500);
    await knex(contactJoin.table).whereIn(contactJoin.link, ids).delete();
    await knex(targetJoin.table).whereIn(targetJoin.link, ids).delete();
    await knex(table).whereIn('id', ids).delete();
  }
  return removed.length;
};
