import { describe, expect, it } from '@jest/globals';
import { findHeaderRow } from './header-row';

describe('the header row of a file', () => {
  it('is the row whose cells the catalogue recognises most, below a title row', () => {
    const head = [
      ['Export du 12/03/2026'],
      [' Prénom ', 'Nom', 'Courriel'],
      ['Hélène', 'Lefèvre', 'h@exemple.fr'],
    ];
    expect(findHeaderRow(head)).toEqual({ index: 1, headers: ['Prénom', 'Nom', 'Courriel'] });
  });

  it('is none when no row names a known column and no mapping is given', () => {
    expect(
      findHeaderRow([
        ['a', 'b'],
        ['1', '2'],
      ])
    ).toBeNull();
    expect(findHeaderRow([])).toBeNull();
  });

  it('follows the columns of a given mapping, even ones the catalogue does not know', () => {
    const head = [
      ['Prénom', 'Nom'],
      ['Qui', 'Mél perso'],
    ];
    expect(findHeaderRow(head, { Qui: 'firstName', 'Mél perso': 'email' })).toEqual({
      index: 1,
      headers: ['Qui', 'Mél perso'],
    });
  });
});
