/**
 * How a contact is addressed in writing, by gender and language. French usage first (the agencies
 * write mostly in French): "Madame", "Monsieur", and "Madame, Monsieur" when the gender is not
 * known or is neither; English follows British business usage.
 */
import {
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
  type Gender,
  type Language,
} from '../../../../shared/constants';

const isDocumentLanguage = (language: string): language is DocumentLanguage =>
  (DOCUMENT_LANGUAGES as readonly string[]).includes(language);

/**
 * The language a document for this contact is written in: their preferred language when documents
 * exist in it, English for other known preferences, the agency's language when there is none.
 */
export function documentLanguageFor(
  preferred: Language | string | null | undefined,
  fallback: DocumentLanguage
): DocumentLanguage {
  if (!preferred) return fallback;
  return isDocumentLanguage(preferred) ? preferred : 'en';
}

type Addressing = {
  /** Courtesy title alone: "Madame", "Ms", "Madame, Monsieur". */
  salutation: string;
  /** Title put before the name on an envelope or a list; empty when the gender does not give one. */
  nameTitle: string;
};

const ADDRESSING: Record<DocumentLanguage, Record<Gender, Addressing>> = {
  fr: {
    female: { salutation: 'Madame', nameTitle: 'Madame' },
    male: { salutation: 'Monsieur', nameTitle: 'Monsieur' },
    other: { salutation: 'Madame, Monsieur', nameTitle: '' },
    unspecified: { salutation: 'Madame, Monsieur', nameTitle: '' },
  },
  en: {
    female: { salutation: 'Ms', nameTitle: 'Ms' },
    male: { salutation: 'Mr', nameTitle: 'Mr' },
    other: { salutation: 'Sir or Madam', nameTitle: '' },
    unspecified: { salutation: 'Sir or Madam', nameTitle: '' },
  },
};

export function salutationFor(gender: Gender, language: DocumentLanguage): string {
  return ADDRESSING[language][gender].salutation;
}

/** "Madame Claire Dupont", "Mr John Smith", or the bare name when the gender gives no title. */
export function nameWithTitle(
  gender: Gender,
  language: DocumentLanguage,
  fullName: string | null
): string | null {
  if (fullName === null) return null;
  const title = ADDRESSING[language][gender].nameTitle;
  return title === '' ? fullName : `${title} ${fullName}`;
}

/** Shorter courtesy titles, as an envelope may print them when the line is full. */
const SHORT_NAME_TITLE: Readonly<Record<string, string>> = { Madame: 'Mme', Monsieur: 'M.' };

/** "J.-P." for "Jean-Pierre", "M. C." for "Marie Claire". */
export const initialsOf = (firstName: string): string =>
  firstName
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .split('-')
        .filter((part) => part !== '')
        .map((part) => `${(Array.from(part)[0] ?? '').toUpperCase()}.`)
        .join('-')
    )
    .join(' ');

/**
 * The ways an envelope may name a contact, fullest first: "Monsieur Jean-Pierre Poirier",
 * "M. Jean-Pierre Poirier", "M. J.-P. Poirier". The address block prints the first that fits its
 * line; the last name is never shortened.
 */
export function recipientForms(
  gender: Gender,
  language: DocumentLanguage,
  names: { firstName: string | null; lastName: string | null }
): string[] {
  const full = nameWithTitle(gender, language, fullNameOf(names.firstName, names.lastName));
  if (full === null) return [];
  const title = ADDRESSING[language][gender].nameTitle;
  const shortTitle = SHORT_NAME_TITLE[title] ?? title;
  const titled = (name: string) => (shortTitle === '' ? name : `${shortTitle} ${name}`);
  const forms = [full, titled(fullNameOf(names.firstName, names.lastName) ?? '')];
  if (names.firstName?.trim() && names.lastName?.trim()) {
    forms.push(titled(`${initialsOf(names.firstName)} ${names.lastName.trim()}`));
  }
  return [...new Set(forms)];
}

/**
 * The opening line of a letter. French openings never carry the name ("Chère Madame,"); English
 * ones do when it is known ("Dear Ms Dupont,"), and fall back to "Dear Sir or Madam,".
 */
export function letterOpeningFor(
  gender: Gender,
  language: DocumentLanguage,
  names: { lastName: string | null; fullName: string | null }
): string {
  if (language === 'fr') {
    if (gender === 'female') return 'Chère Madame,';
    if (gender === 'male') return 'Cher Monsieur,';
    return 'Madame, Monsieur,';
  }
  if (gender === 'female' || gender === 'male') {
    const title = ADDRESSING.en[gender].nameTitle;
    if (names.lastName !== null) return `Dear ${title} ${names.lastName},`;
    return gender === 'female' ? 'Dear Madam,' : 'Dear Sir,';
  }
  // Writing to someone by full name is the courteous form when no title fits.
  return names.fullName === null ? 'Dear Sir or Madam,' : `Dear ${names.fullName},`;
}

/**
 * The formal closing of a letter. The French formula repeats the salutation; English uses
 * "Yours sincerely" to a named person and "Yours faithfully" to "Sir or Madam".
 */
export function letterClosingFor(gender: Gender | null, language: DocumentLanguage, named: boolean): string {
  if (language === 'fr') {
    const salutation = gender === null ? 'Madame, Monsieur' : salutationFor(gender, 'fr');
    return `Nous vous prions d’agréer, ${salutation}, l’expression de nos salutations distinguées.`;
  }
  return named ? 'Yours sincerely,' : 'Yours faithfully,';
}

/** "Claire Dupont"; null when the contact has neither first nor last name. */
export function fullNameOf(firstName: string | null, lastName: string | null): string | null {
  const parts = [firstName, lastName].map((part) => part?.trim() ?? '').filter((part) => part !== '');
  return parts.length === 0 ? null : parts.join(' ');
}
