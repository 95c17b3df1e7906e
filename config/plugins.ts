import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', 'caladeo-dev-users-permissions-jwt-secret'),
    },
  },
  'caladeo-contacts': {
    enabled: true,
    resolve: './src/plugins/caladeo-contacts',
  },
});
