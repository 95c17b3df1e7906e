/**
 * What the contact and client exports offer, shared by the server (which checks a request against
 * it) and the admin's export dialog (which lists it): formats, CSV separators, and the columns a
 * file may have with their labels.
 */
import { FIELD_CATALOGUES, fieldNames, type FieldSpec } from './fields';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `;` is what French Excel splits a CSV on; `,` what English Excel and most software expect. */
export const CSV_DELIMITERS = [';', ','] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Header rows: the field names (for other software), or the labels in French or English. */
export const EXPORT_HEADERS = ['names', 'fr', 'en'] as const;
export type ExportHeaders = (typeof EXPORT_HEADERS)[number];

export type ExportedType = 'contact' | 'client';

/** Columns every record has besides its catalogue fields. */
const RECORD_COLUMN_LABELS = {
  documentId: { fr: 'Identifiant', en: 'Id' },
  createdAt: { fr: 'Créé le', en: 'Created' },
  updatedAt: { fr: 'Modifié le', en: 'Updated' },
} as const;
export const DATE_COLUMNS: readonly string[] = ['createdAt', 'updatedAt'];

/** Every column an export of the type may have: its fields in the catalogue's order, then the record's. */
export const exportColumns = (type: ExportedType): string[] => [
  ...fieldNames(type),
  ...Object.keys(RECORD_COLUMN_LABELS),
];

/** The columns of an export that names none (the former fixed layout). */
export const defaultExportColumns = (type: ExportedType): string[] => [
  'documentId',
  ...fieldNames(type),
  'createdAt',
];

/** A column's header: its name, or its label in the reader's language. */
export const exportColumnHeader = (type: ExportedType, column: string, headers: ExportHeaders): string => {
  if (headers === 'names') return column;
  const spec = (FIELD_CATALOGUES[type] as Record<string, FieldSpec>)[column];
  const label = spec?.label ?? RECORD_COLUMN_LABELS[column as keyof typeof RECORD_COLUMN_LABELS];
  return label ? label[headers] : column;
};
