import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';

/**
 * A super admin made for the run, logged in through the admin's own login route as the panel
 * does, so that the Contacts tab's routes are measured with its real authentication.
 */
export async function adminSession(strapi: Core.Strapi, baseUrl: string) {
  const password = `Bench-${randomBytes(12).toString('hex')}`;
  const superAdmin = (await strapi.service('admin::role').getSuperAdmin()) as { id: number };
  const user = (await strapi.service('admin::user').create({
    email: `bench-${Date.now()}@example.invalid`,
    firstname: 'Benchmark',
    lastname: 'Run',
    password,
    isActive: true,
    roles: [superAdmin.id],
  })) as { id: number; email: string };
  const response = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password }),
  });
  if (!response.ok) throw new Error(`admin login: HTTP ${response.status}`);
  const { data } = (await response.json()) as { data: { token: string } };
  return {
    token: data.token,
    // straight to the table: the admin service refuses to delete the last super admin, which this
    // user is on a database seeded only with contacts
    remove: () => strapi.db.query('admin::user').delete({ where: { id: user.id } }),
  };
}
