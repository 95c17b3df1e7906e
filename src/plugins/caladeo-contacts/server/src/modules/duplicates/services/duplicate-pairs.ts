import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { performance } from 'perf_hooks';
import {
  UID,
  type DuplicatePairStatus,
  type JobState,
  type DuplicateReason,
} from '../../../../../shared/constants';
import { getService } from '../../../utils/get-service';
import { readConnection } from '../../../utils/read-transaction';
import { newDocumentId } from '../../../utils/bulk-insert';
import { cityKey, namePartsOf, type NameParts } from '../../../validation';
import { REFRESH_JOB, SCAN_JOB } from '../jobs';
import { pairKey, pairsOfBlock, similarNamePairs, MAX_BLOCK } from '../candidate-pairs';
import { CLIENTS, CLIENT_LINKS, CONTACTS, CONTACT_LINKS, SHOWN_COLUMNS } from '../tables';
import { comparisonKeys, duplicateScore, reasonsBetween, type ComparedContact } from '../reasons';

const PAIRS = 'caladeo_duplicate_pairs';

/** Rows read per page of the name pass. */
const PAGE = 20_000;
/** Candidate pairs scored together: their contacts are read in one query. */
const SCORE_BATCH = 5_000;
/** Pairs written per statement: ten parameters a pair on SQLite, five arrays on PostgreSQL. */
const WRITE_BATCH = { sqlite: 1_000, postgres: 5_000 };

export type ScoredPair = { a: number; b: number; score: number; reasons: DuplicateReason[] };

export type PairContact = { [Key in keyof typeof SHOWN_COLUMNS]: string | null };

export type DuplicatePairEntry = {
  documentId: string;
  score: number;
  reasons: DuplicateReason[];
  status: DuplicatePairStatus;
  dismissedBy: string | null;
  dismissedAt: string | null;
  contacts: [PairContact, PairContact];
};

export type PairListQuery = {
  status?: DuplicatePairStatus;
  /** One pair only (its entry after a dismissal). */
  documentId?: string;
  reason?: DuplicateReason;
  client?: string;
  page: number;
  pageSize: number;
};

export type ScanReport = {
  candidates: number;
  pairs: number;
  /** Blocks left unexpanded because more than MAX_BLOCK contacts share their key. */
  oversizedBlocks: number;
  /** Milliseconds spent in each pass, in the order they ran. */
  passMs: Record<'sharedKeys' | 'sameName' | 'similarNames' | 'cleanUp', number>;
};

const SCAN_FIELDS = [
  'id',
  'state',
  'progressDone',
  'progressTotal',
  'lastError',
  'startedAt',
  'finishedAt',
  'createdAt',
];

/** What the page and the API show of a scan: its job, never its payload. */
export type ScanJob = {
  id: number;
  state: JobState;
  progressDone: number | null;
  progressTotal: number | null;
  lastError: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
};

type ScanOptions = { scanId: number | null; progress?: (done: number, total?: number) => Promise<void> };

const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

const parseReasons = (value: unknown): DuplicateReason[] =>
  (typeof value === 'string' ? JSON.parse(value) : value) as DuplicateReason[];

/**
 * The same upsert as upsertPairs' on PostgreSQL, with one array per column: a few parameters
 * instead of ten a row, which halves the cost of writing the hundreds of thousands of pairs of a
 * full scan.
 */
const upsertOnPostgres = (db: Knex, pairs: ScoredPair[], scanId: number | null, stamp: Date) =>
  db.raw(
    `INSERT INTO ${PAIRS} (document_id, contact_a, contact_b, score, reasons, status, scan_id, created_at, updated_at, published_at)
     SELECT document_id, contact_a, contact_b, score, reasons::jsonb, 'open', ?::integer, ?::timestamp, ?::timestamp, ?::timestamp
       FROM unnest(?::text[], ?::integer[], ?::integer[], ?::float8[], ?::text[])
         AS batch(document_id, contact_a, contact_b, score, reasons)
     ON CONFLICT (contact_a, contact_b) DO UPDATE
        SET score = excluded.score, reasons = excluded.reasons, scan_id = excluded.scan_id,
            updated_at = excluded.updated_at
      WHERE ${PAIRS}.status = 'open'`,
    [
      scanId,
      stamp,
      stamp,
      stamp,
      pairs.map(() => newDocumentId()),
      pairs.map((pair) => Math.min(pair.a, pair.b)),
      pairs.map((pair) => Math.max(pair.a, pair.b)),
      pairs.map((pair) => pair.score),
      pairs.map((pair) => JSON.stringify(pair.reasons)),
    ]
  );

/**
 * The likely duplicate pairs among the stored contacts: the scan that finds them all, the
 * refresh of one contact's pairs after a write, the list of the "Doublons" page and "Pas un
 * doublon". Every pair is decided by reasons.ts, as the warning at entry is.
 */
const duplicatePairs = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => readConnection(strapi);
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const now = () => (isPostgres() ? new Date() : Date.now());

  /** The contacts of these ids as reasons.ts compares them; clients by row id, which is enough to compare. */
  const comparedByIds = async (ids: number[]) => {
    const compared = new Map<number, ComparedContact>();
    for (let start = 0; start < ids.length; start += SCORE_BATCH * 2) {
      const slice = ids.slice(start, start + SCORE_BATCH * 2);
      const [rows, links] = await Promise.all([
        knex()(CONTACTS)
          .select('id', 'first_name', 'last_name', 'email', 'phone', 'postal_code', 'city')
          .whereIn('id', slice) as Promise<Record<string, string | number | null>[]>,
        knex()(`${CONTACT_LINKS} as cl`)
          .join(`${CLIENT_LINKS} as kl`, 'kl.client_contact_id', 'cl.client_contact_id')
          .whereIn('cl.contact_id', slice)
          .select('cl.contact_id', 'kl.client_id') as Promise<{ contact_id: number; client_id: number }[]>,
      ]);
      const clients = new Map<number, string[]>();
      for (const link of links)
        clients.set(link.contact_id, [...(clients.get(link.contact_id) ?? []), String(link.client_id)]);
      for (const row of rows) {
        const id = Number(row.id);
        compared.set(id, {
          firstName: row.first_name as string | null,
          lastName: row.last_name as string | null,
          email: row.email as string | null,
          phone: row.phone as string | null,
          postalCode: row.postal_code as string | null,
          city: row.city as string | null,
          clients: clients.get(id) ?? [],
        });
      }
    }
    return compared;
  };

  /**
   * Writes pairs, keeping what a person decided: a dismissed (or merged) pair keeps its status and
   * is never proposed again; an open one takes the new score and reasons.
   */
  const upsertPairs = async (pairs: ScoredPair[], scanId: number | null, db: Knex = knex()) => {
    const stamp = now();
    const size = isPostgres() ? WRITE_BATCH.postgres : WRITE_BATCH.sqlite;
    for (let start = 0; start < pairs.length; start += size) {
      const batch = pairs.slice(start, start + size);
      if (isPostgres()) {
        await upsertOnPostgres(db, batch, scanId, stamp as Date);
        continue;
      }
      const rows = batch.map((pair) => ({
        document_id: newDocumentId(),
        contact_a: Math.min(pair.a, pair.b),
        contact_b: Math.max(pair.a, pair.b),
        score: pair.score,
        reasons: JSON.stringify(pair.reasons),
        status: 'open',
        scan_id: scanId,
        created_at: stamp,
        updated_at: stamp,
        published_at: stamp,
      }));
      await db(PAIRS)
        .insert(rows)
        .onConflict(['contact_a', 'contact_b'])
        .merge(['score', 'reasons', 'scan_id', 'updated_at'])
        .where(`${PAIRS}.status`, 'open');
    }
  };

  const scorePairs = async (candidates: [number, number][]): Promise<ScoredPair[]> => {
    const ids = [...new Set(candidates.flat())];
    const compared = await comparedByIds(ids);
    const scored: ScoredPair[] = [];
    for (const [a, b] of candidates) {
      const left = compared.get(a);
      const right = compared.get(b);
      if (!left || !right) continue;
      const reasons = reasonsBetween(left, right);
      if (reasons.length > 0) scored.push({ a, b, score: duplicateScore(reasons), reasons });
    }
    return scored;
  };

  /** Rows of one exact key, for the groups of 2 to MAX_BLOCK contacts that share it. */
  const sharedKeyGroups = async (column: string) => {
    const shared = knex()(CONTACTS)
      .select(column)
      .whereNotNull(column)
      .groupBy(column)
      .havingRaw('count(*) between 2 and ?', [MAX_BLOCK]);
    const rows = (await knex()(CONTACTS)
      .select('id', column)
      .whereIn(column, shared)
      .orderBy(column)) as Record<string, unknown>[];
    const groups = new Map<string, number[]>();
    for (const row of rows) {
      const key = String(row[column]);
      groups.set(key, [...(groups.get(key) ?? []), Number(row.id)]);
    }
    return groups.values();
  };

  /** Contacts linked to one client under the same folded name, in groups. */
  const sameNameOnClientGroups = async () => {
    const linked = knex()(`${CONTACT_LINKS} as cl`)
      .join(`${CLIENT_LINKS} as kl`, 'kl.client_contact_id', 'cl.client_contact_id')
      .join(`${CONTACTS} as c`, 'c.id', 'cl.contact_id')
      .whereNotNull('c.name_key')
      .select('kl.client_id as client_id', 'c.name_key as name_key', 'c.id as id');
    const rows = (await knex()
      .with('linked', linked)
      .with('shared', (query) =>
        query
          .select('client_id', 'name_key')
          .from('linked')
          .groupBy('client_id', 'name_key')
          .havingRaw('count(*) between 2 and ?', [MAX_BLOCK])
      )
      .select('linked.client_id', 'linked.name_key', 'linked.id')
      .from('linked')
      .join('shared', function joinShared() {
        this.on('shared.client_id', 'linked.client_id').andOn('shared.name_key', 'linked.name_key');
      })) as { client_id: number; name_key: string; id: number }[];
    const groups = new Map<string, number[]>();
    for (const row of rows) {
      const key = `${row.client_id} ${row.name_key}`;
      groups.set(key, [...(groups.get(key) ?? []), Number(row.id)]);
    }
    return groups.values();
  };

  return {
    /**
     * Every likely duplicate pair of the base. Candidates come from blocking keys, never from all
     * pairs; each is then decided by reasons.ts. Open pairs this scan no longer finds are removed
     * (unless refreshed by a write since it started); dismissed ones stay, so that they are never
     * proposed again.
     */
    async scan({ scanId, progress }: ScanOptions): Promise<ScanReport> {
      const started = now();
      const seen = new Set<string>();
      let pending: [number, number][] = [];
      const report: ScanReport = {
        candidates: 0,
        pairs: 0,
        oversizedBlocks: 0,
        passMs: { sharedKeys: 0, sameName: 0, similarNames: 0, cleanUp: 0 },
      };
      let passStart = performance.now();
      const endPass = (pass: keyof ScanReport['passMs']) => {
        const end = performance.now();
        report.passMs[pass] = Math.round(end - passStart);
        passStart = end;
      };
      const total = (await strapi.db.query(UID.contact).count({})) * 2;
      let done = 0;

      const flush = async () => {
        if (pending.length === 0) return;
        const scored = await scorePairs(pending);
        pending = [];
        await upsertPairs(scored, scanId);
        report.pairs += scored.length;
        await progress?.(Math.min(done, total), total);
        await yieldToRequests();
      };
      const addBlock = async (ids: readonly number[]) => {
        if (ids.length > MAX_BLOCK) report.oversizedBlocks += 1;
        for (const [a, b] of pairsOfBlock(ids)) {
          const key = pairKey(a, b);
          if (seen.has(key)) continue;
          seen.add(key);
          report.candidates += 1;
          pending.push([a, b]);
          if (pending.length >= SCORE_BATCH) await flush();
        }
      };

      // the same phone, the same e-mail local part (on another domain: reasons.ts decides)
      for (const column of ['phone', 'email_local_part']) {
        for (const group of await sharedKeyGroups(column)) await addBlock(group);
      }
      for (const group of await sameNameOnClientGroups()) await addBlock(group);
      endPass('sharedKeys');

      // the same folded name in one postal code or one city: a page of rows at a time, in name order
      let after: string | null = null;
      for (;;) {
        const query = knex()(CONTACTS)
          .select('id', 'name_key', 'postal_code', 'city')
          .whereNotNull('name_key')
          .orderBy('name_key')
          .limit(PAGE);
        if (after !== null) query.where('name_key', '>=', after);
        const rows = (await query) as {
          id: number;
          name_key: string;
          postal_code: string | null;
          city: string | null;
        }[];
        if (rows.length === 0) break;
        const lastKey = (rows[rows.length - 1] as { name_key: string }).name_key;
        const isLastPage = rows.length < PAGE;
        // the last name of a full page may go on in the next one: it is read again there, whole
        const complete =
          isLastPage || rows[0]?.name_key === lastKey ? rows : rows.filter((row) => row.name_key !== lastKey);
        const byName = new Map<string, typeof rows>();
        for (const row of complete) byName.set(row.name_key, [...(byName.get(row.name_key) ?? []), row]);
        for (const group of byName.values()) {
          if (group.length < 2) continue;
          const byPlace = new Map<string, number[]>();
          for (const row of group) {
            const keys = comparisonKeys({ postalCode: row.postal_code, city: row.city });
            if (keys.postalCode)
              byPlace.set(`p ${keys.postalCode}`, [...(byPlace.get(`p ${keys.postalCode}`) ?? []), row.id]);
            const city = cityKey(row.city);
            if (city) byPlace.set(`c ${city}`, [...(byPlace.get(`c ${city}`) ?? []), row.id]);
          }
          for (const ids of byPlace.values()) await addBlock(ids);
        }
        done += complete.length;
        if (isLastPage) break;
        // a page holding one name only: that name is a block far too large to expand
        if (rows[0]?.name_key === lastKey) {
          report.oversizedBlocks += 1;
          after = `${lastKey}\u0000`;
        } else {
          after = lastKey;
        }
        await yieldToRequests();
      }

      endPass('sameName');

      // similar names in one postal code
      const postalCodes = (await knex()(CONTACTS)
        .distinct('postal_code')
        .whereNotNull('postal_code')
        .whereNotNull('name_key')) as { postal_code: string }[];
      for (const { postal_code: postalCode } of postalCodes) {
        const rows = (await knex()(CONTACTS)
          .select('id', 'name_key', 'first_name', 'last_name')
          .where({ postal_code: postalCode })
          .whereNotNull('name_key')) as {
          id: number;
          name_key: string;
          first_name: string;
          last_name: string;
        }[];
        const idsByName = new Map<string, number[]>();
        const names: NameParts[] = [];
        for (const row of rows) {
          const ids = idsByName.get(row.name_key);
          if (ids) ids.push(row.id);
          else {
            idsByName.set(row.name_key, [row.id]);
            const parts = namePartsOf(row.first_name, row.last_name);
            if (parts) names.push(parts);
          }
        }
        for (const [left, right] of similarNamePairs(names)) {
          const leftIds = idsByName.get(left) as number[];
          const rightIds = idsByName.get(right) as number[];
          if (leftIds.length * rightIds.length > MAX_BLOCK * MAX_BLOCK) {
            report.oversizedBlocks += 1;
            continue;
          }
          for (const a of leftIds) for (const b of rightIds) await addBlock([a, b]);
        }
        done += rows.length;
        await yieldToRequests();
      }
      await flush();
      endPass('similarNames');

      // open pairs no longer found, and the pairs of contacts deleted without the document service
      await knex()(PAIRS)
        .where('status', 'open')
        .where('updated_at', '<', started)
        .where((query) => {
          if (scanId === null) query.whereNull('scan_id');
          else query.whereNot('scan_id', scanId).orWhereNull('scan_id');
        })
        .delete();
      await knex()(PAIRS)
        .whereNotExists(knex()(CONTACTS).select('id').whereRaw(`${CONTACTS}.id = ${PAIRS}.contact_a`))
        .orWhereNotExists(knex()(CONTACTS).select('id').whereRaw(`${CONTACTS}.id = ${PAIRS}.contact_b`))
        .delete();
      // a full scan rewrites most of the table: without fresh statistics the planner takes the
      // pairs of one contact for most of them, and each refresh after a write reads them all
      if (isPostgres()) await knex().raw(`ANALYZE ${PAIRS}`);
      endPass('cleanUp');
      await progress?.(total, total);
      return report;
    },

    /**
     * The pairs of one contact after a write: its candidates are looked up by its keys (the
     * warning's lookup), decided by reasons.ts, written; its open pairs no longer found go.
     */
    async refreshContact(documentId: string) {
      const duplicates = getService(strapi, 'duplicates');
      const stored = await duplicates.comparedOfStored(documentId);
      if (!stored) return;
      const found = await duplicates.candidatesOf(stored, documentId);
      await strapi.db.transaction(async ({ trx }) => {
        const db = trx as unknown as Knex;
        await upsertPairs(
          found.map(({ id, score, reasons }) => ({ a: stored.id, b: id, score, reasons })),
          null,
          db
        );
        const kept = found.map(({ id }) => id);
        await db(PAIRS)
          .where('status', 'open')
          .where((query) =>
            query
              .where((mine) => mine.where('contact_a', stored.id).whereNotIn('contact_b', kept))
              .orWhere((mine) => mine.where('contact_b', stored.id).whereNotIn('contact_a', kept))
          )
          .delete();
      });
    },

    /**
     * After a merge, in its transaction: the merged contacts' open pairs go (a dismissed one stays,
     * so that an undo brings it back with its contact), and the survivor's pairs are looked up
     * again from its new values by a job. After an undo, each contact back gets its pairs again.
     */
    async refreshAfterMerge(
      survivorDocumentId: string,
      mergedIds: number[],
      restoredDocumentIds: string[] = []
    ) {
      if (mergedIds.length > 0)
        await strapi.db.query(UID.duplicatePair).deleteMany({
          where: {
            status: 'open',
            $or: [{ contactA: { $in: mergedIds } }, { contactB: { $in: mergedIds } }],
          },
        });
      const jobs = getService(strapi, 'jobs');
      for (const documentId of [survivorDocumentId, ...restoredDocumentIds])
        await jobs.enqueue(REFRESH_JOB, { documentId });
    },

    /** A deleted contact's pairs go with it, in the delete's transaction. */
    async removeContact(contactId: number) {
      await strapi.db
        .query(UID.duplicatePair)
        .deleteMany({ where: { $or: [{ contactA: contactId }, { contactB: contactId }] } });
    },

    async list({ status, reason, client, documentId, page, pageSize }: PairListQuery) {
      const filtered = () => {
        const query = knex()(`${PAIRS} as p`)
          .join(`${CONTACTS} as a`, 'a.id', 'p.contact_a')
          .join(`${CONTACTS} as b`, 'b.id', 'p.contact_b');
        if (status) query.where('p.status', status);
        if (documentId) query.where('p.document_id', documentId);
        if (reason) {
          if (isPostgres()) query.whereRaw('p.reasons @> ?::jsonb', [JSON.stringify([reason])]);
          else query.where('p.reasons', 'like', `%"${reason}"%`);
        }
        if (client) {
          const members = knex()(`${CONTACT_LINKS} as cl`)
            .join(`${CLIENT_LINKS} as kl`, 'kl.client_contact_id', 'cl.client_contact_id')
            .join(`${CLIENTS} as k`, 'k.id', 'kl.client_id')
            .where('k.document_id', client)
            .select('cl.contact_id');
          query.where((either) => either.whereIn('p.contact_a', members).orWhereIn('p.contact_b', members));
        }
        return query;
      };
      const columns = Object.entries(SHOWN_COLUMNS).flatMap(([field, column]) => [
        `a.${column} as a_${field}`,
        `b.${column} as b_${field}`,
      ]);
      const [rows, counted] = await Promise.all([
        filtered()
          .select(
            'p.document_id as documentId',
            'p.score',
            'p.reasons',
            'p.status',
            'p.dismissed_by as dismissedBy',
            'p.dismissed_at as dismissedAt',
            ...columns
          )
          .orderBy([
            { column: 'p.score', order: 'desc' },
            { column: 'p.id', order: 'asc' },
          ])
          .offset((page - 1) * pageSize)
          .limit(pageSize) as Promise<Record<string, unknown>[]>,
        filtered().count({ count: '*' }).first() as Promise<{ count: string | number } | undefined>,
      ]);
      const contactOf = (row: Record<string, unknown>, side: 'a' | 'b') =>
        Object.fromEntries(
          Object.keys(SHOWN_COLUMNS).map((field) => [
            field,
            (row[`${side}_${field}`] as string | null) ?? null,
          ])
        ) as PairContact;
      const data: DuplicatePairEntry[] = rows.map((row) => ({
        documentId: row.documentId as string,
        score: Number(row.score),
        reasons: parseReasons(row.reasons),
        status: row.status as DuplicatePairStatus,
        dismissedBy: (row.dismissedBy as string | null) ?? null,
        dismissedAt: row.dismissedAt ? new Date(row.dismissedAt as string | number).toISOString() : null,
        contacts: [contactOf(row, 'a'), contactOf(row, 'b')],
      }));
      return { data, meta: { pagination: { page, pageSize, total: Number(counted?.count ?? 0) } } };
    },

    /**
     * "Pas un doublon": the pair is kept as dismissed, so that no later scan or refresh proposes it
     * again. Answers the outcome, or null when there is no such pair.
     */
    async dismiss(documentId: string, dismissedBy: string | null) {
      const table = strapi.db.query(UID.duplicatePair);
      const { count } = await table.updateMany({
        where: { documentId, status: 'open' },
        data: { status: 'dismissed', dismissedBy, dismissedAt: new Date() },
      });
      const pair = (await table.findOne({ select: ['status'], where: { documentId } })) as {
        status: DuplicatePairStatus;
      } | null;
      if (!pair) return null;
      return { changed: count === 1, status: pair.status };
    },

    /**
     * Queues a full scan, unless one is queued or running already: that one is answered then.
     */
    async requestScan() {
      const current = (await strapi.db.query(UID.job).findOne({
        select: SCAN_FIELDS,
        where: { kind: SCAN_JOB.kind, state: { $in: ['queued', 'running'] } },
        orderBy: { id: 'desc' },
      })) as ScanJob | null;
      if (current) return current;
      const id = await getService(strapi, 'jobs').enqueue(SCAN_JOB, {});
      return (await strapi.db.query(UID.job).findOne({ select: SCAN_FIELDS, where: { id } })) as ScanJob;
    },

    /** The latest scan's job (its progress while it runs), or null before the first one. */
    async latestScan() {
      return (await strapi.db.query(UID.job).findOne({
        select: SCAN_FIELDS,
        where: { kind: SCAN_JOB.kind },
        orderBy: { id: 'desc' },
      })) as ScanJob | null;
    },

    /** One pair as the list shows it, whatever its status, or null. */
    async findOne(documentId: string): Promise<DuplicatePairEntry | null> {
      const { data } = await this.list({ documentId, page: 1, pageSize: 1 });
      return data[0] ?? null;
    },
  };
};

export type DuplicatePairsService = ReturnType<typeof duplicatePairs>;
export default duplicatePairs;
