import { beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION } from '../../src/plugins/caladeo-contacts/shared/constants';
import { adminClient, adminTokenWithActions } from '../helpers/admin';
import { errorCodes } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

// the agency set up in Belgium, written as a person would in the deployment's environment
const app = useStrapi({ env: { CALADEO_AGENCY_COUNTRY: 'Belgique' } });

let reader: string;
let everythingButRead: string;

beforeAll(async () => {
  reader = await adminTokenWithActions(app, [ACTION['contacts.read']]);
  everythingButRead = await adminTokenWithActions(
    app,
    Object.values(ACTION).filter((action) => action !== ACTION['contacts.read'])
  );
}, 60_000);

describe('GET /admin-settings', () => {
  it("gives a role that sees the tab the agency's country, as its ISO code", async () => {
    const response = await adminClient(app, reader).get('/admin-settings');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { agencyCountry: 'BE' } });
  });

  it('refuses an anonymous caller (401) and a role without the read action of the tab (403)', async () => {
    expect((await adminClient(app).get('/admin-settings')).status).toBe(401);
    const refused = await adminClient(app, everythingButRead).get('/admin-settings');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
  });

  it('refuses a parameter it does not take, naming it', async () => {
    const response = await adminClient(app, reader).get('/admin-settings?country=FR');
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['country: query.notAParameter']);
  });
});
