/**
 * Normalisation of a contact×client or contact×offer link patch: the role the contact plays
 * there (required) and whether they are the primary contact documents are addressed to.
 */
import { LINK_FIELD_CATALOGUE } from '../../../shared/fields';
import { fieldSchemasOf } from './catalogue';
import { fieldError, problem } from './messages';
import { isPatchObject, mergedValue, notAnObjectErrors, readPatch } from './patch';
import type { LinkRecord, NormaliseResult } from './types';

type LinkWritableFields = Omit<LinkRecord, 'role'> & { role: LinkRecord['role'] | null };

/** Exported for the API document, which tells what a write may send from these. */
export const LINK_FIELD_SCHEMAS = fieldSchemasOf<LinkWritableFields>(LINK_FIELD_CATALOGUE);

/**
 * @param patch    the keys being written (other keys, such as `contact` or `client`, are ignored)
 * @param existing the stored link on update, null on create
 */
export function normaliseLinkPatch(
  patch: Record<string, unknown>,
  existing: LinkRecord | null
): NormaliseResult<Partial<LinkRecord>> {
  if (!isPatchObject(patch)) {
    return { ok: false, errors: notAnObjectErrors() };
  }
  const reading = readPatch(patch, LINK_FIELD_SCHEMAS);
  const errors = [...reading.errors];
  const { role: patchedRole, ...otherValues } = reading.values;
  const data: Partial<LinkRecord> = { ...otherValues };
  if (existing === null) {
    data.isPrimary ??= false;
  }
  if (mergedValue(reading, existing, 'role', null) === null && !reading.failedFields.has('role')) {
    errors.push(fieldError(['role'], problem('required')));
  } else if (patchedRole !== undefined && patchedRole !== null) {
    data.role = patchedRole;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}
