/** How a person is named in a table or a message: first and last name, else the e-mail. */
export const personName = (person: {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}) => [person.firstName, person.lastName].filter(Boolean).join(' ') || (person.email ?? '—');

/** A linked contact's name, or a dash when the link has none. */
export const contactDisplayName = (contact: Parameters<typeof personName>[0] | null) =>
  contact ? personName(contact) : '—';
