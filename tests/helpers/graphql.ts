/**
 * Operations with a name mistyped where graphql-js answers with the names it knows ("Did you mean
 * …?"): a field, an argument, a type, and an input field and an enum value sent in the variables.
 */
export const MISTYPED_OPERATIONS: {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The name graphql-js suggests, which the caller never wrote. */
  suggested: string;
}[] = [
  { name: 'a field', query: '{ caladeoContactsContacts { lastNam } }', suggested: 'lastName' },
  {
    name: 'an argument',
    query: '{ caladeoContactsContacts(filter: {}) { documentId } }',
    suggested: 'filters',
  },
  {
    name: 'a type',
    query:
      'query ($id: ID!, $data: CaladeoContactsContactInpt) { caladeoContactsContact(documentId: $id) { documentId } }',
    variables: { id: 'abc' },
    suggested: 'CaladeoContactsContactInput',
  },
  {
    name: 'an input field in the variables',
    query:
      'mutation ($data: CaladeoContactsContactInput!) { createCaladeoContactsContact(data: $data) { documentId } }',
    variables: { data: { lastNam: 'Suggérée' } },
    suggested: 'lastName',
  },
  {
    name: 'an enum value in the variables',
    query:
      'mutation ($data: CaladeoContactsClientContactInput!) { createCaladeoContactsClientContact(data: $data) { documentId } }',
    variables: { data: { role: 'payeurr' } },
    suggested: 'payeur',
  },
];

export const SUGGESTION = /Did you mean/;
