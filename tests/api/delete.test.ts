import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';

import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import {
  CLIENT_CONTACTS,
  CLIENTS,
  CONTACTS,
  OFFER_CONTACTS,
  OFFERS,
  restClient,
  type ErrorEnvelope,
  type RestClient,
} from '../helpers/http';
import { createClient, createContact, createOffer, linkToClient, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let fullAccessKey: string;
let api: RestClient;

/** A well-formed documentId that names no record. */
const UNKNOWN = 'abcdefghijklmnopqrstuvwx';

type Kind = {
  path: string;
  uid: (typeof UID)[keyof typeof UID];
  mutation: string;
  make: () => Promise<string>;
};

const KINDS: Record<string, Kind> = {
  'a contact': {
    path: CONTACTS,
    uid: UID.contact,
    mutation: 'deleteCaladeoContactsContact',
    make: () => createContact(app.strapi, { lastName: 'Éphémère' }),
  },
  'a client': {
    path: CLIENTS,
    uid: UID.client,
    mutation: 'deleteCaladeoContactsClient',
    make: () => createClient(app.strapi),
  },
  'a client link': {
    path: CLIENT_CONTACTS,
    uid: UID.clientContact,
    mutation: 'deleteCaladeoContactsClientContact',
    make: async () => {
      const contact = await createContact(app.strapi, { lastName: 'Lien client' });
      const link = await linkToClient(app.strapi, contact, await createClient(app.strapi), 'payeur');
      return link.documentId;
    },
  },
  'an offer link': {
    path: OFFER_CONTACTS,
    uid: UID.offerContact,
    mutation: 'deleteCaladeoContactsOfferContact',
    make: async () => {
      const contact = await createContact(app.strapi, { lastName: 'Lien offre' });
      const link = await linkToOffer(app.strapi, contact, await createOffer(app.strapi), 'voyageur');
      return link.documentId;
    },
  },
  'an offer': {
    path: OFFERS,
    uid: UID.offer,
    mutation: 'deleteOffer',
    make: () => createOffer(app.strapi),
  },
};
const KIND_NAMES = Object.keys(KINDS);

const graphqlDelete = (kind: Kind, documentId: string) =>
  request(app.baseUrl)
    .post('/graphql')
    .set('Authorization', `Bearer ${fullAccessKey}`)
    .send({
      query: `mutation Delete($documentId: ID!) { ${kind.mutation}(documentId: $documentId) { documentId } }`,
      variables: { documentId },
    });

/** How many rows each type holds, to prove that a refused delete removed nothing. */
const rowCounts = async () =>
  Object.fromEntries(
    await Promise.all(
      Object.values(KINDS).map(async ({ uid }) => [uid, await app.strapi.db.query(uid).count()] as const)
    )
  );

beforeAll(async () => {
  fullAccessKey = await createApiToken(app.strapi, 'full-access');
  api = restClient(app, fullAccessKey);
  // something to keep: a refused delete must leave every row in place
  for (const kind of Object.values(KINDS)) await kind.make();
});

describe('deleting a record that does not exist is a 404 over REST', () => {
  it.each(KIND_NAMES)(
    'answers 404 in Strapi’s envelope when %s does not exist, and deletes nothing',
    async (name) => {
      const kind = KINDS[name];
      const before = await rowCounts();
      const response = await api.delete(`${kind.path}/${UNKNOWN}`);
      expect(response.status).toBe(404);
      expect(response.body as ErrorEnvelope).toMatchObject({
        data: null,
        error: { status: 404, name: 'NotFoundError', message: expect.stringContaining(UNKNOWN) },
      });
      expect(await rowCounts()).toEqual(before);
    }
  );

  it.each(KIND_NAMES)('deletes %s once, then answers 404', async (name) => {
    const kind = KINDS[name];
    const documentId = await kind.make();
    expect((await api.delete(`${kind.path}/${documentId}`)).status).toBe(204);
    expect((await api.delete(`${kind.path}/${documentId}`)).status).toBe(404);
  });

  it('answers 404, not 500, to a path that cannot be a documentId', async () => {
    const response = await api.delete(`${CONTACTS}/${encodeURIComponent('pas un identifiant !')}`);
    expect(response.status).toBe(404);
    expect(response.body.error.name).toBe('NotFoundError');
  });

  it('tells a caller who may not delete 403 before telling whether the record exists', async () => {
    const readOnly = restClient(app, await createApiToken(app.strapi, 'read-only'));
    expect((await readOnly.delete(`${CONTACTS}/${UNKNOWN}`)).status).toBe(403);
  });
});

describe('deleting a record that does not exist is an error over GraphQL', () => {
  it.each(KIND_NAMES)(
    'answers STRAPI_NOT_FOUND_ERROR when %s does not exist, and deletes nothing',
    async (name) => {
      const kind = KINDS[name];
      const before = await rowCounts();
      const response = await graphqlDelete(kind, UNKNOWN);
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors[0].extensions.code).toBe('STRAPI_NOT_FOUND_ERROR');
      expect(response.body.data?.[kind.mutation] ?? null).toBeNull();
      expect(await rowCounts()).toEqual(before);
    }
  );

  it.each(KIND_NAMES)('still deletes %s that exists', async (name) => {
    const kind = KINDS[name];
    const documentId = await kind.make();
    const response = await graphqlDelete(kind, documentId);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data[kind.mutation]).toEqual({ documentId });
    expect(await app.strapi.db.query(kind.uid).count({ where: { documentId } })).toBe(0);
  });
});
