/**
 * The one catalogue of field-error messages. A field error carries a stable `code` (which the admin
 * and external apps translate) and the `values` its message names; the English `message` is
 * generated here from the same code and values, so the three cannot drift apart.
 *
 * Templates name their values in braces ('must be at most {max} characters'): the same syntax as
 * the admin's translations, and what the types below read to know which values a code needs.
 */
import type { FieldError } from './types';

export const FIELD_ERROR_MESSAGES = {
  required: 'is required',
  'field.notAllowed': 'is not allowed',
  'field.keptByApplication': 'is kept by the application and cannot be written',
  'field.invalid': 'is not valid',
  'value.notObject': 'must be an object',
  'text.notString': 'must be a string',
  'text.controlCharacters': 'must not contain control characters',
  'text.brokenUnicode': 'must not contain broken Unicode characters',
  'text.tooLong': 'must be at most {max} characters',
  'choice.invalid': 'must be one of: {allowed}',
  'boolean.invalid': 'must be true or false',
  'number.outOfRange': 'must be a whole number from {min} to {max}',
  'email.invalid': 'must be a valid e-mail address',
  'email.taken': 'is already used by another contact ({documentId})',
  'country.unknown': 'is not a known country',
  'country.notAlpha2': 'must be an ISO 3166 alpha-2 code',
  'phone.invalidForCountry': 'is not a possible phone number for {country}',
  'phone.invalidInternational': 'is not a possible international phone number',
  'phone.extension': 'must not contain an extension',
  'postalCode.invalidForCountry': 'is not a valid postal code for {country}',
  'postalCode.departementMismatch': 'does not match postal code {postalCode} ({departements})',
  'contact.nameOrEmailRequired': 'a contact needs at least a last name or an e-mail address',
  'siret.format': 'must be a SIRET number of 14 digits',
  'siret.checksum': 'is not a valid SIRET number (its check digit is wrong)',
  'offerReference.format': 'may only contain letters A-Z, digits and the characters . _ / -',
  'offerReference.taken': 'is already used by another offer',
  'date.notString': 'must be a date in the form YYYY-MM-DD',
  'date.invalid': 'must be a real calendar date in the form YYYY-MM-DD',
  'date.beforeStart': 'must not be before the start date ({startDate})',
  'price.invalid': 'must be an amount in euros, e.g. 1250.50',
  'price.tooPrecise': 'must be an amount in euros with at most two decimals',
  'price.outOfRange': 'must be between {min} and {max} euros',
  'documentId.invalid': 'must be a documentId',
  'documentId.invalidOffer': 'must be the documentId of an offer (letters and digits)',
  'link.endRequired': 'must be the documentId of one {target}',
  'link.endNotFound': 'does not exist',
  'link.endFixed': 'cannot be changed; delete this link and create another',
  'link.throughLinkRoutes':
    'links are made and removed through the client-contacts and offer-contacts routes',
  'relation.single': 'holds one {target} at most, not a list',
  'link.roleTaken': 'is already held by this contact on this {target}',
  'link.primaryRace': 'another contact was made primary at the same moment; reload and try again',
  'link.primaryTaken': 'another contact is the primary contact of this {target} now',
  'query.notAParameter': 'is not a parameter of this route',
  'query.fieldsEmpty': 'must name at least one field',
  'query.filtersNotConditions': 'must be an object of conditions',
  'body.malformedJson': 'must be well-formed JSON',
  'query.filtersTooDeep': 'may nest at most {max} levels',
  'query.filterPathTooLong': 'may name at most {max} fields in a row (relations crossed, then the field)',
  'query.populateTooDeep': 'may go at most {max} relations deep',
  'query.sortPathTooLong': 'may sort on a field at most {max} relations away',
  'query.sortThroughField': 'goes on past {field}, which is a field and not a relation',
  'query.prototypeKey': 'is not a name a parameter may use',
  'query.timeout':
    'took the database longer than {max} ms to read: ask for less (narrower filters, a smaller page, fewer relations)',
  'query.busy':
    'has {max} reads of yours already running and as many waiting as allowed: wait for them, then try again',
  'body.tooDeep': 'may nest at most {max} levels',
  'body.prototypeKey': 'is not a name a field may have',
  'body.serverField': 'is set by the server and cannot be written',
  'search.notSingleString': 'must be a single string',
  'search.cursorInvalid': 'is not a cursor of this list and order',
  'search.paginationWithCursor': 'cannot be used with q or cursor; follow the cursor',
  'search.sortWithCursor': 'cannot be used with q or cursor; use order',
  'signUp.notObject': 'must be a JSON object or a form',
  'signUp.unknownField': 'is not a field of the sign-up form',
  'signUp.redirectNotAllowed': 'must be a page of an allowed website',
  'import.duplicateInFile': 'is also on row {row} of the file: only that row is imported',
  'import.consentBasisRequired':
    'says yes, but neither the import (consent.source and consent.consentedAt) nor the row (consentSource and consentedAt columns) states a basis for consent',
  'import.consentSourceRequired': 'is needed on a row that gives the date of its consent',
  'import.consentDateRequired': 'is needed on a row that gives the source of its consent',
  'import.consentDateInvalid': 'is not a date (dd/mm/yyyy or yyyy-mm-dd) up to today',
  'import.emailRequired': 'is needed to find the contact to update',
  'import.notFound': 'matches no contact to update',
  'import.clientNotFound': 'names no client (allow the import to create clients to add it)',
  'import.clientAmbiguous': 'names {count} clients: link this contact by hand',
  'import.offerNotFound': 'is the reference of no offer',
  'import.linkTargetRequired': 'needs a {target} on the same row',
  'import.fileEmpty': 'is empty',
  'import.fileUnreadable': 'is neither a CSV file nor an XLSX workbook that can be read',
  'import.fileTooLarge': 'is larger than {max} bytes',
  'import.tooManyRows': 'has more than {max} rows',
  'import.noHeaderRow': 'has no row of column headers among its first 10 rows',
  'import.noUsableColumn': 'has no column mapped to a contact field',
  'import.mappingUnknownHeader': 'names a column the file does not have',
  'import.notCancellable': 'is {status}: only a queued or running import can be cancelled',
  'import.notUndoable': 'is {status}: only a completed import that was not a dry run can be undone',
  'import.templateNameTaken': 'is already the name of another mapping template',
  'listView.nameTaken': 'is already the name of another of your views of this list',
  'listView.tooMany': 'you already keep {max} views of this list: delete one first',
  'listView.columnsNotList': 'must be a list of column names',
  'listView.columnRepeated': 'names a column twice',
  'listView.columnsWithoutName': 'must include the {first} column, which is always shown',
  'job.notRetryable': 'is {state}: only a dead or cancelled job can be retried',
  'job.notCancellable': 'is {state}: only a queued or running job can be cancelled',
  'duplicatePair.notOpen': 'is {status}: only an open pair can be dismissed',
  'lookup.emailOrPhoneRequired': 'is required: give an e-mail address or a phone number',
  'lookup.emailAndPhone': 'cannot be given with an e-mail address: look up one at a time',
  'bulk.empty': 'must name at least one contact',
  'bulk.tooMany': 'names more than {max} contacts: a bulk action takes at most {max}; narrow the search',
  'bulk.contactsOrSearch': 'give either contacts (a list of documentIds) or search, not both',
  'bulk.countMismatch': 'is {given}, but the selection holds {count} contacts: confirm the count shown',
  'merge.tooFew': 'must name at least one record to merge into the survivor',
  'merge.tooMany': 'names too many records: a merge joins at most {max}, the survivor included',
  'merge.self': 'is the survivor: a record cannot be merged with itself',
  'merge.repeated': 'names the same record twice',
  'merge.unknownField': 'is not a field a merge chooses',
  'merge.newsletterFollowsConsent': 'is not chosen: it follows the most recent consent event of the contacts',
  'merge.notInSet': 'must be the documentId of one of the records being merged',
  'merge.contactNotFound': 'names no contact',
  'merge.clientNotFound': 'names no client',
  'merge.alreadyMerged': 'was already merged into {survivor}, whose documentId is {documentId}',
  'merge.concurrent': 'was changed by another merge at the same moment; reload and try again',
  'merge.notFound': 'names no merge',
  'merge.alreadyUndone': 'was already undone',
  'merge.expired': 'is older than {max} days and can no longer be undone',
  'merge.survivorGone': 'cannot be undone: the record it kept ({documentId}) was deleted since',
  'merge.emailTaken': 'cannot be undone: a merged e-mail is now the address of {documentId}',
  'merge.erasedContact': 'names a contact whose personal data was erased: it cannot be merged',
  'merge.survivorErased': 'cannot be undone: the personal data of the person it kept was erased since',
  'retention.unknownPolicy': 'is not a retention policy (one of: {allowed})',
  'retention.contactNotFound': 'names no contact',
  'retention.alreadyHeld': 'is already on legal hold; lift that hold first',
  'retention.holdNotFound': 'names no legal hold in force',
  'erasure.contactNotFound': 'names no contact',
  'erasure.alreadyErased': 'was already erased: the personal data of this contact is gone',
  'erasure.confirmRequired': 'must be true: erasing a person’s personal data cannot be undone',
  'erasure.erasedContact': 'cannot be changed: the personal data of this contact was erased',
  'import.erasedPerson': 'belongs to a person whose personal data was erased: the row is not imported',
} as const;

export type FieldErrorCode = keyof typeof FIELD_ERROR_MESSAGES;

export const FIELD_ERROR_CODES = Object.keys(FIELD_ERROR_MESSAGES) as FieldErrorCode[];

/** A list value (e.g. the départements of a postal code) reads "A or B" in English. */
export type FieldErrorValue = string | number | readonly string[];

type PlaceholdersIn<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

/** The values the message of a code names, e.g. `{ max: number }` for 'text.tooLong'. */
export type FieldErrorValues<Code extends FieldErrorCode> = {
  [Name in PlaceholdersIn<(typeof FIELD_ERROR_MESSAGES)[Code]>]: FieldErrorValue;
};

/** What is wrong with a value, independently of the field it was found in. */
export type Problem = {
  [Code in FieldErrorCode]: { code: Code; values: FieldErrorValues<Code> };
}[FieldErrorCode];

type ValuesArgument<Code extends FieldErrorCode> = [keyof FieldErrorValues<Code>] extends [never]
  ? []
  : [values: FieldErrorValues<Code>];

export function problem<Code extends FieldErrorCode>(code: Code, ...values: ValuesArgument<Code>): Problem {
  return { code, values: values[0] ?? {} } as Problem;
}

export function isProblem(candidate: unknown): candidate is Problem {
  if (typeof candidate !== 'object' || candidate === null) {
    return false;
  }
  const { code, values } = candidate as { code?: unknown; values?: unknown };
  return (
    typeof code === 'string' &&
    Object.prototype.hasOwnProperty.call(FIELD_ERROR_MESSAGES, code) &&
    typeof values === 'object' &&
    values !== null
  );
}

/** The names in braces of a code's template: what its `values` must hold. */
export function placeholdersOf(code: FieldErrorCode): string[] {
  return Array.from(FIELD_ERROR_MESSAGES[code].matchAll(/\{(\w+)\}/g), (match) => match[1]);
}

function formatValue(value: FieldErrorValue | undefined): string {
  if (value === undefined) {
    return '';
  }
  return Array.isArray(value) ? value.join(' or ') : String(value);
}

/** The English message of a problem: what external apps have always read. */
export function renderMessage({ code, values }: Problem): string {
  const byName = values as Record<string, FieldErrorValue | undefined>;
  return FIELD_ERROR_MESSAGES[code].replace(/\{(\w+)\}/g, (_, name: string) => formatValue(byName[name]));
}

/** A problem found in the field at `path`, as the 400 envelope and the tests see it. */
export function fieldError(path: string[], found: Problem): FieldError {
  return { path, ...found, message: renderMessage(found) };
}
