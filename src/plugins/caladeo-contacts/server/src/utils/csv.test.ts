import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { neutraliseFormula, toCsv } from './csv';

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("http://evil","x")', '+1+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '+33612345678'])(
    'prefixes %j with an apostrophe',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    }
  );

  it.each(['Zoé-Anne', "O'Neill", 'Saint-Étienne', 'a=b', 'contact@example.fr', ' =1', ''])(
    'leaves %j as typed',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
    }
  );
});

describe('toCsv', () => {
  it('neutralises every text cell and keeps the others as csv-stringify writes them', () => {
    const csv = toCsv([
      ['lastName', 'city', 'newsletter', 'visits'],
      ['=HYPERLINK("http://evil","x")', 'Lyon', true, -1],
      ['Dupré', '-Ville', false, null],
    ]);
    expect(parse(csv)).toEqual([
      ['lastName', 'city', 'newsletter', 'visits'],
      [`'=HYPERLINK("http://evil","x")`, 'Lyon', '1', '-1'],
      ['Dupré', "'-Ville", '', ''],
    ]);
  });
});
