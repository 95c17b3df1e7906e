import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { callerKeyOf, createReadSlots } from '../../../utils/caller-reads';
import { statusError } from '../../../utils/errors';
import { answerGraphqlError } from '../../../utils/graphql';
import { problem } from '../../../validation';
import { apiSettings } from '../settings';
import { contentApiReadOf } from './read-timeout';

/** How long a caller refused for having too many reads in flight is asked to wait, in seconds. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Global middleware (config/middlewares.ts), before `read-timeout`: at most `API_READS_PER_CALLER`
 * content-API reads (REST GET, GraphQL query) of one caller run at once on a node; the next
 * `API_QUEUED_READS_PER_CALLER` wait for a slot, each at most `API_REQUEST_TIMEOUT_MS` (15 s when
 * that is 0), and the others get a 429 `query.busy` with `Retry-After`. A caller is its bearer
 * credential, or its address when it sends none (utils/caller-reads.ts). A waiting read holds no
 * database connection. Admin routes and writes are not counted.
 */
const readSlots = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const restPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const slots = createReadSlots(() => {
    const { readsPerCaller, queuedReadsPerCaller, requestTimeoutMs } = apiSettings(strapi);
    return {
      running: readsPerCaller,
      waiting: queuedReadsPerCaller,
      waitMs: requestTimeoutMs > 0 ? requestTimeoutMs : 15_000,
    };
  });

  return async (ctx: Context, next: Next) => {
    const read = contentApiReadOf(ctx, restPrefix);
    if (!read || apiSettings(strapi).readsPerCaller <= 0) return next();
    const slot = await slots.acquire(callerKeyOf(ctx));
    if (!slot.granted) {
      const { readsPerCaller } = apiSettings(strapi);
      ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
      const refusal = statusError(429, ['query'], problem('query.busy', { max: readsPerCaller }));
      if (read === 'rest') throw refusal;
      answerGraphqlError(ctx, 429, refusal);
      return;
    }
    try {
      await next();
    } finally {
      slot.release();
    }
  };
};

export default readSlots;
