import { CONTACT_FIELD_CATALOGUE } from '../../../../shared/fields';
import { IMPORT_EXTRA_TARGET_CATALOGUE, IMPORT_TARGETS, type ImportTarget } from '../../../../shared/imports';
import { foldCaseAndAccents } from '../../validation/fold';

export { IMPORT_TARGETS, type ImportTarget };

/** Header → target; a header left out (or mapped to null) is ignored. */
export type Mapping = Record<string, ImportTarget | null>;

/** A header as the catalogue's synonyms are written: lower case, no accents, single spaces, no final dot. */
export const foldHeader = (header: string) =>
  foldCaseAndAccents(header).replace(/[._]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A header both a contact field and a link target claim ("nom") goes to the first: the contact's. */
const TARGET_OF_HEADER = new Map<string, ImportTarget>(
  [...Object.entries(CONTACT_FIELD_CATALOGUE), ...Object.entries(IMPORT_EXTRA_TARGET_CATALOGUE)]
    .flatMap(([name, spec]) =>
      spec.importHeaders.map((header) => [foldHeader(header), name as ImportTarget] as const)
    )
    .reverse()
);

/** The target a header names, if one of the catalogue's synonyms (or the field's own name) is it. */
export const targetOfHeader = (header: string): ImportTarget | null => {
  const folded = foldHeader(header);
  return (
    TARGET_OF_HEADER.get(folded) ?? IMPORT_TARGETS.find((target) => foldHeader(target) === folded) ?? null
  );
};

/** The mapping proposed for these headers: each recognised header once, the first wins. */
export const proposeMapping = (headers: readonly string[]): Mapping => {
  const taken = new Set<ImportTarget>();
  const mapping: Mapping = {};
  for (const header of headers) {
    if (header.trim() === '' || header in mapping) continue;
    const target = targetOfHeader(header);
    mapping[header] = target && !taken.has(target) ? target : null;
    if (target) taken.add(target);
  }
  return mapping;
};

/** How many headers of a row the catalogue recognises: the header row is the one with most. */
export const recognisedHeaders = (row: readonly string[]) =>
  row.filter((cell) => targetOfHeader(cell)).length;
