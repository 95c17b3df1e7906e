/**
 * Why two contacts may be one person, and how sure that is. Pure: the service fetches the
 * candidates by their indexed keys, this decides which reasons hold and scores them.
 */
import { type ClientDuplicateReason, type DuplicateReason } from '../../../../shared/constants';
import {
  areSimilarNames,
  cityKey,
  clientNameKey,
  emailLocalPartKey,
  namePartsOf,
  siretKey,
} from '../../validation';

export type { ClientDuplicateReason, DuplicateReason };

/**
 * How much each reason alone says. Several reasons combine as independent evidence
 * (1 − Π(1 − weight)), so two weak reasons outrank one of them but never reach certainty.
 */
const REASON_WEIGHTS: Record<DuplicateReason, number> = {
  email: 0.99,
  phone: 0.9,
  nameAndPostalCode: 0.85,
  nameAndClient: 0.8,
  nameAndCity: 0.7,
  similarNameAndPostalCode: 0.5,
  emailLocalPart: 0.45,
};

/** The fields of a contact the checks compare, as stored (phone in E.164, e-mail lower case). */
export type ComparedContact = {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** documentIds of the clients the contact is linked to. */
  clients?: readonly string[];
};

/** The keys of a contact that candidates are looked up by. */
export const comparisonKeys = (contact: ComparedContact) => {
  const nameParts = namePartsOf(contact.firstName, contact.lastName);
  return {
    nameParts,
    nameKey: nameParts?.key ?? null,
    emailLocalPart: emailLocalPartKey(contact.email),
    email: typeof contact.email === 'string' && contact.email !== '' ? contact.email : null,
    phone: typeof contact.phone === 'string' && contact.phone !== '' ? contact.phone : null,
    postalCode:
      typeof contact.postalCode === 'string' && contact.postalCode !== ''
        ? contact.postalCode.replace(/\s+/g, '').toUpperCase()
        : null,
    city: cityKey(contact.city),
  };
};

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/** Every reason that holds between the contact being typed (or checked) and a stored one. */
export function reasonsBetween(left: ComparedContact, right: ComparedContact): DuplicateReason[] {
  const a = comparisonKeys(left);
  const b = comparisonKeys(right);
  const reasons: DuplicateReason[] = [];
  if (a.email && a.email === b.email) reasons.push('email');
  if (a.phone && a.phone === b.phone) reasons.push('phone');
  const sameName = a.nameKey !== null && a.nameKey === b.nameKey;
  const samePostalCode = a.postalCode !== null && a.postalCode === b.postalCode;
  if (sameName && samePostalCode) reasons.push('nameAndPostalCode');
  if (sameName) {
    const theirs = new Set(right.clients ?? []);
    if ((left.clients ?? []).some((client) => theirs.has(client))) reasons.push('nameAndClient');
  }
  if (sameName && a.city !== null && a.city === b.city) reasons.push('nameAndCity');
  if (samePostalCode && a.nameParts && b.nameParts && areSimilarNames(a.nameParts, b.nameParts)) {
    reasons.push('similarNameAndPostalCode');
  }
  if (
    a.emailLocalPart !== null &&
    a.emailLocalPart === b.emailLocalPart &&
    a.email &&
    b.email &&
    domainOf(a.email) !== domainOf(b.email)
  ) {
    reasons.push('emailLocalPart');
  }
  return reasons;
}

/**
 * 0 to 1, rounded down to two decimals so that equal evidence ties and strong evidence short of
 * certainty never shows as 1.
 */
const scoreOf = <Reason extends string>(weights: Record<Reason, number>, reasons: readonly Reason[]) => {
  const doubt = reasons.reduce((product, reason) => product * (1 - weights[reason]), 1);
  return Math.floor((1 - doubt) * 100 + 1e-9) / 100;
};

export function duplicateScore(reasons: readonly DuplicateReason[]): number {
  return scoreOf(REASON_WEIGHTS, reasons);
}

/**
 * What each reason says of two clients: one SIRET is one establishment (a typo aside); the same
 * name in the same town is most often the same body typed twice.
 */
const CLIENT_REASON_WEIGHTS: Record<ClientDuplicateReason, number> = {
  siret: 0.95,
  nameAndCity: 0.8,
};

/** The fields of a client the checks compare. */
export type ComparedClient = {
  name?: string | null;
  siret?: string | null;
  city?: string | null;
};

/** The keys of a client that candidates are looked up by. */
export const clientComparisonKeys = (client: ComparedClient) => ({
  nameKey: clientNameKey(client.name),
  siret: siretKey(client.siret),
  city: cityKey(client.city),
});

/** Every reason that holds between a client being typed (or checked) and a stored one. */
export function clientReasonsBetween(left: ComparedClient, right: ComparedClient): ClientDuplicateReason[] {
  const a = clientComparisonKeys(left);
  const b = clientComparisonKeys(right);
  const reasons: ClientDuplicateReason[] = [];
  if (a.siret !== null && a.siret === b.siret) reasons.push('siret');
  if (a.nameKey !== null && a.nameKey === b.nameKey && a.city !== null && a.city === b.city)
    reasons.push('nameAndCity');
  return reasons;
}

export function clientDuplicateScore(reasons: readonly ClientDuplicateReason[]): number {
  return scoreOf(CLIENT_REASON_WEIGHTS, reasons);
}
