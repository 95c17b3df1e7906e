import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { getService } from '../../../utils/get-service';

/**
 * Route middleware of the public newsletter routes: a per-IP budget shared by sign-ups,
 * confirmations and unsubscribes. The key is koa's `ctx.request.ip` (the socket address, or the
 * proxy header only when `server.proxy.koa` trusts a proxy), never anything from the body.
 */
const newsletterRateLimit =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const outcome = await getService(strapi, 'rate-limits').consume('perIp', ctx.request.ip || 'unknown');
    if (!outcome.allowed) {
      ctx.set('Retry-After', String(outcome.retryAfterSeconds));
      throw new errors.RateLimitError('Too many requests from this address; try again later.', {
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    }
    await next();
  };

export default newsletterRateLimit;
