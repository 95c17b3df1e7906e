import type { Core } from '@strapi/strapi';
import { secret } from '../src/config/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: secret(env, 'ADMIN_JWT_SECRET', 'caladeo-dev-admin-jwt-secret'),
  },
  apiToken: {
    salt: secret(env, 'API_TOKEN_SALT', 'caladeo-dev-api-token-salt'),
  },
  transfer: {
    token: {
      salt: secret(env, 'TRANSFER_TOKEN_SALT', 'caladeo-dev-transfer-token-salt'),
    },
  },
  secrets: {
    encryptionKey: secret(env, 'ENCRYPTION_KEY', 'caladeo-dev-encryption-key'),
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});
