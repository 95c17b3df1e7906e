/**
 * Rows for the bulk loader, generated fast enough for a million contacts: pools of values are
 * normalised once through the app's own validation (names, cities with their département), then
 * combined by a seeded generator. Each row is what the validation choke point would store for it;
 * the unit test runs a sample back through `normaliseContactPatch` to prove it.
 */
import { fr } from '@faker-js/faker';

import {
  CLIENT_TYPES,
  type ClientType,
  type LinkRole,
  type OfferStatus,
} from '../../src/plugins/caladeo-contacts/shared/constants';
import {
  normaliseContactPatch,
  normaliseSearchTerm,
} from '../../src/plugins/caladeo-contacts/server/src/validation';
import {
  ACCENTED_LAST_NAMES,
  COMPANY_TRADES,
  CONTACT_EMAIL_DOMAINS,
  DESTINATIONS,
  FEMALE_FIRST_NAMES,
  FRENCH_CITIES,
  MALE_FIRST_NAMES,
  PRIMARY_ROLE_BY_CLIENT_TYPE,
  SECONDARY_ROLES_BY_CLIENT_TYPE,
  TRIP_DAYS,
} from './reference';
import {
  DAY_MS,
  isoDate,
  OFFER_STATUS_WEIGHTS,
  PRICE_BASE,
  PRICE_PER_DAY,
  slugify,
  TRAVEL_PERIOD,
} from './plan';

export type BulkContactRow = {
  firstName: string;
  lastName: string;
  gender: 'female' | 'male';
  email: string;
  phone: string | null;
  addressLine1: string;
  postalCode: string;
  city: string;
  region: string;
  country: 'FR';
  newsletter: boolean;
  preferredLanguage: 'fr';
  searchText: string;
  /** Index of the client the contact is linked to, if any, with its role there. */
  client: { index: number; role: LinkRole; isPrimary: boolean } | null;
};

export type BulkClientRow = {
  name: string;
  type: ClientType;
  city: string;
  searchText: string;
  foldedName: string;
};

export type BulkOfferRow = {
  title: string;
  reference: string;
  offerStatus: OfferStatus;
  destination: string;
  startDate: string;
  endDate: string;
  pricePerPerson: number;
  /** Index of the offer's client. */
  clientIndex: number;
  /**
   * The offer's people, as positions in the pool of contacts it draws from, each once: the first
   * is the trip's organiser (its primary contact, who also pays), the others travel.
   */
  people: number[];
};

/** A small, fast, seedable generator (mulberry32): the same seed gives the same rows. */
export const createRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const below = (bound: number) => Math.floor(next() * bound);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)] as T;
  return { next, below, pick };
};

const FAKER_LAST_NAMES =
  (fr as unknown as { person?: { last_name?: { generic?: string[] } } }).person?.last_name?.generic ?? [];
const LAST_NAMES = [...new Set([...ACCENTED_LAST_NAMES, ...FAKER_LAST_NAMES])];
const STREETS = [
  'rue de la République',
  'avenue Jean Jaurès',
  'place de l’Église',
  'rue Victor Hugo',
  'boulevard Gambetta',
  'chemin des Vignes',
  'rue du Moulin',
  'allée des Tilleuls',
  'rue Pasteur',
  'impasse des Lilas',
];

/** Each French city of the reference list with the département the validation gives its postal code. */
const CITIES = FRENCH_CITIES.flatMap(({ city, postalCode }) => {
  const result = normaliseContactPatch({ lastName: 'x', city, postalCode, country: 'FR' }, null);
  return result.ok && result.data.region ? [{ city, postalCode, region: result.data.region }] : [];
});

/**
 * A French mobile in E.164 from allocated metropolitan ranges: 06 0x–8x but 3x, and 07 5x/6x/8x
 * (06 39 and 06 9x belong to overseas departments, which have country codes of their own).
 */
const frenchMobile = (random: ReturnType<typeof createRandom>) => {
  const digits = () => String(random.below(10));
  const prefix =
    random.next() < 0.7
      ? `6${random.pick(['0', '1', '2', '4', '5', '6', '7', '8'])}`
      : `7${random.pick(['5', '6', '8'])}`;
  return `+33${prefix}${Array.from({ length: 7 }, digits).join('')}`;
};

/** The forms of a French E.164 number the search text holds: international and national digits. */
const phoneForms = (e164: string) => `${e164.slice(1)} 0${e164.slice(3)}`;

/** Pools are small: each name is folded and slugged once. */
const memoise = (transform: (text: string) => string) => {
  const cache = new Map<string, string>();
  return (text: string) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = transform(text);
      cache.set(text, value);
    }
    return value;
  };
};
const folded = memoise(normaliseSearchTerm);
const slugged = memoise(slugify);

export const CLIENTS_PER_CONTACT = 1 / 20;
export const LINKED_SHARE = 0.3;

/** One offer for every fifty contacts, each with 2 to 40 people: a group tour's range. */
export const OFFERS_PER_CONTACT = 1 / 50;
const OFFER_PEOPLE = { min: 2, max: 40 };
const TRAVEL_FROM = Date.parse(TRAVEL_PERIOD.from);
const TRAVEL_DAYS = Math.round((Date.parse(TRAVEL_PERIOD.to) - TRAVEL_FROM) / DAY_MS);
const STATUS_WEIGHT_TOTAL = OFFER_STATUS_WEIGHTS.reduce((sum, entry) => sum + entry.weight, 0);

const weightedStatus = (draw: number): OfferStatus => {
  let left = draw * STATUS_WEIGHT_TOTAL;
  for (const entry of OFFER_STATUS_WEIGHTS) {
    left -= entry.weight;
    if (left < 0) return entry.value;
  }
  return 'draft';
};

/** Offer `index` of the bulk base, its people drawn among `poolSize` contacts. */
export const planBulkOffer = (
  index: number,
  seed: number,
  clientCount: number,
  poolSize: number
): BulkOfferRow => {
  const random = createRandom((seed ^ 0x0ffe7) * 1_000_003 + index);
  const destination = random.pick(DESTINATIONS);
  const kind = random.pick(destination.kinds);
  const start = TRAVEL_FROM + random.below(TRAVEL_DAYS) * DAY_MS;
  const { min, max } = TRIP_DAYS[kind];
  const days = min + random.below(max - min + 1);
  const wanted = Math.min(poolSize, OFFER_PEOPLE.min + random.below(OFFER_PEOPLE.max - OFFER_PEOPLE.min + 1));
  const people = new Set<number>();
  while (people.size < wanted) people.add(random.below(poolSize));
  return {
    title: `${kind} ${destination.phrase}`,
    reference: `BULK-${String(index + 1).padStart(7, '0')}`,
    offerStatus: weightedStatus(random.next()),
    destination: destination.destination,
    startDate: isoDate(new Date(start)),
    endDate: isoDate(new Date(start + (days - 1) * DAY_MS)),
    pricePerPerson: PRICE_BASE + days * PRICE_PER_DAY,
    clientIndex: random.below(clientCount),
    people: [...people],
  };
};

export const planBulkClients = (count: number, seed: number): BulkClientRow[] => {
  const random = createRandom(seed ^ 0x5eed);
  return Array.from({ length: count }, (_, index) => {
    const type = CLIENT_TYPES[index % CLIENT_TYPES.length] as ClientType;
    const place = random.pick(CITIES);
    const name = `${random.pick(COMPANY_TRADES)} ${random.pick(LAST_NAMES)} ${place.city} n° ${index + 1}`;
    return {
      name,
      type,
      city: place.city,
      searchText: normaliseSearchTerm(`${name} ${place.city}`),
      foldedName: normaliseSearchTerm(name),
    };
  });
};

export function* planBulkContacts(
  start: number,
  count: number,
  seed: number,
  clients: readonly BulkClientRow[]
): Generator<BulkContactRow> {
  for (let index = start; index < start + count; index += 1) {
    // one generator per row keeps row n the same whatever the batch boundaries are
    const random = createRandom(seed * 1_000_003 + index);
    const gender = random.next() < 0.5 ? 'female' : 'male';
    const firstName = random.pick(gender === 'female' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const email = `${slugged(firstName)}.${slugged(lastName)}.${index + 1}@${random.pick(CONTACT_EMAIL_DOMAINS)}`;
    const phone = random.next() < 0.8 ? frenchMobile(random) : null;
    const place = random.pick(CITIES);
    const clientIndex =
      clients.length > 0 && random.next() < LINKED_SHARE ? random.below(clients.length) : null;
    const clientRow = clientIndex === null ? null : clients[clientIndex];
    const role: LinkRole =
      clientRow && random.next() < 0.5
        ? PRIMARY_ROLE_BY_CLIENT_TYPE[clientRow.type]
        : random.pick(clientRow ? SECONDARY_ROLES_BY_CLIENT_TYPE[clientRow.type] : ['autre']);
    // folding part by part gives what folding the whole would, at a fraction of the cost
    const searchText = [
      folded(lastName),
      folded(firstName),
      email,
      folded(place.city),
      phone && phoneForms(phone),
      clientRow?.foldedName,
    ]
      .filter(Boolean)
      .join(' ');
    yield {
      firstName,
      lastName,
      gender,
      email,
      phone,
      addressLine1: `${1 + random.below(120)} ${random.pick(STREETS)}`,
      postalCode: place.postalCode,
      city: place.city,
      region: place.region,
      country: 'FR',
      newsletter: random.next() < 0.3,
      preferredLanguage: 'fr',
      searchText,
      client: clientIndex === null ? null : { index: clientIndex, role, isPrimary: false },
    };
  }
}
