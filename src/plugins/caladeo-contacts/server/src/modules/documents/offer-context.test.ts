import { describe, expect, it } from '@jest/globals';

import { DEFAULT_AGENCY, agencyToday, parseAgencyConfig } from './agency';
import { derivedFieldsForOutput } from './contact-fields';
import { buildOfferDocumentContext, type ContactRow, type OfferContextInput } from './offer-context';
import { MAX_LISTED_TRAVELLERS, renderQuotePdf } from './quote-pdf';
import { pdfPageCount, pdfText } from '../../../../../../../tests/helpers/poppler';

const agency = parseAgencyConfig({ ...DEFAULT_AGENCY, city: 'Bordeaux' });

const contact = (documentId: string, extra: Partial<ContactRow> = {}): ContactRow => ({
  documentId,
  firstName: null,
  lastName: null,
  gender: 'unspecified',
  preferredLanguage: 'fr',
  email: null,
  phone: null,
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  region: null,
  country: null,
  ...extra,
});

const input = (overrides: Partial<OfferContextInput> = {}): OfferContextInput => ({
  offer: {
    documentId: 'offer1',
    reference: 'OFF-2027-0042',
    title: 'Séjour à Lisbonne',
    offerStatus: 'sent',
    destination: 'Lisbonne',
    startDate: '2027-05-12',
    endDate: '2027-05-19',
  },
  client: null,
  offerLinks: [],
  clientPrimaryContact: null,
  agency,
  issuedOn: '2026-11-27',
  ...overrides,
});

describe('offer document context', () => {
  it('lists a contact holding several roles once, as a traveller and the payer', () => {
    const anne = contact('anne', { firstName: 'Anne', lastName: 'Petit', gender: 'female' });
    const context = buildOfferDocumentContext(
      input({
        offerLinks: [
          { role: 'voyageur', isPrimary: false, contact: anne },
          { role: 'payeur', isPrimary: true, contact: anne },
          { role: 'accompagnateur', isPrimary: false, contact: contact('bob', { lastName: 'Arnaud' }) },
        ],
      })
    );
    expect(context.travellers.map((entry) => [entry.documentId, entry.roles])).toEqual([
      ['bob', ['accompagnateur']],
      ['anne', ['payeur', 'voyageur']],
    ]);
    expect(context.payer?.documentId).toBe('anne');
    expect(context.addressee).toMatchObject({ documentId: 'anne', source: 'offer', isPrimary: true });
    expect(context.offer.travellerCount).toBe(2);
    expect(context.letter.placeAndDate).toBe('Bordeaux, le 27 novembre 2026');
    expect(context.letter.subject).toBe('Devis OFF-2027-0042 — Séjour à Lisbonne');
  });

  it('writes every text in the addressee’s language', () => {
    const context = buildOfferDocumentContext(
      input({
        offerLinks: [
          {
            role: 'responsable_voyage',
            isPrimary: true,
            contact: contact('john', {
              firstName: 'John',
              lastName: 'Smith',
              gender: 'male',
              preferredLanguage: 'en',
            }),
          },
          {
            role: 'voyageur',
            isPrimary: false,
            contact: contact('marie', { lastName: 'Curie', gender: 'female' }),
          },
        ],
      })
    );
    expect(context.language).toBe('en');
    expect(context.travellers[0].salutation).toBe('Ms');
    expect(context.letter.placeAndDate).toBe('Bordeaux, 27 November 2026');
  });
});

describe('offer pricing', () => {
  const travellers = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      role: 'voyageur' as const,
      isPrimary: false,
      contact: contact(`t${index}`, { lastName: `Voyageur ${index}` }),
    }));

  it('totals the price per person over the listed travellers, to the cent', () => {
    const context = buildOfferDocumentContext(
      input({ offer: { ...input().offer, pricePerPerson: 1250.1 }, offerLinks: travellers(3) })
    );
    expect(context.pricing).toEqual({ currency: 'EUR', perPerson: 1250.1, travellerCount: 3, total: 3750.3 });
  });

  it('has no total while no traveller is listed, and no pricing at all for an unpriced offer', () => {
    const unlisted = buildOfferDocumentContext(input({ offer: { ...input().offer, pricePerPerson: 890 } }));
    expect(unlisted.pricing).toEqual({ currency: 'EUR', perPerson: 890, travellerCount: 0, total: null });
    expect(buildOfferDocumentContext(input()).pricing).toBeNull();
  });

  it('prints the price per person and the total in the quote, as French readers write amounts', async () => {
    const pdf = await renderQuotePdf(
      buildOfferDocumentContext(
        input({ offer: { ...input().offer, pricePerPerson: 1250.5 }, offerLinks: travellers(3) })
      )
    );
    const text = pdfText(pdf);
    expect(text).toContain('Prix par personne');
    expect(text).toMatch(/1\s250,50\s€/u);
    expect(text).toContain('Total (3 voyageurs)');
    expect(text).toMatch(/3\s751,50\s€/u);
  });
});

describe('derived fields of an output record', () => {
  it('derives only the fields whose sources were output', () => {
    const settings = { senderCountry: 'FR', defaultLanguage: 'fr' as const };
    expect(derivedFieldsForOutput({ email: 'a@b.fr' }, settings)).toEqual({});
    expect(derivedFieldsForOutput({ gender: 'male', preferredLanguage: 'fr' }, settings)).toEqual({
      salutation: 'Monsieur',
    });
  });
});

describe('agency configuration', () => {
  it('normalises the country and refuses what would print wrong quotes', () => {
    expect(parseAgencyConfig({ ...DEFAULT_AGENCY, country: 'Belgique' }).country).toBe('BE');
    expect(() => parseAgencyConfig({ ...DEFAULT_AGENCY, name: '' })).toThrow(/agency\.name/);
    expect(() => parseAgencyConfig({ ...DEFAULT_AGENCY, email: 'not-an-email' })).toThrow(/agency\.email/);
    expect(() => parseAgencyConfig({ ...DEFAULT_AGENCY, timeZone: 'Mars/Olympus' })).toThrow(
      /agency\.timeZone/
    );
    expect(() => parseAgencyConfig({ ...DEFAULT_AGENCY, fax: '01' })).toThrow(/fax/);
  });

  it('dates documents in the agency’s time zone', () => {
    expect(agencyToday(agency, new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('PDF quote', () => {
  it('stays on one page with more travellers than it lists', async () => {
    const offerLinks = Array.from({ length: MAX_LISTED_TRAVELLERS + 15 }, (_, index) => ({
      role: 'voyageur' as const,
      isPrimary: false,
      contact: contact(`t${index}`, {
        firstName: 'Maximilien-Alexandre',
        lastName: `de La Rochefoucauld ${index}`,
      }),
    }));
    // every text at its longest allowed length
    const long = (word: string, length: number) => `${word} `.repeat(length).slice(0, length).trim();
    const pdf = await renderQuotePdf(
      buildOfferDocumentContext(
        input({
          offerLinks,
          offer: {
            ...input().offer,
            title: long('Découverte', 200),
            destination: long('Lisbonne', 200),
            pricePerPerson: 999_999.99,
          },
          client: {
            documentId: 'client1',
            name: long('Association', 200),
            type: 'association',
            email: null,
            phone: null,
            addressLine1: long('Rue', 200),
            addressLine2: long('Bâtiment', 200),
            postalCode: '33000',
            city: 'Bordeaux',
            region: null,
            country: 'FR',
          },
        })
      )
    );
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain('… et 15 autres voyageurs');
  });
});
