import type { Core } from '@strapi/strapi';
import request from 'supertest';
import type { TestStrapi } from './strapi';

export const ADMIN_PASSWORD = 'Admin-passw0rd';
export const ADMIN_API = '/caladeo-contacts';

let sequence = 0;

type Role = { id: number };

/** An admin role holding exactly these actions (no conditions, no subject). */
export const createAdminRole = async (strapi: Core.Strapi, actions: readonly string[]) => {
  const role = (await strapi.service('admin::role').create({
    name: `role-${process.pid}-${++sequence}`,
    description: 'test role',
  })) as Role;
  await strapi.service('admin::role').assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
  );
  return role;
};

/** An active admin user with the given role; returns its e-mail. */
export const createAdminUser = async (strapi: Core.Strapi, roleId: number) => {
  const email = `admin-${process.pid}-${++sequence}@example.test`;
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: `Admin ${sequence}`,
    password: ADMIN_PASSWORD,
    isActive: true,
    roles: [roleId],
  });
  return email;
};

/** Logs in through the admin's own login route and returns the access token. */
export const adminLogin = async (app: TestStrapi, email: string) => {
  const response = await request(app.baseUrl).post('/admin/login').send({ email, password: ADMIN_PASSWORD });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${response.text}`);
  return response.body.data.token as string;
};

/** The access token of a fresh admin whose role holds exactly these actions. */
export const adminTokenWithActions = async (app: TestStrapi, actions: readonly string[]) => {
  const role = await createAdminRole(app.strapi, actions);
  return adminLogin(app, await createAdminUser(app.strapi, role.id));
};

/** The access token of a fresh super admin. */
export const superAdminToken = async (app: TestStrapi) => {
  const role = (await app.strapi.service('admin::role').getSuperAdmin()) as Role;
  return adminLogin(app, await createAdminUser(app.strapi, role.id));
};

/** Requests to the plugin's admin routes with an admin access token. */
export const adminClient = (app: TestStrapi, token?: string) => {
  const send = (method: 'get' | 'post' | 'put' | 'delete', path: string) => {
    const test = request(app.baseUrl)[method](`${ADMIN_API}${path}`);
    return token ? test.set('Authorization', `Bearer ${token}`) : test;
  };
  return {
    get: (path: string) => send('get', path),
    post: (path: string, body: unknown) => send('post', path).send(body as object),
    put: (path: string, body: unknown) => send('put', path).send(body as object),
    delete: (path: string) => send('delete', path),
  };
};

export type AdminClient = ReturnType<typeof adminClient>;

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

/** Requests to any admin API path (e.g. Strapi's own) with an admin's access token. */
export const adminApi = (app: TestStrapi, token: string) => ({
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
