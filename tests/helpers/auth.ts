import type { Core } from '@strapi/strapi';

type TokenType = 'read-only' | 'full-access' | 'custom';

let sequence = 0;
const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

/** Creates an API token as an admin would and returns the key a client sends as a Bearer token. */
export const createApiToken = async (strapi: Core.Strapi, type: TokenType, permissions?: string[]) => {
  const token = (await strapi.service('admin::api-token').create({
    name: uniqueName(`token-${type}`),
    type,
    lifespan: null,
    ...(type === 'custom' ? { permissions } : {}),
  })) as { accessKey: string };
  return token.accessKey;
};

/**
 * Creates a users-permissions user whose role holds exactly the given actions
 * (e.g. `plugin::caladeo-contacts.contact.find`) and returns its JWT.
 */
export const createUserWithActions = async (strapi: Core.Strapi, actions: string[]) => {
  const name = uniqueName('role');
  const role = (await strapi.db.query('plugin::users-permissions.role').create({
    data: { name, description: 'test role', type: name },
  })) as { id: number };
  for (const action of actions) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  const user = (await strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: name,
      email: `${name}@example.test`,
      password: 'Secret-passw0rd',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    })) as { id: number };
  return strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }) as string;
};
