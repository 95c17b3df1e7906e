/**
 * Known duplicates for the duplicate scan's benchmark (`npm run seed:bulk -- --duplicates 0.02`):
 * second copies of some planned contacts, written the way a second copy arrives in a real base,
 * each with the variant that made it. The seed records which copy is of which contact (table
 * `caladeo_seed_duplicates`, keyed by e-mail) so that the benchmark can report precision and recall.
 */
import { derivedContactFields } from '../../src/plugins/caladeo-contacts/server/src/validation';
import type { BulkContactRow } from './bulk-plan';
import { CONTACT_EMAIL_DOMAINS, FRENCH_CITIES } from './reference';
import { slugify } from './plan';

export const DUPLICATE_VARIANTS = ['samePhone', 'sameNameAndPostalCode', 'typoName', 'otherDomain'] as const;
export type DuplicateVariant = (typeof DUPLICATE_VARIANTS)[number];

export type PlannedCopy = { row: BulkContactRow; variant: DuplicateVariant; originalEmail: string };

/** Which planned contacts get a copy: one in `1 / rate`, spread over the base. */
export const copiedIndexes = (contacts: number, rate: number) => {
  const step = Math.max(1, Math.round(1 / rate));
  const indexes: number[] = [];
  for (let index = step >> 1; index < contacts; index += step) indexes.push(index);
  return indexes;
};

/** "Lefèvre" → "Lefèvr" or "Lfèvre": one letter left out, as a hurried typist would. */
const withTypo = (name: string, position: number) => {
  const letters = Array.from(name);
  if (letters.length < 5) return `${name}e`;
  const drop = 1 + (position % (letters.length - 2));
  return [...letters.slice(0, drop), ...letters.slice(drop + 1)].join('');
};

/** The copy of one planned contact; the variant follows the copy's rank, the cities the index. */
export const planCopy = (original: BulkContactRow, index: number, rank: number): PlannedCopy => {
  let variant = DUPLICATE_VARIANTS[rank % DUPLICATE_VARIANTS.length] as DuplicateVariant;
  if (variant === 'samePhone' && !original.phone) variant = 'sameNameAndPostalCode';
  const [local] = original.email.split('@') as [string];
  const domain = CONTACT_EMAIL_DOMAINS.find(
    (candidate) => !original.email.endsWith(`@${candidate}`)
  ) as string;
  const elsewhere =
    FRENCH_CITIES.find((place) => place.postalCode !== original.postalCode) ?? FRENCH_CITIES[0]!;
  const lastName = variant === 'typoName' ? withTypo(original.lastName, index) : original.lastName;
  const email =
    variant === 'otherDomain'
      ? `${local}@${domain}`
      : `${slugify(original.firstName)}.${slugify(lastName)}.copie${index + 1}@${domain}`;
  const moved = variant === 'samePhone' || variant === 'otherDomain';
  const row: BulkContactRow = {
    ...original,
    lastName,
    email,
    phone: variant === 'samePhone' ? original.phone : null,
    postalCode: moved ? elsewhere.postalCode : original.postalCode,
    city: moved ? elsewhere.city : original.city,
    client: null,
  };
  row.searchText = derivedContactFields(row, []).searchText;
  return { row, variant, originalEmail: original.email };
};
