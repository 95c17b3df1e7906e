import type { Core } from '@strapi/strapi';
import { secretList } from '../src/config/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // behind a reverse proxy, trust only the address it appends to X-Forwarded-For (rate limits key on it)
  proxy: { koa: env.bool('PROXY_TRUSTED', false), maxIpsCount: env.int('PROXY_MAX_IPS', 1) },
  app: {
    keys: secretList(env, 'APP_KEYS', ['caladeoDevKeyA', 'caladeoDevKeyB']),
  },
});
