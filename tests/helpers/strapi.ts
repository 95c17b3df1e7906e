import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { waitForIdleDatabase } from '../../scripts/lib/idle-database';
import { APP_DIR, createTestDatabase } from './database';

// a first boot on PostgreSQL creates every table; leave it room on a busy machine
const BOOT_TIMEOUT_MS = 120_000;

export type TestStrapi = { strapi: Core.Strapi; baseUrl: string };

const createAppStrapi = () =>
  createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });

/**
 * Boots a real Strapi for the calling test file, on a database of its own, and destroys both after
 * the file. The returned handle is filled before the first test runs. Strapi runs with
 * NODE_ENV=test unless `env` says otherwise (`NODE_ENV: 'production'` with the secrets production
 * requires, src/config/secrets.ts).
 */
export const useStrapi = (options: { env?: Record<string, string> } = {}): TestStrapi => {
  const handle = {} as TestStrapi;
  let drop: (() => Promise<unknown>) | undefined;
  // settings this file needs (rate limits, Redis…), put back afterwards so the next file starts clean
  const previousEnv = Object.fromEntries(
    Object.keys(options.env ?? {}).map((key) => [key, process.env[key]])
  );

  beforeAll(async () => {
    const testFile = path.basename(expect.getState().testPath ?? 'api', '.test.ts');
    const database = await createTestDatabase(testFile);
    drop = database.drop;
    Object.assign(
      process.env,
      database.env,
      { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
      options.env
    );

    const strapi = createAppStrapi();
    await strapi.load();
    strapi.server.mount();
    // one real listening socket, so that many concurrent requests share it as browsers would
    const httpServer = strapi.server.httpServer;
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const address = httpServer.address();
    handle.baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    handle.strapi = strapi;
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    if (handle.strapi) await waitForIdleDatabase(handle.strapi);
    await handle.strapi?.destroy();
    await drop?.();
    for (const [key, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }, BOOT_TIMEOUT_MS);

  return handle;
};

/**
 * Boots Strapi as `npm start` would, with these settings on a throwaway database, and returns the
 * error that stopped the boot (undefined when it started). Whatever the boot opened is closed and
 * the environment put back, so that the next test file starts clean.
 */
export const bootError = async (env: Record<string, string>): Promise<Error | undefined> => {
  const testFile = path.basename(expect.getState().testPath ?? 'api', '.test.ts');
  const database = await createTestDatabase(`${testFile}_boot`);
  const settings = { ...database.env, ...env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' };
  const previousEnv = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  const strapi = createAppStrapi();
  try {
    await strapi.load();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    // a boot stopped half-way has no plugin lifecycles to run; close at least its connection
    await strapi.destroy().catch(() => strapi.db?.destroy());
    await database.drop();
    for (const [key, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
};
