// The départements alone (about 10 kB), not the communes the server indexes postal codes with (8 MB).
import departements from '@etalab/decoupage-administratif/data/departements.json';
import { departementCodeFromPrefix } from '../../../shared/departements';

const NAMES = new Map(departements.map((departement) => [departement.code, departement.nom]));

/** The département of a French postal code, by code and name ('33', 'Gironde'), or null. */
export const departementOf = (postalCode: string): { code: string; name: string } | null => {
  const code = departementCodeFromPrefix(postalCode);
  const name = code === null ? undefined : NAMES.get(code);
  return code === null || name === undefined ? null : { code, name };
};
