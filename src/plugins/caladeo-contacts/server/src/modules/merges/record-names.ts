/**
 * How a refusal names a contact or a client to the people reading it: as they know them, not by
 * the documentId only the API deals in.
 */

const filled = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** `Élodie Perrin (elodie.perrin@exemple.fr)`; the name or the e-mail alone when only one is known. */
export const contactNameOf = (contact: Readonly<Record<string, unknown>>) => {
  const name = [filled(contact.firstName), filled(contact.lastName)].filter(Boolean).join(' ');
  const email = filled(contact.email);
  if (!email) return name;
  return name ? `${name} (${email})` : email;
};

/** A client by its name. */
export const clientNameOf = (client: Readonly<Record<string, unknown>>) => filled(client.name);
