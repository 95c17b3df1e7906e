import { describe, expect, it } from '@jest/globals';

import { problem } from './messages';
import { checkFrenchSiret } from './siret';

describe('checkFrenchSiret', () => {
  it.each([
    ['a company', '73282932000074'],
    ['another company', '44306184100047'],
    ["La Poste's head office (plain Luhn)", '35600000000048'],
    ['a La Poste establishment (digit sum multiple of 5)', '35600000049837'],
  ])('accepts %s', (_label, siret) => {
    expect(checkFrenchSiret(siret)).toEqual({ ok: true, value: siret });
  });

  it.each([
    ['a wrong check digit', '73282932000075'],
    ['a La Poste number failing both rules', '35600000049838'],
    ['a transposition', '37282932000074'],
  ])('rejects %s', (_label, siret) => {
    expect(checkFrenchSiret(siret)).toEqual({ ok: false, problem: problem('siret.checksum') });
  });

  it.each([
    ['13 digits', '7328293200007'],
    ['15 digits', '732829320000741'],
    ['letters', '7328293200007A'],
    ['a SIREN', '732829320'],
  ])('rejects %s as not a SIRET', (_label, siret) => {
    expect(checkFrenchSiret(siret)).toEqual({ ok: false, problem: problem('siret.format') });
  });
});
