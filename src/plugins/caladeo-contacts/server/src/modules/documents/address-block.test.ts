import { describe, expect, it } from '@jest/globals';

import {
  formatAddressBlock,
  POSTAL_LINE_LENGTH,
  type PostalAddress,
  type RecipientLine,
} from './address-block';

const EMPTY: PostalAddress = {
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  region: null,
  country: null,
};
const fromFrance = (address: Partial<PostalAddress>, recipientLines: RecipientLine[] = []) =>
  formatAddressBlock({ ...EMPTY, ...address }, { recipientLines, senderCountry: 'FR' });

describe('French addresses (La Poste)', () => {
  it('ends with "POSTCODE LOCALITY" in capitals and has no country line at home', () => {
    expect(
      fromFrance(
        { addressLine1: '12 rue Sainte-Catherine', postalCode: '33000', city: 'Bordeaux', country: 'FR' },
        ['Madame Claire Dupont']
      )
    ).toEqual(['Madame Claire Dupont', '12 RUE SAINTE CATHERINE', '33000 BORDEAUX']);
  });

  it('prints localities without accents or punctuation, and keeps CEDEX after the locality', () => {
    expect(
      fromFrance({ addressLine1: '2 place Jean Jaurès', postalCode: '42000', city: 'Saint-Étienne' })
    ).toEqual(['2 PLACE JEAN JAURES', '42000 SAINT ETIENNE']);
    expect(
      fromFrance({ addressLine1: 'CS 71234', postalCode: '33913', city: 'Bordeaux Cedex 9', country: 'FR' })
    ).toEqual(['CS 71234', '33913 BORDEAUX CEDEX 9']);
  });

  it('puts a building complement above the street and a post-office box below it', () => {
    expect(
      fromFrance({
        addressLine1: '8 allée des Pins',
        addressLine2: 'Résidence Les Chênes, bât. B',
        postalCode: '33600',
        city: 'Pessac',
      })
    ).toEqual(['Résidence Les Chênes, bât. B', '8 ALLEE DES PINS', '33600 PESSAC']);
    expect(
      fromFrance({
        addressLine1: '1 rue de la Gare',
        addressLine2: 'BP 40123',
        postalCode: '33501',
        city: 'Libourne Cedex',
      })
    ).toEqual(['1 RUE DE LA GARE', 'BP 40123', '33501 LIBOURNE CEDEX']);
  });

  it('copes with missing parts', () => {
    expect(fromFrance({ city: 'Arcachon' })).toEqual(['ARCACHON']);
    expect(fromFrance({ addressLine1: '3 rue Neuve', postalCode: '33000' })).toEqual([
      '3 RUE NEUVE',
      '33000',
    ]);
    expect(fromFrance({}, ['Madame Claire Dupont'])).toEqual([]);
  });

  it('writes the street and what follows it without punctuation, as La Poste reads them', () => {
    expect(
      fromFrance({ addressLine1: "14, rue de l'Église", postalCode: '33000', city: 'Bordeaux' })
    ).toEqual(['14 RUE DE L EGLISE', '33000 BORDEAUX']);
  });

  it('shortens a line past 38 characters with the standard abbreviations, the kind of way first and titles only if needed', () => {
    const block = fromFrance({
      addressLine1: '128 boulevard du Président Franklin Roosevelt',
      postalCode: '33000',
      city: 'Bordeaux',
    });
    expect(block).toEqual(['128 BD DU PRESIDENT FRANKLIN ROOSEVELT', '33000 BORDEAUX']);
    expect(
      fromFrance({
        addressLine1: '7 avenue du Maréchal de Lattre de Tassigny',
        postalCode: '33000',
        city: 'Bordeaux',
      })
    ).toEqual(['7 AV DU MARECHAL DE LATTRE DE TASSIGNY', '33000 BORDEAUX']);
    expect(
      fromFrance({ postalCode: '50340', city: 'Saint-Germain-le-Gaillard-sur-Mer-de-la-Manche' })
    ).toEqual(['50340 ST GERMAIN LE GAILLARD SUR MER DE LA MANCHE']);
  });

  it('keeps a line that no abbreviation can shorten whole rather than cut the address', () => {
    const street = '2 rue Abcdefghijklmnopqrstuvwxyzabcdefghij';
    expect(fromFrance({ addressLine1: street, postalCode: '33000', city: 'Bordeaux' })[0]).toBe(
      '2 RUE ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ'
    );
  });

  it('keeps a short complement above the street as typed and shortens a long one', () => {
    expect(
      fromFrance({
        addressLine1: '8 allée des Pins',
        addressLine2: 'Résidence du Grand Parc, bâtiment Les Tilleuls',
        postalCode: '33600',
        city: 'Pessac',
      })[0]
    ).toBe('RES DU GRAND PARC BAT LES TILLEULS');
  });

  it('prints the first form of a name that fits 38 characters', () => {
    const forms = [
      'À l’attention de Monsieur Jean-Pierre Poirier',
      'À l’attention de M. Jean-Pierre Poirier',
      'À l’attention de M. J.-P. Poirier',
    ];
    const block = fromFrance({ addressLine1: '3 rue Neuve', postalCode: '33000', city: 'Bordeaux' }, [
      'Comité des fêtes',
      forms,
    ]);
    expect(block).toEqual([
      'Comité des fêtes',
      'À l’attention de M. J.-P. Poirier',
      '3 RUE NEUVE',
      '33000 BORDEAUX',
    ]);
    expect(block.every((line) => Array.from(line).length <= POSTAL_LINE_LENGTH)).toBe(true);
  });

  it('adds "FRANCE" when the agency posts from abroad', () => {
    const block = formatAddressBlock(
      {
        ...EMPTY,
        addressLine1: '12 rue Sainte-Catherine',
        postalCode: '33000',
        city: 'Bordeaux',
        country: 'FR',
      },
      { recipientLines: [], senderCountry: 'BE' }
    );
    expect(block).toEqual(['12 RUE SAINTE CATHERINE', '33000 BORDEAUX', 'FRANCE']);
  });
});

describe('addresses without a country', () => {
  const fromBelgium = (address: Partial<PostalAddress>) =>
    formatAddressBlock({ ...EMPTY, ...address }, { recipientLines: [], senderCountry: 'BE' });

  it('are French when the postal code can only be French, as the validation reads them', () => {
    expect(
      fromBelgium({ addressLine1: '12 rue Sainte-Catherine', postalCode: '33000', city: 'Bordeaux' })
    ).toEqual(['12 RUE SAINTE CATHERINE', '33000 BORDEAUX', 'FRANCE']);
  });

  it('are in the agency’s country otherwise', () => {
    expect(fromBelgium({ addressLine1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles' })).toEqual([
      'Rue de la Loi 16',
      '1000 Bruxelles',
    ]);
  });
});

describe('addresses abroad, sent from France', () => {
  it('Belgium: street and number, postcode before the city, country in French', () => {
    expect(
      fromFrance({ addressLine1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, [
        'Madame Anne Peeters',
      ])
    ).toEqual(['Madame Anne Peeters', 'Rue de la Loi 16', '1000 Bruxelles', 'BELGIQUE']);
  });

  it('Switzerland', () => {
    expect(
      fromFrance({ addressLine1: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zürich', country: 'CH' })
    ).toEqual(['Bahnhofstrasse 1', '8001 Zürich', 'SUISSE']);
  });

  it('Germany, with a second line after the street', () => {
    expect(
      fromFrance({
        addressLine1: 'Kurfürstendamm 12',
        addressLine2: 'Hinterhaus',
        postalCode: '10719',
        city: 'Berlin',
        country: 'DE',
      })
    ).toEqual(['Kurfürstendamm 12', 'Hinterhaus', '10719 Berlin', 'ALLEMAGNE']);
  });

  it('United Kingdom: post town, then postcode on its own line', () => {
    expect(
      fromFrance({ addressLine1: '10 Downing Street', postalCode: 'SW1A 2AA', city: 'London', country: 'GB' })
    ).toEqual(['10 Downing Street', 'London', 'SW1A 2AA', 'ROYAUME-UNI']);
  });

  it('United States: "City, ST ZIP", suite after the street, and without a state', () => {
    expect(
      fromFrance({
        addressLine1: '301 Hamilton Avenue',
        addressLine2: 'Suite 200',
        postalCode: '94301',
        city: 'Palo Alto',
        region: 'California',
        country: 'US',
      })
    ).toEqual(['301 Hamilton Avenue', 'Suite 200', 'Palo Alto, CA 94301', 'ETATS-UNIS']);
    expect(fromFrance({ addressLine1: '301 Hamilton Avenue', city: 'Palo Alto', country: 'US' })).toEqual([
      '301 Hamilton Avenue',
      'Palo Alto',
      'ETATS-UNIS',
    ]);
  });
});
