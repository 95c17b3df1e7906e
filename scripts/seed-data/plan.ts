/**
 * The demo data set as a pure function of the seed options: no database, no clock. Every record
 * reseeds faker with (seed, kind, index), so record n is the same whatever the other sizes are:
 * `--contacts 500` extends the 200 contacts of the default run instead of replacing them.
 */
import {
  base,
  de,
  de_CH,
  en,
  en_GB,
  es,
  Faker,
  fr,
  fr_CH,
  it,
  nl,
  nl_BE,
  type LocaleDefinition,
} from '@faker-js/faker';

import {
  CLIENT_TYPES,
  type ClientType,
  type Gender,
  type Language,
  type LinkRole,
  type OfferStatus,
} from '../../src/plugins/caladeo-contacts/shared/constants';
import { foldCaseAndAccents } from '../../src/plugins/caladeo-contacts/server/src/validation/fold';
import { normalisePhoneNumber } from '../../src/plugins/caladeo-contacts/server/src/validation/phone';
import {
  ACCENTED_LAST_NAMES,
  ADDRESS_COMPLEMENTS,
  CLIENT_EMAIL_TLD,
  CLIENT_NOTES,
  COMPANY_TRADES,
  CONTACT_EMAIL_DOMAINS,
  DESTINATIONS,
  FEMALE_FIRST_NAMES,
  FOREIGN_PLACES,
  FRENCH_CITIES,
  MALE_FIRST_NAMES,
  MOBILE_PATTERNS,
  PRIMARY_ROLE_BY_CLIENT_TYPE,
  SAINTS,
  SCHOOL_KINDS,
  SCHOOL_PATRONS,
  SECONDARY_ROLES_BY_CLIENT_TYPE,
  TRIP_DAYS,
  type ForeignLocale,
  type ForeignPlace,
  type FrenchCity,
} from './reference';

export type SeedSizes = { contacts: number; clients: number; offers: number; seed: number };

/**
 * What the seed writes for a contact (absent fields are left out, as Strapi's input types want);
 * the validation turns phones into E.164 and fills the département in.
 */
export type ContactInput = {
  firstName: string;
  lastName: string;
  gender: Gender;
  email: string;
  phone?: string;
  addressLine1?: string;
  addressLine2?: string;
  postalCode?: string;
  city?: string;
  country: string;
  newsletter: boolean;
  preferredLanguage: Language;
};

export type ClientInput = {
  name: string;
  type: ClientType;
  email: string;
  phone: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country: string;
  siret?: string;
  notes?: string;
};

/** A plausible group price in euros: transport and organisation, then so much per day. */
export const PRICE_BASE = 180;
export const PRICE_PER_DAY = 95;

export type OfferInput = {
  title: string;
  reference: string;
  offerStatus: OfferStatus;
  destination: string;
  startDate: string;
  endDate: string;
  pricePerPerson: number;
};

/** A role of the contact at `contact` (an index into `SeedPlan.contacts`). */
export type PlannedLink = { contact: number; role: LinkRole; isPrimary: boolean };

export type ClientPlan = { data: ClientInput; links: PlannedLink[] };
/** `client` is an index into `SeedPlan.clients`. */
export type OfferPlan = { data: OfferInput; client: number; links: PlannedLink[] };

export type SeedPlan = { contacts: ContactInput[]; clients: ClientPlan[]; offers: OfferPlan[] };

/** One contact in twenty lives abroad. */
const FOREIGN_CONTACT_EVERY = 20;
/** Offers are spread over two seasons that do not move with the clock, so reruns agree. */
export const TRAVEL_PERIOD = { from: '2026-09-01T00:00:00.000Z', to: '2028-06-30T00:00:00.000Z' };
export const DAY_MS = 24 * 60 * 60 * 1000;
/** Redraws allowed before giving up on a unique client name or a valid phone number. */
const MAX_DRAWS = 50;

/** Separate random streams per kind of record, so that adding clients never changes a contact. */
const STREAM = { contact: 1, client: 2, offer: 3 } as const;

const FOREIGN_LOCALE_CHAINS: Record<ForeignLocale, LocaleDefinition[]> = {
  // faker's fr_BE mixes English surnames in; Walloon names are the French ones
  fr_BE: [fr, base],
  nl_BE: [nl_BE, nl, base],
  fr_CH: [fr_CH, fr, base],
  de_CH: [de_CH, de, base],
  de: [de, base],
  en_GB: [en_GB, en, base],
  es: [es, base],
  it: [it, base],
};

const SEEDED_CLIENT_TYPE_WEIGHTS: { value: ClientType; weight: number }[] = [
  { value: 'company', weight: 30 },
  { value: 'association', weight: 25 },
  { value: 'friends_group', weight: 10 },
  { value: 'works_council', weight: 12 },
  { value: 'school', weight: 12 },
  { value: 'public_body', weight: 8 },
  { value: 'other', weight: 3 },
];

export const OFFER_STATUS_WEIGHTS: { value: OfferStatus; weight: number }[] = [
  { value: 'draft', weight: 30 },
  { value: 'sent', weight: 30 },
  { value: 'accepted', weight: 25 },
  { value: 'declined', weight: 10 },
  { value: 'cancelled', weight: 5 },
];

/** 'Jean-François' → 'jean-francois', "N'Diaye" → 'n-diaye': e-mail and domain friendly. */
export function slugify(text: string): string {
  return foldCaseAndAccents(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Large employers as a works council's name says them: "CSE du Groupe Lefèvre". */
const WORKS_COUNCIL_EMPLOYERS = [
  'du Groupe',
  'des Transports',
  'des Laboratoires',
  "de l'Imprimerie",
  'des Établissements',
];

/** A French street line with a plausible number: "12 Rue de la Paix", "3 bis Allée des Tilleuls". */
function frenchStreetLine(faker: Faker): string {
  const number = faker.number.int({ min: 1, max: 140 });
  const suffix = faker.datatype.boolean(0.05) ? ' bis' : '';
  return `${number}${suffix} ${faker.location.street()}`;
}

/** "de Lyon", "d'Angers", "du Havre": the French preposition before a place or a first name. */
function ofPlace(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  // names starting with a mute h elide too: "d'Hélène", "d'Hyères"
  return /^[AEIOUYHÂÉÈÊÎÔ]/.test(name) ? `d'${name}` : `de ${name}`;
}

/** A SIRET-shaped number (14 digits) whose last digit makes the Luhn checksum hold. */
function drawSiret(faker: Faker): string {
  const body = faker.string.numeric({ length: 13, allowLeadingZeros: false });
  let sum = 0;
  // Read from the right, the check digit is position 0, so the body's last digit is doubled.
  for (let offset = 0; offset < body.length; offset += 1) {
    const digit = Number(body[body.length - 1 - offset]);
    const weighted = offset % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Draws numbers of the given shapes until one is in an allocated range of `country`. */
function drawPhone(faker: Faker, country: string, patterns: readonly string[]): string {
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    const candidate = faker.helpers.replaceSymbols(faker.helpers.arrayElement(patterns));
    if (normalisePhoneNumber(candidate, country).ok) return candidate;
  }
  throw new Error(`no valid ${country} phone number among ${MAX_DRAWS} draws of ${patterns.join(' | ')}`);
}

function drawFrenchPhone(faker: Faker, city: FrenchCity | null, kind: 'mobile' | 'landline'): string {
  const zone = city?.phoneZone ?? null;
  const patterns = kind === 'landline' && zone !== null ? [`0${zone} ## ## ## ##`] : MOBILE_PATTERNS.FR;
  return drawPhone(faker, 'FR', patterns);
}

/** `count` distinct integers in [0, total), in drawing order. */
function drawDistinct(faker: Faker, count: number, total: number): number[] {
  const drawn = new Set<number>();
  const wanted = Math.min(count, total);
  while (drawn.size < wanted) drawn.add(faker.number.int({ min: 0, max: total - 1 }));
  return [...drawn];
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

class SeedPlanner {
  private readonly faker = new Faker({ locale: [fr, base] });
  private readonly foreignFakers = new Map<ForeignLocale, Faker>();

  constructor(private readonly sizes: SeedSizes) {}

  plan(): SeedPlan {
    const contacts = Array.from({ length: this.sizes.contacts }, (_, index) => this.planContact(index));
    const takenClientNames = new Set<string>();
    const clients = Array.from({ length: this.sizes.clients }, (_, index) =>
      this.planClient(index, takenClientNames)
    );
    const offers = Array.from({ length: this.sizes.offers }, (_, index) => this.planOffer(index, clients));
    return { contacts, clients, offers };
  }

  private reseed(stream: number, index: number, faker: Faker = this.faker): Faker {
    faker.seed([this.sizes.seed, stream, index]);
    return faker;
  }

  private foreignFaker(locale: ForeignLocale): Faker {
    let faker = this.foreignFakers.get(locale);
    if (!faker) {
      faker = new Faker({ locale: FOREIGN_LOCALE_CHAINS[locale] });
      this.foreignFakers.set(locale, faker);
    }
    return faker;
  }

  private planContact(index: number): ContactInput {
    const faker = this.reseed(STREAM.contact, index);
    const sex = faker.person.sexType();
    // a few people never said; their first name still matches the sex drawn
    const gender: Gender = faker.datatype.boolean(0.03) ? 'unspecified' : sex;
    const number = index + 1;
    const newsletter = faker.datatype.boolean(0.35);
    const hasAddress = faker.datatype.boolean(0.85);
    const phoneKind = faker.helpers.weightedArrayElement([
      { value: 'mobile' as const, weight: 70 },
      { value: 'landline' as const, weight: 20 },
      { value: 'none' as const, weight: 10 },
    ]);
    const addressLine2 = hasAddress && faker.datatype.boolean(0.12);

    const isForeign = index % FOREIGN_CONTACT_EVERY === FOREIGN_CONTACT_EVERY - 1;
    const person = isForeign
      ? this.foreignPerson(faker, sex, hasAddress, phoneKind !== 'none', index)
      : this.frenchPerson(faker, sex, hasAddress, phoneKind);

    const domain = faker.helpers.arrayElement(CONTACT_EMAIL_DOMAINS);
    return {
      firstName: person.firstName,
      lastName: person.lastName,
      gender,
      email: `${slugify(person.firstName)}.${slugify(person.lastName)}${number}@${domain}`,
      phone: person.phone,
      addressLine1: person.addressLine1,
      addressLine2: addressLine2 ? faker.helpers.arrayElement(ADDRESS_COMPLEMENTS) : undefined,
      postalCode: person.postalCode,
      city: person.city,
      country: person.country,
      newsletter,
      preferredLanguage: person.language,
    };
  }

  private frenchPerson(
    faker: Faker,
    sex: 'female' | 'male',
    hasAddress: boolean,
    phoneKind: 'mobile' | 'landline' | 'none'
  ) {
    const firstName = faker.datatype.boolean(0.75)
      ? faker.helpers.arrayElement(sex === 'female' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
      : faker.person.firstName(sex);
    const lastName = faker.datatype.boolean(0.3)
      ? faker.helpers.arrayElement(ACCENTED_LAST_NAMES)
      : faker.person.lastName();
    const city = faker.helpers.arrayElement(FRENCH_CITIES);
    return {
      firstName,
      lastName,
      phone: phoneKind === 'none' ? undefined : drawFrenchPhone(faker, hasAddress ? city : null, phoneKind),
      addressLine1: hasAddress ? frenchStreetLine(faker) : undefined,
      postalCode: hasAddress ? city.postalCode : undefined,
      city: hasAddress ? city.city : undefined,
      country: 'FR',
      language: 'fr' as Language,
    };
  }

  private foreignPerson(
    faker: Faker,
    sex: 'female' | 'male',
    hasAddress: boolean,
    hasPhone: boolean,
    index: number
  ) {
    const place: ForeignPlace = faker.helpers.arrayElement(FOREIGN_PLACES);
    const local = this.reseed(STREAM.contact, index, this.foreignFaker(place.locale));
    // Belgian addresses put the number after the street, as in "Rue Haute 12"
    const street =
      place.locale === 'fr_BE'
        ? `${local.location.street()} ${local.number.int({ min: 1, max: 140 })}`
        : local.location.streetAddress();
    return {
      firstName: local.person.firstName(sex),
      lastName: local.person.lastName(sex),
      phone: hasPhone ? drawPhone(local, place.country, MOBILE_PATTERNS[place.country] ?? []) : undefined,
      addressLine1: hasAddress ? street : undefined,
      postalCode: hasAddress ? place.postalCode : undefined,
      city: hasAddress ? place.city : undefined,
      country: place.country,
      language: place.language,
    };
  }

  private clientName(faker: Faker, type: ClientType, city: string): string {
    const lastName = () =>
      faker.datatype.boolean(0.3) ? faker.helpers.arrayElement(ACCENTED_LAST_NAMES) : faker.person.lastName();
    const company = () =>
      faker.datatype.boolean(0.6)
        ? faker.company.name()
        : `${faker.helpers.arrayElement(COMPANY_TRADES)} ${lastName()}`;
    const place = ofPlace(city);
    const templates: Record<ClientType, () => string> = {
      company,
      association: () =>
        faker.helpers.arrayElement([
          `Association sportive ${place}`,
          `Amicale laïque ${place}`,
          `Club de randonnée ${place}`,
          `Comité des fêtes ${place}`,
          `Harmonie municipale ${place}`,
          `Club des aînés ${place}`,
          `Union sportive ${place}`,
        ]),
      friends_group: () => {
        const sex = faker.person.sexType();
        const firstName = faker.helpers.arrayElement(
          sex === 'female' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES
        );
        return faker.helpers.arrayElement([
          `Les amis ${ofPlace(firstName)}`,
          `Les amis ${place}`,
          `Famille ${lastName()} et amis`,
          `Les Baladeurs ${place}`,
        ]);
      },
      // a works council needs a sizeable employer, not a corner shop
      works_council: () =>
        faker.datatype.boolean(0.6)
          ? `CSE ${ofPlace(faker.company.name())}`
          : `CSE ${faker.helpers.arrayElement(WORKS_COUNCIL_EMPLOYERS)} ${lastName()}`,
      school: () =>
        `${faker.helpers.arrayElement(SCHOOL_KINDS)} ${faker.helpers.arrayElement(SCHOOL_PATRONS)}, ${city}`,
      public_body: () =>
        faker.helpers.arrayElement([
          `Mairie ${place}`,
          `Office de tourisme ${place}`,
          `Centre communal d'action sociale ${place}`,
          `Médiathèque municipale ${place}`,
        ]),
      other: () =>
        faker.helpers.arrayElement([
          `Paroisse Saint-${faker.helpers.arrayElement(SAINTS)} ${place}`,
          `Fondation ${lastName()}`,
          `Syndicat d'initiative ${place}`,
        ]),
    };
    return templates[type]();
  }

  private planClient(index: number, takenNames: Set<string>): ClientPlan {
    const faker = this.reseed(STREAM.client, index);
    // the first clients take every type in turn, so even a tiny seed shows them all
    const type =
      index < CLIENT_TYPES.length
        ? CLIENT_TYPES[index]
        : faker.helpers.weightedArrayElement(SEEDED_CLIENT_TYPE_WEIGHTS);
    const city = faker.helpers.arrayElement(FRENCH_CITIES);

    let name = this.clientName(faker, type, city.city);
    for (let draw = 1; takenNames.has(name) && draw < MAX_DRAWS; draw += 1) {
      name = this.clientName(faker, type, city.city);
    }
    // a very large seed runs out of combinations; a branch number keeps names unique
    for (let branch = 2; takenNames.has(name); branch += 1) {
      name = `${this.clientName(faker, type, city.city)} (${branch})`;
    }
    takenNames.add(name);

    const hasSiret =
      type === 'company' ||
      type === 'works_council' ||
      (type !== 'friends_group' && faker.datatype.boolean(0.4));
    const mailbox = faker.helpers.arrayElement(['contact', 'secretariat', 'voyages', 'accueil']);
    const data: ClientInput = {
      name,
      type,
      email: `${mailbox}@${slugify(name).slice(0, 40).replace(/-+$/, '')}.${CLIENT_EMAIL_TLD}`,
      phone: drawFrenchPhone(faker, city, type === 'friends_group' ? 'mobile' : 'landline'),
      addressLine1: frenchStreetLine(faker),
      postalCode: city.postalCode,
      city: city.city,
      country: 'FR',
      siret: hasSiret ? drawSiret(faker) : undefined,
      notes: faker.datatype.boolean(0.25) ? faker.helpers.arrayElement(CLIENT_NOTES) : undefined,
    };

    const members = drawDistinct(faker, faker.number.int({ min: 1, max: 5 }), this.sizes.contacts);
    const links = members.map(
      (contact, position): PlannedLink =>
        position === 0
          ? { contact, role: PRIMARY_ROLE_BY_CLIENT_TYPE[type], isPrimary: true }
          : {
              contact,
              role: faker.helpers.arrayElement(SECONDARY_ROLES_BY_CLIENT_TYPE[type]),
              isPrimary: false,
            }
    );
    return { data, links };
  }

  private planOffer(index: number, clients: ClientPlan[]): OfferPlan {
    const faker = this.reseed(STREAM.offer, index);
    const destination = faker.helpers.arrayElement(DESTINATIONS);
    const kind = faker.helpers.arrayElement(destination.kinds);
    const start =
      kind === 'Classe de neige'
        ? new Date(
            Date.UTC(
              faker.helpers.arrayElement([2027, 2028]),
              faker.number.int({ min: 0, max: 2 }),
              faker.number.int({ min: 5, max: 25 })
            )
          )
        : faker.date.between(TRAVEL_PERIOD);
    const days = faker.number.int(TRIP_DAYS[kind]);
    const end = new Date(start.getTime() + (days - 1) * DAY_MS);
    const data: OfferInput = {
      title: `${kind} ${destination.phrase}`,
      reference: `SEED-${String(index + 1).padStart(4, '0')}`,
      offerStatus: faker.helpers.weightedArrayElement(OFFER_STATUS_WEIGHTS),
      destination: destination.destination,
      startDate: isoDate(start),
      endDate: isoDate(end),
      // derived, not drawn: the faker stream of the offer's links stays as it was
      pricePerPerson: PRICE_BASE + days * PRICE_PER_DAY,
    };

    const client = faker.number.int({ min: 0, max: clients.length - 1 });
    const links: PlannedLink[] = [];
    const held = new Set<string>();
    const add = (link: PlannedLink) => {
      const key = `${link.contact}|${link.role}`;
      if (held.has(key)) return;
      held.add(key);
      links.push(link);
    };
    // the client's people keep their roles, and its primary contact is the offer's
    const clientLinks = clients[client].links;
    clientLinks.forEach(add);
    if (!clientLinks.some((link) => link.role === 'payeur')) {
      const payer =
        clientLinks.find((link) => link.role === 'contact_facturation') ??
        clientLinks.find((link) => link.isPrimary) ??
        clientLinks[0];
      add({ contact: payer.contact, role: 'payeur', isPrimary: false });
    }
    const travellers = drawDistinct(faker, faker.number.int({ min: 2, max: 8 }), this.sizes.contacts);
    travellers.forEach((contact) => add({ contact, role: 'voyageur', isPrimary: false }));
    return { data, client, links };
  }
}

/** The whole data set for the given sizes; the same sizes always give the same plan. */
export function planSeed(sizes: SeedSizes): SeedPlan {
  return new SeedPlanner(sizes).plan();
}
