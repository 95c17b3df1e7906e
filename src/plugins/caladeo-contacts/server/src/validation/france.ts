/**
 * French postal code → département lookup, from the official "découpage administratif" datasets.
 *
 * The package's own entry point reads its files relative to the process's working directory
 * (so it breaks from anywhere else) and eagerly parses 12 MB including EPCI data we do not need.
 * We therefore read the three JSON files ourselves, once, on first use, and keep only small Maps;
 * the parsed arrays (≈ 37 000 communes) are left to the garbage collector.
 */
import { readFileSync } from 'node:fs';

import { departementCodeFromPrefix } from '../../../shared/departements';
import { foldNameForMatching } from './fold';

export type Departement = {
  /** INSEE code: '33', '2A', '971'. */
  code: string;
  /** Official name as in the dataset: 'Gironde'. */
  name: string;
  /** Name of the région it belongs to ('Nouvelle-Aquitaine'), when the dataset has one. */
  regionName: string | null;
};

type FranceIndex = {
  departementsByCode: ReadonlyMap<string, Departement>;
  departementsByPostalCode: ReadonlyMap<string, readonly Departement[]>;
};

const DATASET_PACKAGE = '@etalab/decoupage-administratif';

function readDataset(name: 'communes' | 'departements' | 'regions'): unknown[] {
  const path = require.resolve(`${DATASET_PACKAGE}/data/${name}.json`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return Array.isArray(parsed) ? parsed : [];
}

function readStringProperty(entry: unknown, key: string): string | null {
  if (typeof entry !== 'object' || entry === null) {
    return null;
  }
  const value: unknown = (entry as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

function readStringListProperty(entry: unknown, key: string): string[] {
  if (typeof entry !== 'object' || entry === null) {
    return [];
  }
  const value: unknown = (entry as Record<string, unknown>)[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function buildFranceIndex(): FranceIndex {
  const regionNamesByCode = new Map<string, string>();
  for (const region of readDataset('regions')) {
    const code = readStringProperty(region, 'code');
    const name = readStringProperty(region, 'nom');
    if (code !== null && name !== null) {
      regionNamesByCode.set(code, name);
    }
  }

  const departementsByCode = new Map<string, Departement>();
  for (const entry of readDataset('departements')) {
    const code = readStringProperty(entry, 'code');
    const name = readStringProperty(entry, 'nom');
    if (code === null || name === null) {
      continue;
    }
    const regionCode = readStringProperty(entry, 'region');
    const regionName = regionCode === null ? null : (regionNamesByCode.get(regionCode) ?? null);
    departementsByCode.set(code, { code, name, regionName });
  }

  // A postal code can serve communes of two départements (e.g. 01200: Ain and Haute-Savoie).
  const codesByPostalCode = new Map<string, Set<string>>();
  for (const commune of readDataset('communes')) {
    const departementCode = readStringProperty(commune, 'departement');
    if (departementCode === null || !departementsByCode.has(departementCode)) {
      continue;
    }
    for (const postalCode of readStringListProperty(commune, 'codesPostaux')) {
      const codes = codesByPostalCode.get(postalCode) ?? new Set<string>();
      codes.add(departementCode);
      codesByPostalCode.set(postalCode, codes);
    }
  }

  const departementsByPostalCode = new Map<string, readonly Departement[]>();
  for (const [postalCode, codes] of codesByPostalCode) {
    const departements = [...codes]
      .sort()
      .map((code) => departementsByCode.get(code))
      .filter((departement): departement is Departement => departement !== undefined);
    departementsByPostalCode.set(postalCode, departements);
  }
  return { departementsByCode, departementsByPostalCode };
}

let franceIndex: FranceIndex | null = null;

function getFranceIndex(): FranceIndex {
  franceIndex ??= buildFranceIndex();
  return franceIndex;
}

/**
 * The départements a French postal code belongs to, sorted by code; empty when the code is not
 * five digits or designates no known département.
 */
export function findDepartementsForPostalCode(postalCode: string): readonly Departement[] {
  if (!/^\d{5}$/.test(postalCode)) {
    return [];
  }
  const index = getFranceIndex();
  const fromCommunes = index.departementsByPostalCode.get(postalCode);
  if (fromCommunes !== undefined) {
    return fromCommunes;
  }
  const prefixCode = departementCodeFromPrefix(postalCode);
  const fromPrefix = prefixCode === null ? undefined : index.departementsByCode.get(prefixCode);
  return fromPrefix === undefined ? [] : [fromPrefix];
}

/**
 * Whether a postal code, spaces aside, can only be French: five digits that designate a
 * département ('33000', '33 000', the CEDEX '33913'). A code no département owns ('00100') or of
 * another form ('1000', 'SW1A 1AA') says nothing about the country.
 */
export function isFrenchPostalCode(postalCode: string): boolean {
  return findDepartementsForPostalCode(postalCode.replace(/ /g, '')).length > 0;
}

/**
 * Matches what a user typed as "département/région" against the départements of a postal code:
 * a département's name or code, or its région's name, ignoring case, accents and hyphens.
 * Returns the dataset's spelling of what matched, or null.
 */
export function matchFrenchRegion(input: string, departements: readonly Departement[]): string | null {
  const typed = foldNameForMatching(input);
  if (typed === '') {
    return null;
  }
  for (const departement of departements) {
    if (typed === foldNameForMatching(departement.name) || typed === departement.code.toLowerCase()) {
      return departement.name;
    }
  }
  for (const departement of departements) {
    if (departement.regionName !== null && typed === foldNameForMatching(departement.regionName)) {
      return departement.regionName;
    }
  }
  return null;
}
