import { beforeAll, describe, expect, it } from '@jest/globals';
import { createApiToken } from '../helpers/auth';
import { CLIENTS, CONTACTS, OFFERS, restClient, type RestClient } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let api: RestClient;

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
  await api.post(CONTACTS, { lastName: 'Durand', email: 'durand@exemple.fr' });
});

const ODD_QUERIES = [
  'fields=',
  'fields[]=',
  'fields=,',
  'fields[0]=',
  'sort=',
  'sort[]=',
  'sort=,',
  'populate=',
  'populate[]=',
  'populate=,',
  'filters=',
  'filters[]=',
  'filters[lastName]=',
  'filters[lastName][$eq]',
  'pagination[page]=',
  'pagination[pageSize]=abc',
  'pagination=',
  'status=',
  'locale=',
  'q=',
];

const COLLECTIONS = [CONTACTS, CLIENTS, OFFERS];
const everywhere = (queries: string[]) =>
  queries.flatMap((query) => COLLECTIONS.map((path) => `${path}?${query}`));

describe('odd query parameters on the REST API', () => {
  it.each(everywhere(ODD_QUERIES))('never get a 500: %s', async (url) => {
    const response = await api.get(url);
    expect(response.status).toBeLessThan(500);
  });

  it.each([
    ...everywhere(['fields=']).map((url) => [url, 'fields', 'query.fieldsEmpty']),
    // Strapi's `_q` would match private columns (search text, a link's primaryOf)
    ...everywhere(['_q=lefevre']).map((url) => [url, '_q', 'query.notAParameter']),
    ...everywhere(['filters[]=', 'filters[0]=x']).map((url) => [
      url,
      'filters',
      'query.filtersNotConditions',
    ]),
  ])('%s is a 400 naming the parameter', async (url, param, code) => {
    const response = await api.get(url);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: [param], code, name: 'ValidationError' }),
    ]);
  });
});
