import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ACTIONS, PLUGIN_ID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { ADMIN_ROUTES } from '../../src/plugins/caladeo-contacts/server/src/modules/records/routes/admin';
import { adminRoutes } from '../../src/plugins/caladeo-contacts/server/src/routes';
import { adminClient, adminTokenWithActions, superAdminToken } from '../helpers/admin';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
const ACTION_IDS = ACTIONS.map(({ uid }) => `plugin::${PLUGIN_ID}.${uid}`);

type RoutePolicy = string | { name: string; config: unknown };

/** The actions a route's `admin::hasPermissions` policy checks. */
const actionOf = (route: { config?: { policies?: RoutePolicy[] } }): string[] =>
  (route.config?.policies ?? []).flatMap((policy) => {
    if (typeof policy !== 'object' || policy.name !== 'admin::hasPermissions') return [];
    const { actions } = (policy.config ?? {}) as { actions?: unknown[] };
    return (actions ?? []).map(String);
  });

/** A request each route answers once it lets the caller in: a list, a creation, or a missing record. */
const MISSING = 'no-such-document';
/** A job id no job has. */
const MISSING_JOB = '999999999';
const requestFor = (method: string, path: string) => {
  const concretePath = path.replace(':documentId', MISSING).replace(':id', MISSING_JOB);
  const bodies: Record<string, unknown> = {
    '/contacts': { lastName: 'Tableau' },
    '/clients': { name: 'Client du tableau' },
    '/contacts/:documentId/client-links': { client: MISSING, role: 'payeur' },
    '/contacts/:documentId/offer-links': { offer: MISSING, role: 'payeur' },
    '/offers/:documentId/contact-links': { contact: MISSING, role: 'payeur' },
    '/client-links/:documentId': { role: 'payeur' },
    '/offer-links/:documentId': { role: 'payeur' },
    '/contacts/:documentId': { lastName: 'Tableau' },
    '/clients/:documentId': { name: 'Client du tableau' },
    '/contacts/bulk/links': {
      contacts: ['nosuchcontact'],
      target: 'offer',
      documentId: 'nosuchoffer',
      role: 'payeur',
    },
    '/contacts/bulk/delete': { contacts: ['nosuchcontact'], confirm: 1 },
  };
  // a bulk attach to an offer that does not exist is a 404; a bulk delete answers its counts
  const bulkExpected: Record<string, number> = { '/contacts/bulk/links': 404, '/contacts/bulk/delete': 200 };
  const expected = bulkExpected[path] ?? (/:documentId|:id/.test(path) ? 404 : method === 'POST' ? 201 : 200);
  return { concretePath, body: bodies[path] ?? {}, expected };
};

const call = (token: string | undefined, method: string, path: string) => {
  const client = adminClient(app, token);
  const { concretePath, body } = requestFor(method, path);
  switch (method) {
    case 'GET':
      return client.get(concretePath);
    case 'POST':
      return client.post(concretePath, body);
    case 'PUT':
      return client.put(concretePath, body);
    default:
      return client.delete(concretePath);
  }
};

describe('admin actions', () => {
  it('registers every action of constants.ts with the action provider', () => {
    const provider = app.strapi.service('admin::permission').actionProvider;
    for (const actionId of ACTION_IDS) {
      expect(provider.get(actionId)).toMatchObject({ actionId, pluginName: PLUGIN_ID, section: 'plugins' });
    }
  });

  it('gives every action to the super admin role', async () => {
    const superAdmin = (await app.strapi.service('admin::role').getSuperAdmin()) as { id: number };
    const held = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: superAdmin.id, action: { $in: ACTION_IDS } } });
    expect(new Set(held.map((permission: { action: string }) => permission.action))).toEqual(
      new Set(ACTION_IDS)
    );
  });
});

describe('admin routes', () => {
  it('mounts exactly the routes of the permission table', () => {
    const mounted =
      (app.strapi.plugin(PLUGIN_ID).routes as Record<string, { routes: typeof ADMIN_ROUTES }>).admin
        ?.routes ?? [];
    expect(mounted.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(
      adminRoutes.map(({ method, path }) => `${method} ${path}`).sort()
    );
  });

  it.each(adminRoutes.map((route) => [route.method, route.path, route] as const))(
    '%s %s requires an authenticated admin and exactly one registered action',
    (_method, _path, route) => {
      expect(route.config?.policies).toContain('admin::isAuthenticatedAdmin');
      const actions = actionOf(route);
      expect(actions).toHaveLength(1);
      expect(ACTION_IDS).toContain(actions[0]);
    }
  );

  it('uses every registered action on some route', () => {
    const used = new Set(adminRoutes.flatMap((route) => actionOf(route)));
    expect(used).toEqual(new Set(ACTION_IDS));
  });
});

describe('who gets in', () => {
  // one admin holding only each action, one holding every plugin action but that one
  const onlyThis = new Map<string, string>();
  const allButThis = new Map<string, string>();

  beforeAll(async () => {
    for (const actionId of ACTION_IDS) {
      onlyThis.set(actionId, await adminTokenWithActions(app, [actionId]));
      allButThis.set(
        actionId,
        await adminTokenWithActions(
          app,
          ACTION_IDS.filter((other) => other !== actionId)
        )
      );
    }
  }, 120_000);

  it.each(ADMIN_ROUTES.map((route) => [route.method, route.path, actionOf(route)[0] as string] as const))(
    '%s %s: 401 anonymous, 403 without %s, let in with it',
    async (method, path, actionId) => {
      const anonymous = await call(undefined, method, path);
      expect(anonymous.status).toBe(401);

      const refused = await call(allButThis.get(actionId), method, path);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ status: 403, name: 'PolicyError' });

      const allowed = await call(onlyThis.get(actionId), method, path);
      expect(allowed.status).toBe(requestFor(method, path).expected);
    }
  );

  it('lets a super admin read both lists', async () => {
    const token = await superAdminToken(app);
    const response = await adminClient(app, token).get('/contacts');
    expect(response.status).toBe(200);
    expect((await adminClient(app, token).get('/clients')).status).toBe(200);
  });

  it('refuses a writer without read the contact list', async () => {
    const token = await adminTokenWithActions(app, ['plugin::caladeo-contacts.contacts.create']);
    expect((await adminClient(app, token).get('/contacts')).status).toBe(403);
    const created = await adminClient(app, token).post('/contacts', { lastName: 'Écrit sans lire' });
    expect(created.status).toBe(201);
  });
});

describe('the generic content manager', () => {
  const PLUGIN_TYPES = [
    'plugin::caladeo-contacts.contact',
    'plugin::caladeo-contacts.client',
    'plugin::caladeo-contacts.client-contact',
    'plugin::caladeo-contacts.offer-contact',
  ];

  it('registers no content-manager write on the plugin types', () => {
    const provider = app.strapi.service('admin::permission').actionProvider;
    for (const action of ['create', 'update', 'delete', 'publish']) {
      const registered = provider.get(`plugin::content-manager.explorer.${action}`) as { subjects: string[] };
      expect(registered.subjects).toContain('api::offer.offer');
      for (const uid of PLUGIN_TYPES) expect(registered.subjects).not.toContain(uid);
    }
  });

  it('gives the default Editor and Author roles no access to the plugin types', async () => {
    const roles = (await app.strapi.db
      .query('admin::role')
      .findMany({ where: { code: { $in: ['strapi-editor', 'strapi-author'] } } })) as Array<{ id: number }>;
    expect(roles).toHaveLength(2);
    const held = await app.strapi.db.query('admin::permission').findMany({
      where: { role: { id: { $in: roles.map((role) => role.id) } }, subject: { $in: PLUGIN_TYPES } },
    });
    expect(held).toEqual([]);
  });

  it('refuses even a super admin a write through the content manager', async () => {
    const token = await superAdminToken(app);
    const before = await app.strapi.db.query('plugin::caladeo-contacts.contact').count();
    const created = await request(app.baseUrl)
      .post('/content-manager/collection-types/plugin::caladeo-contacts.contact')
      .set('Authorization', `Bearer ${token}`)
      .send({ lastName: 'Par la porte de derrière' });
    expect(created.status).toBe(403);
    expect(await app.strapi.db.query('plugin::caladeo-contacts.contact').count()).toBe(before);
  });
});
