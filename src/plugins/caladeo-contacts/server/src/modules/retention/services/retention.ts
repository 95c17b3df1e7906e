import type { Core } from '@strapi/strapi';
import {
  DOCUMENT_ID_PATTERN,
  RETENTION_POLICIES,
  UID,
  type RetentionPolicy,
} from '../../../../../shared/constants';
import { statusError } from '../../../utils/errors';
import { problem } from '../../../validation';
import type { ConsentActor } from '../../newsletter/services/consent-log';
import { TABLES, ACCEPTED, countDue, cutoffOf, dueContacts, monthsAfter, type Exclusion } from '../selection';
import { retentionSettings, type PolicySetting } from '../settings';
import { SCHEDULE_NAME } from '../schedule';
import { erasedContacts, eraseForRetention } from '../erasure';

export type Policy = PolicySetting & {
  policy: RetentionPolicy;
  /** Where the setting in force comes from: the configuration, or a change made from the admin. */
  source: 'config' | 'admin';
  changedBy: string | null;
  changedAt: string | null;
};

export type DueContact = {
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  policy: RetentionPolicy;
  /** When the policy made (or makes) the contact due: its last activity or trip, plus the period. */
  dueAt: string;
};

export type PreviewQuery = { policy: RetentionPolicy; after: number; pageSize: number };

/** An error of a run: the policy it happened under (none when the run itself stopped) and its message. */
export type RunFailure = { policy: RetentionPolicy | null; message: string };

export type RunReport = {
  id: number;
  jobId: number | null;
  status: string;
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  policies: Record<RetentionPolicy, { enabled: boolean; months: number; due: number; erased: number }>;
  dueCount: number;
  erasedCount: number;
  errorCount: number;
  failures: RunFailure[];
};

/** The errors a report keeps; the count says how many there were in all. */
const MAX_KEPT_FAILURES = 20;

const asDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const number = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
  const date = Number.isNaN(number) ? new Date(String(value)) : new Date(number);
  return Number.isNaN(date.getTime()) ? null : date;
};

const latest = (...dates: (Date | null)[]) =>
  dates.reduce<Date | null>((last, date) => (date && (!last || date > last) ? date : last), null);

const actorName = (actor: ConsentActor) => actor.name ?? null;

/**
 * The retention of contacts (docs/privacy.md): the policies in force, the contacts due on a date,
 * legal holds and the daily run that anonymises the due contacts through the erasure module.
 * "Now" is `clock.now()`, which tests set to move time.
 */
const retention = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const clock = { now: () => new Date() };
  const exclusions = (): Exclusion[] => [erasedContacts(strapi)];

  const settingRows = async () =>
    (await strapi.db.query(UID.retentionSetting).findMany({})) as {
      policy: string;
      enabled: boolean;
      months: number;
      changedByName: string | null;
      changedByKind: string;
      updatedAt: string;
    }[];

  const service = {
    clock,

    /** Sets what "now" is (tests); without an argument, the real time again. */
    setClock(now?: () => Date) {
      clock.now = now ?? (() => new Date());
    },

    /** Each policy as in force: a change made from the admin wins over the configuration. */
    async policies(): Promise<Policy[]> {
      const configured = retentionSettings(strapi);
      const rows = await settingRows();
      return RETENTION_POLICIES.map((policy) => {
        const row = rows.find((candidate) => candidate.policy === policy);
        if (!row)
          return { policy, ...configured[policy], source: 'config', changedBy: null, changedAt: null };
        return {
          policy,
          enabled: Boolean(row.enabled),
          months: Number(row.months),
          source: 'admin',
          changedBy: row.changedByName ?? row.changedByKind,
          changedAt: asDate(row.updatedAt)?.toISOString() ?? null,
        };
      });
    },

    async policy(policy: RetentionPolicy) {
      return (await service.policies()).find((entry) => entry.policy === policy) as Policy;
    },

    /** Changes a policy from the admin (kept over the configuration until changed again). */
    async setPolicy(policy: RetentionPolicy, setting: PolicySetting, actor: ConsentActor) {
      const data = {
        enabled: setting.enabled,
        months: setting.months,
        changedByKind: actor.kind,
        changedById: actor.id,
        changedByName: actorName(actor),
      };
      const table = strapi.db.query(UID.retentionSetting);
      const existing = await table.findOne({ where: { policy } });
      if (existing) await table.update({ where: { policy }, data });
      else await table.create({ data: { policy, ...data } });
      return service.policy(policy);
    },

    /** When the daily run is due next, for the whole cluster (its schedule's row). */
    async nextRunAt(): Promise<Date> {
      const schedule = (await strapi.db
        .query(UID.jobSchedule)
        .findOne({ where: { name: SCHEDULE_NAME } })) as { nextRunAt?: unknown } | null;
      const next = asDate(schedule?.nextRunAt);
      const now = clock.now();
      return next && next > now ? next : now;
    },

    /** How many contacts each enabled policy makes due on `asOf`. */
    async dueCounts(asOf: Date) {
      const counts = {} as Record<RetentionPolicy, number>;
      for (const entry of await service.policies()) {
        counts[entry.policy] = entry.enabled
          ? await countDue(knex(), entry.policy, cutoffOf(asOf, entry.months), exclusions())
          : 0;
      }
      return counts;
    },

    /** One page of the contacts a policy makes due on `asOf`, after the row id `after`. */
    async dueBatch(policy: RetentionPolicy, asOf: Date, after: number, limit: number) {
      const { enabled, months } = await service.policy(policy);
      if (!enabled) return [];
      return dueContacts(knex(), policy, cutoffOf(asOf, months), { after, limit }, exclusions());
    },

    /** What the next run will do: its date, how many contacts each policy takes, and a page of them. */
    async preview({ policy, after, pageSize }: PreviewQuery) {
      const asOf = await service.nextRunAt();
      const entry = await service.policy(policy);
      const rows = await service.dueBatch(policy, asOf, after, pageSize + 1);
      const page = rows.slice(0, pageSize);
      const dueAt = await dueDates(
        policy,
        entry.months,
        page.map((row) => row.id)
      );
      const people = page.length
        ? ((await knex()(TABLES.contacts)
            .select('id', 'first_name', 'last_name', 'email')
            .whereIn(
              'id',
              page.map((row) => row.id)
            )) as {
            id: number | string;
            first_name: string | null;
            last_name: string | null;
            email: string | null;
          }[])
        : [];
      const data: DueContact[] = page.map((row) => {
        const person = people.find((candidate) => Number(candidate.id) === row.id);
        return {
          documentId: row.documentId,
          firstName: person?.first_name ?? null,
          lastName: person?.last_name ?? null,
          email: person?.email ?? null,
          policy,
          dueAt: (dueAt.get(row.id) ?? asOf).toISOString(),
        };
      });
      return {
        data,
        meta: {
          nextRunAt: asOf.toISOString(),
          counts: await service.dueCounts(asOf),
          policies: await service.policies(),
          nextAfter: rows.length > pageSize ? (page.at(-1)?.id ?? null) : null,
        },
      };
    },

    /**
     * Applies every enabled policy on `clock.now()`: the due contacts, in batches, each erased by
     * the erasure module in its own transaction. Keeps a report (one per job, also when retried).
     */
    async run(options: { jobId?: number | null; progress?: (done: number) => Promise<void> } = {}) {
      const jobId = options.jobId ?? null;
      const asOf = clock.now();
      const runs = strapi.db.query(UID.retentionRun);
      const report = {
        status: 'running',
        asOf,
        startedAt: new Date(),
        finishedAt: null as Date | null,
        policies: {} as RunReport['policies'],
        dueCount: 0,
        erasedCount: 0,
        errorCount: 0,
        failures: [] as RunFailure[],
      };
      const existing = jobId === null ? null : await runs.findOne({ where: { jobId } });
      const { id } = existing
        ? await runs.update({ where: { id: existing.id }, data: report })
        : await runs.create({ data: { jobId, ...report } });
      const { batchSize } = retentionSettings(strapi);
      try {
        for (const entry of await service.policies()) {
          const counts = { enabled: entry.enabled, months: entry.months, due: 0, erased: 0 };
          report.policies[entry.policy] = counts;
          let after = 0;
          for (;;) {
            const batch = await service.dueBatch(entry.policy, asOf, after, batchSize);
            if (batch.length === 0) break;
            for (const contact of batch) {
              counts.due += 1;
              try {
                await eraseForRetention(strapi, contact.documentId, jobId);
                counts.erased += 1;
              } catch (error) {
                report.errorCount += 1;
                if (report.failures.length < MAX_KEPT_FAILURES)
                  report.failures.push({ policy: entry.policy, message: messageOf(error) });
              }
            }
            after = batch[batch.length - 1]!.id;
            report.dueCount = sum(report.policies, 'due');
            report.erasedCount = sum(report.policies, 'erased');
            await runs.update({ where: { id }, data: report });
            await options.progress?.(report.dueCount);
          }
        }
        Object.assign(report, { status: 'completed', finishedAt: new Date() });
      } catch (error) {
        report.failures.push({ policy: null, message: messageOf(error) });
        Object.assign(report, { status: 'failed', finishedAt: new Date() });
        throw error;
      } finally {
        report.dueCount = sum(report.policies, 'due');
        report.erasedCount = sum(report.policies, 'erased');
        await runs.update({ where: { id }, data: report });
      }
      return service.findRun(id);
    },

    async findRun(id: number) {
      return (await strapi.db.query(UID.retentionRun).findOne({ where: { id } })) as RunReport | null;
    },

    /** The reports of past runs, newest first. */
    async runs(page: number, pageSize: number) {
      const table = strapi.db.query(UID.retentionRun);
      const [rows, total] = await Promise.all([
        table.findMany({ orderBy: { id: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize }),
        table.count({}),
      ]);
      return { data: rows as RunReport[], meta: { pagination: { page, pageSize, total } } };
    },

    /** The contact of a documentId, or 404 naming the field. */
    async assertContact(documentId: string, field: string[]) {
      const found = DOCUMENT_ID_PATTERN.test(documentId)
        ? await strapi.db.query(UID.contact).findOne({ select: ['id'], where: { documentId } })
        : null;
      if (!found) throw statusError(404, field, problem('retention.contactNotFound'));
    },
  };

  /** When each contact of a page became (or becomes) due: its last activity or trip plus the period. */
  const dueDates = async (policy: RetentionPolicy, months: number, ids: number[]) => {
    const due = new Map<number, Date>();
    if (ids.length === 0) return due;
    const db = knex();
    const lastLinks = (await db(`${TABLES.linkContact} as lc`)
      .join(`${TABLES.offerLinks} as ol`, 'ol.id', 'lc.offer_contact_id')
      .select('lc.contact_id as id')
      .max({ last: 'ol.created_at' })
      .whereIn('lc.contact_id', ids)
      .groupBy('lc.contact_id')) as { id: number | string; last: unknown }[];
    const linkOf = (id: number) => asDate(lastLinks.find((row) => Number(row.id) === id)?.last);
    if (policy === 'prospect') {
      const [contacts, confirmations] = await Promise.all([
        db(TABLES.contacts).select('id', 'updated_at').whereIn('id', ids) as Promise<
          { id: number | string; updated_at: unknown }[]
        >,
        db(`${TABLES.consentContact} as ec`)
          .join(`${TABLES.consentEvents} as e`, 'e.id', 'ec.consent_event_id')
          .select('ec.contact_id as id')
          .max({ last: 'e.occurred_at' })
          .where('e.action', 'confirmed')
          .whereIn('ec.contact_id', ids)
          .groupBy('ec.contact_id') as Promise<{ id: number | string; last: unknown }[]>,
      ]);
      for (const id of ids) {
        const last = latest(
          asDate(contacts.find((row) => Number(row.id) === id)?.updated_at),
          asDate(confirmations.find((row) => Number(row.id) === id)?.last),
          linkOf(id)
        );
        if (last) due.set(id, monthsAfter(last, months));
      }
      return due;
    }
    const trips = (await db(`${TABLES.linkContact} as lc`)
      .join(`${TABLES.linkOffer} as lo`, 'lo.offer_contact_id', 'lc.offer_contact_id')
      .join(`${TABLES.offers} as o`, 'o.id', 'lo.offer_id')
      .select(
        'lc.contact_id as id',
        db.raw(isPostgres() ? 'max(o.end_date)::text as last' : 'max(o.end_date) as last')
      )
      .where('o.offer_status', ACCEPTED)
      .whereIn('lc.contact_id', ids)
      .groupBy('lc.contact_id')) as { id: number | string; last: string | null }[];
    for (const id of ids) {
      const end = trips.find((row) => Number(row.id) === id)?.last;
      const link = linkOf(id);
      const last = latest(end ? new Date(`${String(end).slice(0, 10)}T00:00:00.000Z`) : null, link);
      if (last) due.set(id, monthsAfter(last, months));
    }
    return due;
  };

  return service;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

const sum = (policies: RunReport['policies'], key: 'due' | 'erased') =>
  Object.values(policies).reduce((total, entry) => total + entry[key], 0);

export type RetentionService = ReturnType<typeof retention>;
export default retention;
