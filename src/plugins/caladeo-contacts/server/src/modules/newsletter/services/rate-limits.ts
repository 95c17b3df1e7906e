import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { newsletterSettings, type RateLimitRule } from '../settings';

export type RateLimitKind = 'perIp' | 'perEmail';
export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The public routes' rate limits (rate-limiter-flexible): in this process's memory by default, in
 * Redis when `REDIS_URL` is set so that every Strapi node counts against one shared limit. If Redis
 * fails, each node falls back to its own memory limiter rather than letting everything through.
 */
const rateLimits = ({ strapi }: { strapi: Core.Strapi }) => {
  let limiters: Record<RateLimitKind, RateLimiterAbstract> | null = null;
  let redis: Redis | null = null;

  const memoryLimiter = (rule: RateLimitRule, keyPrefix: string) =>
    new RateLimiterMemory({ points: rule.points, duration: rule.durationSeconds, keyPrefix });

  const build = (): Record<RateLimitKind, RateLimiterAbstract> => {
    const { rateLimits: settings } = newsletterSettings(strapi);
    const limiterFor = (kind: RateLimitKind) => {
      const rule = settings[kind];
      const keyPrefix = `${settings.keyPrefix}:${kind}`;
      if (!redis) return memoryLimiter(rule, keyPrefix);
      return new RateLimiterRedis({
        storeClient: redis,
        points: rule.points,
        duration: rule.durationSeconds,
        keyPrefix,
        insuranceLimiter: memoryLimiter(rule, keyPrefix),
      });
    };
    return { perIp: limiterFor('perIp'), perEmail: limiterFor('perEmail') };
  };

  return {
    /** Connects to Redis when configured; called once at bootstrap. */
    async start() {
      const { redisUrl } = newsletterSettings(strapi).rateLimits;
      if (redisUrl) {
        // no offline queue: a request must not wait for a reconnect, it uses the insurance limiter
        redis = new Redis(redisUrl, {
          lazyConnect: true,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
        });
        redis.on('error', (error: Error) =>
          strapi.log.warn(`newsletter rate limits: Redis error: ${error.message}`)
        );
        await redis.connect().catch((error: Error) => {
          strapi.log.error(
            `newsletter rate limits: cannot reach Redis (${error.message}); limits are per node`
          );
        });
      }
      limiters = build();
    },

    async consume(kind: RateLimitKind, key: string): Promise<RateLimitOutcome> {
      limiters ??= build();
      try {
        await limiters[kind].consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },

    usesRedis: () => redis !== null,

    async stop() {
      if (redis) {
        redis.disconnect();
        redis = null;
      }
      limiters = null;
    },
  };
};

export type RateLimitsService = ReturnType<typeof rateLimits>;
export default rateLimits;
