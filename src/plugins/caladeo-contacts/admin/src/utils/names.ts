import type { ContactSummary } from '../../../shared/contracts/admin';

/** How a linked contact is named in a table: first and last name, else the e-mail. */
export const contactDisplayName = (contact: ContactSummary | null) =>
  contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') || (contact.email ?? '—') : '—';
