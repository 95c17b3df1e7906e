import request from 'supertest';
import type { TestStrapi } from './strapi';

export const CONTACTS = '/api/caladeo-contacts/contacts';
export const CLIENTS = '/api/caladeo-contacts/clients';
export const CLIENT_CONTACTS = '/api/caladeo-contacts/client-contacts';
export const OFFER_CONTACTS = '/api/caladeo-contacts/offer-contacts';
export const OFFERS = '/api/offers';

export type FieldErrorBody = {
  path: string[];
  message: string;
  name: string;
  code: string;
  values: Record<string, unknown>;
};
export type ErrorEnvelope = {
  data: null;
  error: { status: number; name: string; message: string; details?: { errors?: FieldErrorBody[] } };
};

/** A client of the REST API that sends the given Bearer credential (API token or JWT). */
export const restClient = (app: TestStrapi, credential?: string) => {
  const withAuth = (test: request.Test) =>
    credential ? test.set('Authorization', `Bearer ${credential}`) : test;
  const server = () => request(app.baseUrl);
  return {
    get: (path: string) => withAuth(server().get(path)),
    post: (path: string, data: unknown) => withAuth(server().post(path)).send({ data }),
    put: (path: string, data: unknown) => withAuth(server().put(path)).send({ data }),
    delete: (path: string) => withAuth(server().delete(path)),
    /** Sends a body exactly as given, for malformed payloads. */
    raw: (method: 'post' | 'put', path: string) => withAuth(server()[method](path)),
  };
};

export type RestClient = ReturnType<typeof restClient>;

/** The paths named by a 400's field errors, e.g. [['email'], ['phone']]. */
export const errorPaths = (body: ErrorEnvelope) =>
  (body.error.details?.errors ?? []).map((entry) => entry.path);

/** Each field of a 400 with the code of its error, e.g. ['email: email.invalid']. */
export const errorCodes = (body: ErrorEnvelope) =>
  (body.error.details?.errors ?? []).map((entry) => `${entry.path.join('.')}: ${entry.code}`);
