/**
 * The tables the duplicate lookups read with the query builder: the warning's and the scan's
 * lookups read many contacts at once, and the document service's populate would cost them a
 * statement per relation.
 */
export const CONTACTS = 'caladeo_contacts';
export const CLIENTS = 'caladeo_clients';
// the link between a contact and a client is a record of its own, reached through two join tables
export const CONTACT_LINKS = 'caladeo_client_contacts_contact_lnk';
export const CLIENT_LINKS = 'caladeo_client_contacts_client_lnk';

/** What a likely duplicate shows of a stored contact, by column: enough to recognise the person and open it. */
export const SHOWN_COLUMNS = {
  documentId: 'document_id',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  postalCode: 'postal_code',
  city: 'city',
} as const;
