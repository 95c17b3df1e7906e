/**
 * Which contacts a retention policy anonymises on a given date, in SQL: one statement per page of
 * contacts, in the order of their row ids, whatever the size of the base. Each condition is an
 * EXISTS / NOT EXISTS on an indexed column, so the database walks the contacts by id and tests each
 * against a few index look-ups (docs/privacy.md has the plan on PostgreSQL).
 */
import type { Knex } from 'knex';
import type { RetentionPolicy } from '../../../../shared/constants';

export const TABLES = {
  contacts: 'caladeo_contacts',
  offerLinks: 'caladeo_offer_contacts',
  // a contact's role on an offer is a record of its own, reached through two join tables
  linkContact: 'caladeo_offer_contacts_contact_lnk',
  linkOffer: 'caladeo_offer_contacts_offer_lnk',
  offers: 'offers',
  consentEvents: 'caladeo_consent_events',
  consentContact: 'caladeo_consent_events_contact_lnk',
  holds: 'caladeo_contact_legal_holds',
} as const;

/** The offer status that makes a contact a client: it travelled (or will) with the agency. */
export const ACCEPTED = 'accepted';

/**
 * The date a policy compares with: a contact's last activity (or trip) must be on or before it.
 * `date` is the same day as `YYYY-MM-DD`, for the offers' end dates (a date column).
 */
export type Cutoff = { at: Date; date: string };

/** `at` minus whole calendar months, in UTC; a day the month does not have becomes its last day. */
export const monthsBefore = (at: Date, months: number): Date => shiftMonths(at, -months);

export const monthsAfter = (at: Date, months: number): Date => shiftMonths(at, months);

const shiftMonths = (at: Date, months: number): Date => {
  const shifted = new Date(at.getTime());
  const day = shifted.getUTCDate();
  shifted.setUTCDate(1);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return shifted;
};

export const cutoffOf = (asOf: Date, months: number): Cutoff => {
  const at = monthsBefore(asOf, months);
  return { at, date: at.toISOString().slice(0, 10) };
};

/** Another condition every selection adds (the erasure module's record of erased contacts). */
export type Exclusion = (query: Knex.QueryBuilder, contactId: string) => void;

type Where = (query: Knex.QueryBuilder) => void;

const linksOf = (knex: Knex, more: Where) =>
  knex(`${TABLES.linkContact} as lc`).select(knex.raw('1')).whereRaw('lc.contact_id = c.id').modify(more);

/** The contact has a role on an accepted offer (whose end date meets `more`). */
const acceptedOffers = (knex: Knex, more: Where = () => undefined) =>
  linksOf(knex, (query) =>
    query
      .join(`${TABLES.linkOffer} as lo`, 'lo.offer_contact_id', 'lc.offer_contact_id')
      .join(`${TABLES.offers} as o`, 'o.id', 'lo.offer_id')
      .where('o.offer_status', ACCEPTED)
      .modify(more)
  );

/** The contact was linked to an offer after the cutoff: the relationship goes on. */
const recentLinks = (knex: Knex, cutoff: Cutoff) =>
  linksOf(knex, (query) =>
    query
      .join(`${TABLES.offerLinks} as ol`, 'ol.id', 'lc.offer_contact_id')
      .where('ol.created_at', '>', cutoff.at)
  );

/** The contact confirmed a newsletter sign-up after the cutoff. */
const recentConfirmations = (knex: Knex, cutoff: Cutoff) =>
  knex(`${TABLES.consentContact} as ec`)
    .select(knex.raw('1'))
    .join(`${TABLES.consentEvents} as e`, 'e.id', 'ec.consent_event_id')
    .whereRaw('ec.contact_id = c.id')
    .where('e.action', 'confirmed')
    .where('e.occurred_at', '>', cutoff.at);

/** A legal hold in force: retention never anonymises the contact. */
const heldContacts = (knex: Knex) =>
  knex(`${TABLES.holds} as h`)
    .select(knex.raw('1'))
    .whereRaw('h.contact_document_id = c.document_id')
    .whereNull('h.lifted_at');

/**
 * The conditions of a policy on the contact `c`:
 * - prospect: never on an accepted offer; not changed, linked to an offer or confirming a sign-up
 *   after the cutoff;
 * - client: on an accepted offer, every one of which ended on or before the cutoff (an offer with
 *   no end date has not ended), and not linked to an offer after it.
 */
export const policyConditions = (
  knex: Knex,
  policy: RetentionPolicy,
  cutoff: Cutoff,
  exclusions: Exclusion[] = []
): Where => {
  return (query) => {
    if (policy === 'prospect') {
      query
        .where('c.updated_at', '<=', cutoff.at)
        .whereNotExists(acceptedOffers(knex))
        .whereNotExists(recentConfirmations(knex, cutoff));
    } else {
      query
        .whereExists(acceptedOffers(knex))
        .whereNotExists(
          acceptedOffers(knex, (offers) =>
            offers.where((open) => open.whereNull('o.end_date').orWhere('o.end_date', '>', cutoff.date))
          )
        );
    }
    query.whereNotExists(recentLinks(knex, cutoff)).whereNotExists(heldContacts(knex));
    for (const exclude of exclusions) exclude(query, 'c.id');
  };
};

export type DueRow = { id: number; documentId: string };

/** One page of the contacts due under a policy, after the row id `after`, in id order. */
export const dueContacts = async (
  knex: Knex,
  policy: RetentionPolicy,
  cutoff: Cutoff,
  page: { after: number; limit: number },
  exclusions: Exclusion[] = []
): Promise<DueRow[]> => {
  const rows = (await knex(`${TABLES.contacts} as c`)
    .select('c.id', 'c.document_id')
    .where('c.id', '>', page.after)
    .modify(policyConditions(knex, policy, cutoff, exclusions))
    .orderBy('c.id', 'asc')
    .limit(page.limit)) as { id: number | string; document_id: string }[];
  return rows.map((row) => ({ id: Number(row.id), documentId: row.document_id }));
};

/** How many contacts are due under a policy. */
export const countDue = async (
  knex: Knex,
  policy: RetentionPolicy,
  cutoff: Cutoff,
  exclusions: Exclusion[] = []
): Promise<number> => {
  const [row] = (await knex(`${TABLES.contacts} as c`)
    .count({ count: '*' })
    .modify(policyConditions(knex, policy, cutoff, exclusions))) as { count: number | string }[];
  return Number(row?.count ?? 0);
};

/** The statement of a page, for EXPLAIN (scripts and docs). */
export const dueContactsSql = (
  knex: Knex,
  policy: RetentionPolicy,
  cutoff: Cutoff,
  exclusions: Exclusion[] = []
) =>
  knex(`${TABLES.contacts} as c`)
    .select('c.id', 'c.document_id')
    .where('c.id', '>', 0)
    .modify(policyConditions(knex, policy, cutoff, exclusions))
    .orderBy('c.id', 'asc')
    .limit(200)
    .toString();
