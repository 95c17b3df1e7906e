/**
 * The offer document context: everything a quote or a letter about an offer needs, in one stable,
 * versioned object (see docs/documents.md). Pure: the Strapi service loads the rows, this module
 * decides who the letter is addressed to and how.
 */
import {
  OFFER_CONTEXT_VERSION,
  QUOTE_CURRENCY,
  TRAVELLING_ROLES,
  type ClientType,
  type DocumentLanguage,
  type Gender,
  type Language,
  LINK_ROLES,
  type LinkRole,
  type OfferStatus,
} from '../../../../shared/constants';
import { formatAddressBlock, type PostalAddress } from './address-block';
import type { AgencyDetails } from './agency';
import { deriveContactFields, type PresentableContact } from './contact-fields';
import { documentLanguageFor, letterClosingFor, nameWithTitle, recipientForms } from './salutation';

export type ContactRow = PresentableContact & {
  documentId: string;
  email: string | null;
  phone: string | null;
};

export type ClientRow = PostalAddress & {
  documentId: string;
  name: string;
  type: ClientType;
  email: string | null;
  phone: string | null;
};

export type OfferRow = {
  documentId: string;
  reference: string;
  title: string;
  offerStatus: OfferStatus;
  destination: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Euros per traveller, to the cent (the choke point refuses anything finer). */
  pricePerPerson?: number | null;
};

export type LinkRow = { role: LinkRole; isPrimary: boolean; contact: ContactRow | null };

export type OfferContextInput = {
  offer: OfferRow;
  client: ClientRow | null;
  offerLinks: readonly LinkRow[];
  /** The client's primary contact, used when the offer has none of its own. */
  clientPrimaryContact: ContactRow | null;
  agency: AgencyDetails;
  /** The date the document is issued, 'YYYY-MM-DD'. */
  issuedOn: string;
};

export type DocumentContact = {
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  gender: Gender;
  preferredLanguage: Language | null;
  salutation: string;
  letterOpening: string;
  email: string | null;
  phone: string | null;
  addressBlock: string[];
  /** The contact's roles on the offer, in the order of LINK_ROLES; empty for a client's contact. */
  roles: LinkRole[];
  /** Whether the contact is the offer's primary contact. */
  isPrimary: boolean;
};

export type AddresseeSource = 'offer' | 'client';

export type OfferDocumentContext = {
  version: typeof OFFER_CONTEXT_VERSION;
  language: DocumentLanguage;
  issuedOn: string;
  /** The offer's stage is `status` here, as templates have always read it. */
  offer: Omit<OfferRow, 'pricePerPerson' | 'offerStatus'> & {
    status: OfferStatus;
    travellerCount: number;
    nights: number | null;
  };
  /** The offer's price, null until the agency has priced it. */
  pricing: Pricing | null;
  client: {
    documentId: string;
    name: string;
    type: ClientType;
    email: string | null;
    phone: string | null;
    addressBlock: string[];
  } | null;
  addressee: (DocumentContact & { source: AddresseeSource }) | null;
  payer: DocumentContact | null;
  travellers: DocumentContact[];
  otherContacts: DocumentContact[];
  agency: AgencyDetails & { addressBlock: string[] };
  letter: {
    /** The lines of the address window: client and "for the attention of", or the addressee. */
    recipientLines: string[];
    placeAndDate: string;
    subject: string;
    opening: string;
    closing: string;
  };
};

export type Pricing = {
  currency: typeof QUOTE_CURRENCY;
  perPerson: number;
  travellerCount: number;
  /** perPerson × travellerCount; null while no traveller is listed. */
  total: number | null;
};

/** Cents are what a price is made of: sums are done on them, never on floating euros. */
const toCents = (euros: number) => Math.round(euros * 100);

function pricingOf(pricePerPerson: OfferRow['pricePerPerson'], travellerCount: number): Pricing | null {
  if (pricePerPerson === null || pricePerPerson === undefined) return null;
  const cents = toCents(pricePerPerson);
  return {
    currency: QUOTE_CURRENCY,
    perPerson: cents / 100,
    travellerCount,
    total: travellerCount > 0 ? (cents * travellerCount) / 100 : null,
  };
}

const ATTENTION: Record<DocumentLanguage, string> = { fr: 'À l’attention de', en: 'For the attention of' };
const SUBJECT: Record<DocumentLanguage, string> = { fr: 'Devis', en: 'Quote' };

const DAY_MS = 86_400_000;

function nightsBetween(startDate: string | null, endDate: string | null): number | null {
  if (startDate === null || endDate === null) return null;
  const nights = Math.round((Date.parse(endDate) - Date.parse(startDate)) / DAY_MS);
  return Number.isFinite(nights) && nights >= 0 ? nights : null;
}

/** "27 novembre 2026" / "27 November 2026", for a calendar date read as such (no time zone shift). */
export function formatCalendarDate(isoDate: string, language: DocumentLanguage): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

const byName = (left: DocumentContact, right: DocumentContact) =>
  (left.lastName ?? '').localeCompare(right.lastName ?? '', 'fr', { sensitivity: 'base' }) ||
  (left.firstName ?? '').localeCompare(right.firstName ?? '', 'fr', { sensitivity: 'base' }) ||
  left.documentId.localeCompare(right.documentId);

type Grouped = { contact: ContactRow; roles: Set<LinkRole>; isPrimary: boolean };

/** One entry per contact, however many roles they hold on the offer. */
function groupLinksByContact(links: readonly LinkRow[]): Grouped[] {
  const byContact = new Map<string, Grouped>();
  for (const link of links) {
    if (link.contact === null) continue;
    const entry = byContact.get(link.contact.documentId) ?? {
      contact: link.contact,
      roles: new Set<LinkRole>(),
      isPrimary: false,
    };
    entry.roles.add(link.role);
    entry.isPrimary ||= link.isPrimary;
    byContact.set(link.contact.documentId, entry);
  }
  return [...byContact.values()];
}

const agencyDetailsOf = (agency: AgencyDetails): AgencyDetails => ({
  name: agency.name,
  addressLine1: agency.addressLine1,
  addressLine2: agency.addressLine2,
  postalCode: agency.postalCode,
  city: agency.city,
  country: agency.country,
  phone: agency.phone,
  email: agency.email,
  website: agency.website,
  siret: agency.siret,
  registration: agency.registration,
  signatory: agency.signatory,
  defaultLanguage: agency.defaultLanguage,
  timeZone: agency.timeZone,
});

export function buildOfferDocumentContext(input: OfferContextInput): OfferDocumentContext {
  const { agency } = input;
  const settings = { senderCountry: agency.country, defaultLanguage: agency.defaultLanguage };
  const grouped = groupLinksByContact(input.offerLinks);

  // Who the letter is for decides the language every text below is written in.
  const offerPrimary = grouped.find((entry) => entry.isPrimary)?.contact ?? null;
  const addresseeRow = offerPrimary ?? input.clientPrimaryContact;
  const language = documentLanguageFor(addresseeRow?.preferredLanguage ?? null, agency.defaultLanguage);

  const present = (row: ContactRow, roles: ReadonlySet<LinkRole>, isPrimary: boolean): DocumentContact => {
    const derived = deriveContactFields(row, settings, language);
    return {
      documentId: row.documentId,
      firstName: row.firstName,
      lastName: row.lastName,
      fullName: derived.fullName,
      gender: row.gender,
      preferredLanguage: row.preferredLanguage,
      salutation: derived.salutation,
      letterOpening: derived.letterOpening,
      email: row.email,
      phone: row.phone,
      addressBlock: derived.addressBlock,
      roles: LINK_ROLES.filter((role) => roles.has(role)),
      isPrimary,
    };
  };

  const linked = grouped.map((entry) => present(entry.contact, entry.roles, entry.isPrimary)).sort(byName);
  const travels = (contact: DocumentContact) => contact.roles.some((role) => TRAVELLING_ROLES.includes(role));
  const travellers = linked.filter(travels);
  const otherContacts = linked.filter((contact) => !travels(contact));
  const payers = linked.filter((contact) => contact.roles.includes('payeur'));
  const payer = payers.find((contact) => contact.isPrimary) ?? payers[0] ?? null;

  let addressee: OfferDocumentContext['addressee'] = null;
  if (offerPrimary !== null) {
    const entry = linked.find((contact) => contact.documentId === offerPrimary.documentId);
    if (entry) addressee = { ...entry, source: 'offer' };
  } else if (input.clientPrimaryContact !== null) {
    addressee = { ...present(input.clientPrimaryContact, new Set(), false), source: 'client' };
  }

  const client = input.client;
  const addresseeName =
    addressee === null ? null : nameWithTitle(addressee.gender, language, addressee.fullName);
  const clientLetterBlock =
    client === null
      ? []
      : formatAddressBlock(client, {
          recipientLines: [
            client.name,
            ...(addressee === null || addresseeName === null
              ? []
              : [
                  recipientForms(addressee.gender, language, addressee).map(
                    (form) => `${ATTENTION[language]} ${form}`
                  ),
                ]),
          ],
          senderCountry: agency.country,
        });
  // A letter goes to the client's address when it has one, else to the addressee's own.
  const recipientLines =
    clientLetterBlock.length > 0
      ? clientLetterBlock
      : addressee !== null && addressee.addressBlock.length > 0
        ? addressee.addressBlock
        : [client?.name ?? null, addresseeName].filter((line): line is string => line !== null);

  const date = formatCalendarDate(input.issuedOn, language);
  const place = agency.city;
  const placeAndDate =
    language === 'fr' ? (place ? `${place}, le ${date}` : `Le ${date}`) : place ? `${place}, ${date}` : date;

  return {
    version: OFFER_CONTEXT_VERSION,
    language,
    issuedOn: input.issuedOn,
    // field by field: the loaded rows carry private and internal fields that must not leave
    offer: {
      documentId: input.offer.documentId,
      reference: input.offer.reference,
      title: input.offer.title,
      status: input.offer.offerStatus,
      destination: input.offer.destination,
      startDate: input.offer.startDate,
      endDate: input.offer.endDate,
      travellerCount: travellers.length,
      nights: nightsBetween(input.offer.startDate, input.offer.endDate),
    },
    pricing: pricingOf(input.offer.pricePerPerson, travellers.length),
    client:
      client === null
        ? null
        : {
            documentId: client.documentId,
            name: client.name,
            type: client.type,
            email: client.email,
            phone: client.phone,
            addressBlock: formatAddressBlock(client, {
              recipientLines: [client.name],
              senderCountry: agency.country,
            }),
          },
    addressee,
    payer,
    travellers,
    otherContacts,
    agency: {
      ...agencyDetailsOf(agency),
      addressBlock: formatAddressBlock(
        { ...agency, region: null },
        { recipientLines: [agency.name], senderCountry: agency.country }
      ),
    },
    letter: {
      recipientLines,
      placeAndDate,
      subject: `${SUBJECT[language]} ${input.offer.reference} — ${input.offer.title}`,
      opening: addressee?.letterOpening ?? (language === 'fr' ? 'Madame, Monsieur,' : 'Dear Sir or Madam,'),
      closing: letterClosingFor(addressee?.gender ?? null, language, (addressee?.fullName ?? null) !== null),
    },
  };
}
