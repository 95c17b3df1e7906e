import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ADMIN_PASSWORD, adminApi } from '../helpers/admin';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();

type AdminUser = { id: number; email: string; preferedLanguage: string | null };

const storedLanguageOf = async (email: string) =>
  ((await app.strapi.db.query('admin::user').findOne({ where: { email } })) as AdminUser | null)
    ?.preferedLanguage;

const newColleague = (sequence: number, extra: Record<string, unknown> = {}) => ({
  email: `collegue-${sequence}@agence.test`,
  firstname: 'Collègue',
  lastname: `Numéro ${sequence}`,
  ...extra,
});

describe('the admin panel speaks French to new users', () => {
  let token: string;
  let editorRole: number;

  it('gives the first administrator French, since the registration form asks no language', async () => {
    expect((await request(app.baseUrl).get('/admin/init')).body.data.hasAdmin).toBe(false);
    const registered = await request(app.baseUrl).post('/admin/register-admin').send({
      email: 'direction@agence.test',
      firstname: 'Camille',
      lastname: 'Direction',
      password: ADMIN_PASSWORD,
    });
    expect(registered.status).toBe(200);
    token = registered.body.data.token as string;
    // the panel switches to the language of the user it receives after login
    expect(registered.body.data.user.preferedLanguage).toBe('fr');
    expect(await storedLanguageOf('direction@agence.test')).toBe('fr');

    const roles = await adminApi(app, token).get('/admin/roles');
    editorRole = (roles.body.data as { id: number; code: string }[]).find(
      (role) => role.code === 'strapi-editor'
    )!.id;
  });

  it('gives French to a colleague invited without a language, and keeps the language chosen for one', async () => {
    const admin = adminApi(app, token);
    const french = await admin.post('/admin/users', newColleague(1, { roles: [editorRole] }));
    expect(french.status).toBe(201);
    expect(french.body.data.preferedLanguage).toBe('fr');
    expect(await storedLanguageOf('collegue-1@agence.test')).toBe('fr');

    const english = await admin.post(
      '/admin/users',
      newColleague(2, { roles: [editorRole], preferedLanguage: 'en' })
    );
    expect(english.status).toBe(201);
    expect(await storedLanguageOf('collegue-2@agence.test')).toBe('en');
  });

  it('keeps English for a user who picks it in the profile', async () => {
    const admin = adminApi(app, token);
    expect((await admin.put('/admin/users/me', { preferedLanguage: 'en' })).status).toBe(200);
    expect((await admin.get('/admin/users/me')).body.data.preferedLanguage).toBe('en');
    expect(await storedLanguageOf('direction@agence.test')).toBe('en');
  });
});

describe('the favicon', () => {
  it.each([
    ['/favicon.ico', 'image/x-icon', [0x00, 0x00, 0x01, 0x00]],
    ['/favicon.png', 'image/png', [0x89, 0x50, 0x4e, 0x47]],
  ])('serves %s as %s, the Caladeo icon', async (path, type, signature) => {
    const response = await request(app.baseUrl).get(path).buffer(true).responseType('blob');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect([...(response.body as Buffer).subarray(0, 4)]).toEqual(signature);
  });
});
