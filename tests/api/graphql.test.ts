import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';

import { DOCUMENT_CONTENT_API_ACTIONS } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { MISTYPED_OPERATIONS, SUGGESTION } from '../helpers/graphql';
import { restClient } from '../helpers/http';
import { createOfferWithTravellers } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let readOnlyToken: string;
let fixture: Awaited<ReturnType<typeof createOfferWithTravellers>>;

beforeAll(async () => {
  readOnlyToken = await createApiToken(app.strapi, 'read-only');
  fixture = await createOfferWithTravellers(app.strapi, 2);
});

const graphql = (query: string, variables: Record<string, unknown> = {}, credential?: string) => {
  const call = request(app.baseUrl).post('/graphql').send({ query, variables });
  return credential ? call.set('Authorization', `Bearer ${credential}`) : call;
};

const CONTACT_FIELDS = `documentId firstName lastName fullName gender preferredLanguage salutation letterOpening
  email phone addressBlock roles isPrimary`;
const CONTEXT_QUERY = `query Context($documentId: ID!) {
  offerDocumentContext(documentId: $documentId) {
    version language issuedOn
    offer { documentId reference title status destination startDate endDate travellerCount nights }
    pricing { currency perPerson travellerCount total }
    client { documentId name type email phone addressBlock }
    addressee { ${CONTACT_FIELDS} source }
    payer { ${CONTACT_FIELDS} }
    travellers { ${CONTACT_FIELDS} }
    otherContacts { ${CONTACT_FIELDS} }
    agency { name addressLine1 addressLine2 postalCode city country phone email website siret registration
      signatory defaultLanguage timeZone addressBlock }
    letter { recipientLines placeAndDate subject opening closing }
  }
}`;

describe('offer document context over GraphQL', () => {
  it('gives a read-only token exactly what REST gives', async () => {
    const response = await graphql(CONTEXT_QUERY, { documentId: fixture.offer }, readOnlyToken);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const rest = await restClient(app, readOnlyToken).get(
      `/api/caladeo-contacts/documents/offers/${fixture.offer}`
    );
    expect(response.body.data.offerDocumentContext).toEqual(rest.body.data);
    expect(response.body.data.offerDocumentContext.addressee.letterOpening).toBe('Chère Madame,');
  });

  it('answers not found and bad input as GraphQL errors, not crashes', async () => {
    const unknown = await graphql(CONTEXT_QUERY, { documentId: 'abcdefghijklmnopqrstuvwx' }, readOnlyToken);
    expect(unknown.body.errors[0].extensions.code).toBe('STRAPI_NOT_FOUND_ERROR');
    const malformed = await graphql(CONTEXT_QUERY, { documentId: 'not an id!' }, readOnlyToken);
    expect(malformed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('needs the same permission as the REST route', async () => {
    const anonymous = await graphql(CONTEXT_QUERY, { documentId: fixture.offer });
    expect(anonymous.body.data).toBeNull();
    expect(anonymous.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const contactReader = await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.find']);
    const refused = await graphql(CONTEXT_QUERY, { documentId: fixture.offer }, contactReader);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const contextReader = await createUserWithActions(app.strapi, [
      DOCUMENT_CONTENT_API_ACTIONS.offerContext,
    ]);
    const allowed = await graphql(CONTEXT_QUERY, { documentId: fixture.offer }, contextReader);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.offerDocumentContext.offer.documentId).toBe(fixture.offer);
  });
});

describe('contacts, clients and offers over GraphQL', () => {
  it('lists an offer with its links, roles and the contacts’ derived fields', async () => {
    const response = await graphql(
      `
        query Offer($documentId: ID!) {
          offer(documentId: $documentId) {
            reference
            client {
              name
            }
            contactLinks {
              role
              isPrimary
              contact {
                fullName
                salutation
                letterOpening
                addressBlock
              }
            }
          }
        }
      `,
      { documentId: fixture.offer },
      readOnlyToken
    );
    expect(response.body.errors).toBeUndefined();
    const links = response.body.data.offer.contactLinks as { role: string; contact: { fullName: string } }[];
    expect(links).toContainEqual({
      role: 'responsable_voyage',
      isPrimary: true,
      contact: {
        fullName: 'Claire Dupont',
        salutation: 'Madame',
        letterOpening: 'Chère Madame,',
        addressBlock: ['Madame Claire Dupont', '12 RUE SAINTE CATHERINE', '33000 BORDEAUX'],
      },
    });
    expect(response.body.data.offer.client.name).toBe('Association Les Amis du Patrimoine');
  });

  it('computes the derived fields even when only they are asked for', async () => {
    const response = await graphql(
      `
        query Contact($documentId: ID!) {
          caladeoContactsContact(documentId: $documentId) {
            fullName
            salutation
          }
        }
      `,
      { documentId: fixture.payer },
      readOnlyToken
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.caladeoContactsContact).toEqual({
      fullName: 'Jean Martin',
      salutation: 'Monsieur',
    });
  });

  it('never exposes private fields', async () => {
    const response = await graphql(
      `
        {
          caladeoContactsContacts {
            searchText
          }
        }
      `,
      {},
      readOnlyToken
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/Cannot query field "searchText"/);
  });

  // production leaves them out (graphql-production.test.ts): these are the operations it checks
  it.each(MISTYPED_OPERATIONS.map((operation) => [operation.name, operation] as const))(
    'suggests the names it knows for %s, outside production',
    async (_name, { query, variables, suggested }) => {
      const response = await graphql(query, variables, readOnlyToken);
      expect(response.status).toBe(400);
      const messages = (response.body.errors as { message: string }[]).map((error) => error.message);
      expect(messages.some((message) => SUGGESTION.test(message) && message.includes(`"${suggested}"`))).toBe(
        true
      );
    }
  );

  it('refuses anonymous callers on every generated query', async () => {
    for (const query of [
      '{ caladeoContactsContacts { documentId } }',
      '{ caladeoContactsClients { documentId } }',
      '{ offers { documentId } }',
      '{ caladeoContactsOfferContacts { role } }',
    ]) {
      const response = await graphql(query);
      expect(response.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('refuses queries nested deeper than the configured limit', async () => {
    const deep = `{ offers { contactLinks { contact { offerLinks { offer { contactLinks { contact {
      clientLinks { client { contactLinks { contact { documentId } } } } } } } } } } } }`;
    const response = await graphql(deep, {}, readOnlyToken);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/exceeds maximum operation depth of 10/);
  });
});

describe('a NUL character in GraphQL input', () => {
  // PostgreSQL can neither store nor compare U+0000: REST refuses it in queries and bodies alike
  const literal = `{ caladeoContactsContacts(filters: { lastName: { eq: "Du\\u0000pont" } }) { documentId } }`;
  const variables = `query Find($name: String) {
    caladeoContactsContacts(filters: { lastName: { eq: $name } }) { documentId }
  }`;

  it('is refused in a string literal and in a variable, as bad input, not a server error', async () => {
    for (const [query, given] of [
      [literal, {}],
      [variables, { name: 'Du\u0000pont' }],
    ] as const) {
      const response = await graphql(query, given, readOnlyToken);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors[0].message).toMatch(/text\.controlCharacters/);
      expect(response.status).toBe(400);
    }
  });
});
