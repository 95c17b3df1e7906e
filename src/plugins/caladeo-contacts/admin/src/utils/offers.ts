import { QUOTE_CURRENCY } from '../../../shared/constants';

/** A calendar date of an offer ('YYYY-MM-DD'), written as the interface language writes dates. */
export const formatOfferDate = (date: string | null | undefined, locale: string) =>
  date
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${date}T00:00:00Z`)
      )
    : '';

/** The same, short, for a table cell. */
export const formatOfferShortDate = (date: string | null | undefined, locale: string) =>
  date
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${date}T00:00:00Z`)
      )
    : '';

/** A price per person, in the agency's currency, as the interface language writes amounts. */
export const formatOfferPrice = (price: number | string | null | undefined, locale: string) =>
  price === null || price === undefined || price === ''
    ? ''
    : new Intl.NumberFormat(locale, { style: 'currency', currency: QUOTE_CURRENCY }).format(Number(price));
