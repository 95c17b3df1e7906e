import { fieldLabelMessages, type FieldLabelKey } from '../../../shared/fields';

const LABELLED = new Set<string>(Object.keys(fieldLabelMessages('en')));

/**
 * A field named by a history entry, as a person reads it: its label from the field catalogue
 * (`contact.city` → « Ville », `link.role` on a link entry), else its name (`mergedContacts`).
 * `label` translates a catalogue key in the admin's language.
 */
export const historyFieldLabel = (
  label: (key: FieldLabelKey) => string,
  targetType: 'contact' | 'client',
  isLinkEntry: boolean,
  field: string
) => {
  const key = `${isLinkEntry ? 'link' : targetType}.${field}`;
  return LABELLED.has(key) ? label(key as FieldLabelKey) : field;
};

/** The fields of an entry whose values were erased, labelled, for « Valeurs effacées (…) ». */
export const scrubbedFieldsText = (
  label: (key: FieldLabelKey) => string,
  targetType: 'contact' | 'client',
  isLinkEntry: boolean,
  fields: readonly string[]
) => fields.map((field) => historyFieldLabel(label, targetType, isLinkEntry, field)).join(', ');
