import request from 'supertest';
import type { TestStrapi } from './strapi';

let sequence = 0;

export type AdminPermission = { action: string; subject?: string | null };

/**
 * Creates an admin user whose only role holds exactly the given permissions, logs in through the
 * real admin login route, and returns the access token the admin panel would send.
 */
export const createAdminWithPermissions = async (app: TestStrapi, permissions: AdminPermission[]) => {
  const name = `editor-${process.pid}-${++sequence}`;
  const role = (await app.strapi.service('admin::role').create({ name, description: 'test role' })) as {
    id: number;
  };
  await app.strapi.service('admin::role').assignPermissions(
    role.id,
    permissions.map((permission) => ({ subject: null, properties: {}, conditions: [], ...permission }))
  );
  const email = `${name}@example.test`;
  const password = 'Secret-passw0rd';
  const user = (await app.strapi.service('admin::user').create({
    email,
    firstname: 'Agnès',
    lastname: 'Staff',
    password,
    isActive: true,
    roles: [role.id],
  })) as { id: number };
  const login = await request(app.baseUrl).post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${login.text}`);
  return { id: user.id, email, token: login.body.data.token as string };
};

/** Requests to the admin API with an admin's access token. */
export const adminClient = (app: TestStrapi, token: string) => ({
  get: (path: string) => request(app.baseUrl).get(path).set('Authorization', `Bearer ${token}`),
  put: (path: string, body: unknown) =>
    request(app.baseUrl)
      .put(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
  post: (path: string, body: unknown) =>
    request(app.baseUrl)
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
  delete: (path: string) => request(app.baseUrl).delete(path).set('Authorization', `Bearer ${token}`),
});
