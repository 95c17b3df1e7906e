import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Redis from 'ioredis';
import request from 'supertest';
import { REDIS_MISSING_VARIABLE, REDIS_URL_VARIABLE } from '../helpers/redis';
import { startSecondNode, type SecondNode } from '../helpers/other-node';
import { useStrapi } from '../helpers/strapi';

/**
 * Two Strapi nodes sharing one Redis must share one limit. This file's Strapi is node A; node B is
 * a separate Node.js process (Strapi is a process-wide singleton) booted from the same compiled
 * app on the same database and the same settings. Each node has its own memory, so only a limit
 * counted in Redis can stop the seventh request when no node has seen more than four.
 */
// the global setup provides a Redis (see helpers/redis.ts) or says why there is none
const redisUrl = process.env[REDIS_URL_VARIABLE] as string;
const describeWithRedis = process.env[REDIS_MISSING_VARIABLE] ? describe.skip : describe;

describeWithRedis('two nodes sharing one Redis', () => {
  const KEY_PREFIX = `caladeo-test-${process.pid}-${Date.now()}`;
  const app = useStrapi({
    env: {
      REDIS_URL: redisUrl,
      NEWSLETTER_LIMIT_KEY_PREFIX: KEY_PREFIX,
      NEWSLETTER_LIMIT_PER_IP: '6',
      NEWSLETTER_LIMIT_PER_EMAIL: '100',
    },
  });

  let nodeB: SecondNode | undefined;
  let nodeBUrl: string;
  const BOOT_TIMEOUT_MS = 120_000;

  beforeAll(async () => {
    nodeB = await startSecondNode();
    nodeBUrl = nodeB.baseUrl;
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${KEY_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await nodeB?.stop();
  }, BOOT_TIMEOUT_MS);

  const signUpAt = (baseUrl: string, email: string) =>
    request(baseUrl).post('/api/caladeo-contacts/newsletter/subscriptions').send({ email });

  describe('rate limits in Redis', () => {
    it('is what both nodes use', () => {
      expect(app.strapi.plugin('caladeo-contacts').service('rate-limits').usesRedis()).toBe(true);
    });

    it('makes two nodes share one per-IP limit', async () => {
      const statuses: number[] = [];
      for (let index = 0; index < 8; index += 1) {
        const node = index % 2 === 0 ? app.baseUrl : nodeBUrl;
        statuses.push((await signUpAt(node, `shared${index}@example.fr`)).status);
      }
      // six allowed in all (three on each node), then both nodes refuse
      expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429, 429]);
    });
  });
});
