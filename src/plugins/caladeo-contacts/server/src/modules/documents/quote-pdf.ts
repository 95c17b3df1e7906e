/**
 * The one-page quote letter, laid out with pdfmake from the offer document context alone, so that
 * what the PDF says is exactly what the REST and GraphQL context say.
 */
import path from 'node:path';

import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

import type { DocumentLanguage } from '../../../../shared/constants';
import { formatCalendarDate, type DocumentContact, type OfferDocumentContext } from './offer-context';

// pdfmake's Node entry exports an instance whose methods live on its prototype: an ES namespace
// import would copy only its own fields and lose them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfMake = require('pdfmake');

/** Names printed in the travellers' list; past it, a count keeps the quote on one page. */
export const MAX_LISTED_TRAVELLERS = 48;
const TRAVELLER_COLUMNS = 4;

const ACCENT = '#1f4e79';
const MUTED = '#5f6b7a';

const TEXTS = {
  fr: {
    title: 'DEVIS',
    number: 'N°',
    subject: 'Objet :',
    reference: 'Référence',
    trip: 'Voyage',
    destination: 'Destination',
    dates: 'Dates',
    nights: (count: number) => (count <= 1 ? `${count} nuit` : `${count} nuits`),
    client: 'Client',
    contact: 'Votre contact',
    payer: 'Payeur',
    travellers: 'Voyageurs',
    period: (start: string, end: string) => `du ${start} au ${end}`,
    from: (start: string) => `à partir du ${start}`,
    escort: 'accomp.',
    moreTravellers: (count: number) => `… et ${count} autres voyageurs`,
    noTravellers: 'La liste des voyageurs reste à compléter.',
    intro: (trip: string) =>
      `Nous avons le plaisir de vous adresser notre proposition pour le voyage « ${trip} »`,
    towards: (destination: string) => ` à destination de ${destination}`,
    forTravellers: (count: number) => `, pour ${count <= 1 ? `${count} voyageur` : `${count} voyageurs`}`,
    availability:
      'Cette proposition est établie sur la base des informations connues à ce jour. Nous restons à votre disposition pour l’ajuster à vos souhaits et répondre à toutes vos questions.',
    registration: 'Immatriculation',
    pricePerPerson: 'Prix par personne',
    total: (count: number) => `Total (${count <= 1 ? `${count} voyageur` : `${count} voyageurs`})`,
  },
  en: {
    title: 'QUOTE',
    number: 'No.',
    subject: 'Subject:',
    reference: 'Reference',
    trip: 'Trip',
    destination: 'Destination',
    dates: 'Dates',
    nights: (count: number) => (count === 1 ? '1 night' : `${count} nights`),
    client: 'Client',
    contact: 'Your contact',
    payer: 'Payer',
    travellers: 'Travellers',
    period: (start: string, end: string) => `from ${start} to ${end}`,
    from: (start: string) => `from ${start}`,
    escort: 'leader',
    moreTravellers: (count: number) => `… and ${count} more travellers`,
    noTravellers: 'The list of travellers is still to be completed.',
    intro: (trip: string) => `We are pleased to send you our proposal for the trip “${trip}”`,
    towards: (destination: string) => ` to ${destination}`,
    forTravellers: (count: number) => ` for ${count === 1 ? '1 traveller' : `${count} travellers`}`,
    availability:
      'This proposal is based on the information known to date. We remain at your disposal to adapt it to your wishes and to answer any question.',
    registration: 'Registration',
    pricePerPerson: 'Price per person',
    total: (count: number) => `Total (${count === 1 ? '1 traveller' : `${count} travellers`})`,
  },
} as const;

type Texts = (typeof TEXTS)[DocumentLanguage];

let fontsReady = false;

/** Roboto (shipped with pdfmake) covers the Latin letters of every European name. */
function prepareFonts() {
  if (fontsReady) return;
  const fontDirectory = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const font = (file: string) => path.join(fontDirectory, file);
  pdfMake.setFonts({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  // A quote embeds nothing from outside: no URL is fetched, no file but the fonts is read.
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDirectory + path.sep));
  fontsReady = true;
}

/**
 * Stored texts may be long (a title up to 200 characters); on a one-page letter each is given a
 * bounded room and shortened with an ellipsis past it, so the page never overflows.
 */
const clip = (text: string, max: number) =>
  Array.from(text).length > max
    ? `${Array.from(text)
        .slice(0, max - 1)
        .join('')}…`
    : text;
const ROOM = { title: 80, destination: 60, summaryValue: 75, recipientLine: 44, subject: 100 } as const;

function periodOf(context: OfferDocumentContext, texts: Texts): string | null {
  const { startDate, endDate } = context.offer;
  const date = (value: string) => formatCalendarDate(value, context.language);
  if (startDate !== null && endDate !== null) return texts.period(date(startDate), date(endDate));
  if (startDate !== null) return texts.from(date(startDate));
  return null;
}

/** "du 12 mai 2027 au 19 mai 2027 (7 nuits)" */
function datesOf(context: OfferDocumentContext, texts: Texts): string | null {
  const period = periodOf(context, texts);
  const { nights } = context.offer;
  if (period === null) return null;
  return nights === null ? period : `${period} (${texts.nights(nights)})`;
}

function introOf(context: OfferDocumentContext, texts: Texts): string {
  const { offer } = context;
  const period = periodOf(context, texts);
  return [
    texts.intro(clip(offer.title, ROOM.title)),
    offer.destination ? texts.towards(clip(offer.destination, ROOM.destination)) : '',
    period ? `, ${period}` : '',
    offer.travellerCount > 0 ? texts.forTravellers(offer.travellerCount) : '',
    '.',
  ].join('');
}

/** Stored phones are E.164; a letter shows them grouped as people read them. */
const readablePhone = (phone: string | null) =>
  phone === null ? null : (parsePhoneNumberFromString(phone)?.formatInternational() ?? phone);

/** "1 250,00 €" / "€1,250.00"; the narrow spaces French uses are widened to ones the font has. */
const formatPrice = (amount: number, currency: string, language: DocumentLanguage) =>
  new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency })
    .format(amount)
    .replace(/\u202f/g, '\u00a0');

type SummaryRow = { label: string; value: string | null; strong?: boolean };

function priceRows(context: OfferDocumentContext, texts: Texts): SummaryRow[] {
  const { pricing, language } = context;
  if (pricing === null) return [];
  return [
    { label: texts.pricePerPerson, value: formatPrice(pricing.perPerson, pricing.currency, language) },
    {
      label: texts.total(pricing.travellerCount),
      value: pricing.total === null ? null : formatPrice(pricing.total, pricing.currency, language),
      strong: true,
    },
  ];
}

function summaryRows(context: OfferDocumentContext, texts: Texts): SummaryRow[] {
  const { offer, client, addressee, payer } = context;
  const contactLine = addressee
    ? [addressee.fullName, addressee.email, readablePhone(addressee.phone)].filter(Boolean).join(' · ')
    : null;
  const rows: SummaryRow[] = [
    { label: texts.reference, value: offer.reference, strong: true },
    { label: texts.trip, value: offer.title, strong: true },
    { label: texts.destination, value: offer.destination },
    { label: texts.dates, value: datesOf(context, texts) },
    { label: texts.client, value: client?.name ?? null },
    { label: texts.contact, value: contactLine },
    { label: texts.payer, value: payer?.fullName ?? null },
    ...priceRows(context, texts),
  ];
  return rows
    .filter((row) => row.value !== null && row.value !== '')
    .map((row) => ({ ...row, value: clip(row.value ?? '', ROOM.summaryValue) }));
}

/** What fits on one line of a column at 8 pt; longer names are shortened so the page never overflows. */
const TRAVELLER_LINE_CHARACTERS = 27;

function travellerName(traveller: DocumentContact, texts: Texts): Content {
  const escorts = traveller.roles.includes('accompagnateur');
  const mark = escorts ? ` (${texts.escort})` : '';
  const room = TRAVELLER_LINE_CHARACTERS - mark.length;
  const fullName = traveller.fullName ?? traveller.email ?? '—';
  const name =
    Array.from(fullName).length > room
      ? `${Array.from(fullName)
          .slice(0, room - 1)
          .join('')}…`
      : fullName;
  return {
    text: [name, ...(escorts ? [{ text: mark, color: MUTED, italics: true }] : [])],
    noWrap: true,
    margin: [0, 0, 0, 1],
  };
}

function travellersBlock(context: OfferDocumentContext, texts: Texts): Content[] {
  const heading: Content = {
    text: `${texts.travellers} (${context.travellers.length})`,
    style: 'sectionHeading',
  };
  if (context.travellers.length === 0) {
    return [heading, { text: texts.noTravellers, italics: true, color: MUTED }];
  }
  const listed = context.travellers.slice(0, MAX_LISTED_TRAVELLERS);
  const perColumn = Math.ceil(listed.length / TRAVELLER_COLUMNS);
  const columns = Array.from({ length: TRAVELLER_COLUMNS }, (_, index) => ({
    width: '*' as const,
    stack: listed
      .slice(index * perColumn, (index + 1) * perColumn)
      .map((traveller) => travellerName(traveller, texts)),
  }));
  const hidden = context.travellers.length - listed.length;
  return [
    heading,
    { columns, columnGap: 10, fontSize: 8 },
    ...(hidden > 0
      ? [{ text: texts.moreTravellers(hidden), fontSize: 8.5, color: MUTED, margin: [0, 3, 0, 0] } as Content]
      : []),
  ];
}

function agencyFooter(context: OfferDocumentContext, texts: Texts): string {
  const { agency } = context;
  return [
    agency.name,
    agency.addressBlock.slice(1).join(', '),
    agency.siret ? `SIRET ${agency.siret}` : null,
    agency.registration ? `${texts.registration} ${agency.registration}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The pdfmake definition of the quote; exported so its content can be checked without rendering. */
export function quoteDocumentDefinition(context: OfferDocumentContext): TDocumentDefinitions {
  const texts = TEXTS[context.language];
  const { agency, letter, offer } = context;
  const agencyContactLine = [readablePhone(agency.phone), agency.email, agency.website]
    .filter(Boolean)
    .join(' · ');
  const footerText = agencyFooter(context, texts);

  return {
    pageSize: 'A4',
    pageMargins: [56, 44, 56, 54],
    info: {
      title: `${texts.title} ${offer.reference} — ${offer.title}`,
      author: agency.name,
      subject: letter.subject,
      creator: agency.name,
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: '#1d232b' },
    styles: {
      agencyName: { fontSize: 15, bold: true, color: ACCENT },
      small: { fontSize: 8.5, color: MUTED },
      sectionHeading: { fontSize: 10.5, bold: true, color: ACCENT, margin: [0, 10, 0, 4] },
    },
    footer: {
      text: footerText,
      fontSize: 7.5,
      color: MUTED,
      alignment: 'center',
      margin: [56, 20, 56, 0],
    },
    content: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: agency.name, style: 'agencyName' },
              { text: agency.addressBlock.slice(1).join('\n'), style: 'small', margin: [0, 3, 0, 0] },
              ...(agencyContactLine ? [{ text: agencyContactLine, style: 'small' }] : []),
            ],
          },
          {
            width: 'auto',
            stack: [
              { text: texts.title, fontSize: 20, bold: true, color: ACCENT, alignment: 'right' },
              { text: `${texts.number} ${offer.reference}`, alignment: 'right', bold: true },
            ],
          },
        ],
      },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 0.8, lineColor: ACCENT }],
        margin: [0, 10, 0, 0],
      },
      // The recipient sits where a right-hand window envelope shows it.
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 240,
            // the block's lines hold 38 characters, names shortened as the standard allows
            // ("À l'attention de M. J.-P. Poirier"); only a longer one (a long client name) is clipped
            stack: letter.recipientLines.map((line) => ({
              text: clip(line, ROOM.recipientLine),
              noWrap: true,
            })),
          },
        ],
        margin: [0, 20, 0, 0],
      },
      { text: letter.placeAndDate, alignment: 'right', margin: [0, 16, 0, 0] },
      {
        text: [{ text: `${texts.subject} `, bold: true }, clip(letter.subject, ROOM.subject)],
        margin: [0, 10, 0, 10],
      },
      { text: letter.opening, margin: [0, 0, 0, 8] },
      { text: introOf(context, texts), alignment: 'justify' },
      {
        table: {
          widths: [110, '*'],
          body: summaryRows(context, texts).map((row) => [
            { text: row.label, color: MUTED },
            { text: row.value ?? '', bold: row.strong === true },
          ]),
        },
        layout: {
          hLineWidth: (index, node) => (index === 0 || index === node.table.body.length ? 0.8 : 0.3),
          vLineWidth: () => 0,
          hLineColor: () => '#c9d3de',
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
        margin: [0, 10, 0, 0],
      },
      ...travellersBlock(context, texts),
      { text: texts.availability, alignment: 'justify', margin: [0, 12, 0, 6] },
      { text: letter.closing, alignment: 'justify' },
      {
        stack: [
          ...(agency.signatory ? [{ text: agency.signatory, bold: true }] : []),
          { text: agency.name, color: MUTED },
        ],
        margin: [260, 14, 0, 0],
      },
    ],
  };
}

/** Renders the quote to PDF bytes. */
export async function renderQuotePdf(context: OfferDocumentContext): Promise<Buffer> {
  prepareFonts();
  return pdfMake.createPdf(quoteDocumentDefinition(context)).getBuffer();
}
