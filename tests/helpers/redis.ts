import { spawn, spawnSync, type ChildProcess } from 'child_process';
import net from 'net';
import Redis from 'ioredis';

/**
 * The Redis the shared-limit tests talk to: TEST_REDIS_URL, else one on 127.0.0.1:6379, else a
 * throwaway `redis-server` this run starts on a free port (and stops at the end). When none of
 * these is possible the tests that need it are skipped with a warning, unless REQUIRE_REDIS=1
 * (CI sets it), which makes that a failure.
 */
const DEFAULT_URL = 'redis://127.0.0.1:6379';

/** Set by the global setup for the test files: where Redis is, or why there is none. */
export const REDIS_URL_VARIABLE = 'TEST_REDIS_URL';
export const REDIS_MISSING_VARIABLE = 'TEST_REDIS_MISSING';

const answers = async (url: string) => {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

// the global setup and teardown are loaded as separate modules: the child is kept on the global
const run = globalThis as { caladeoTestRedis?: ChildProcess };

const startThrowawayRedis = async () => {
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const port = await freePort();
  const started = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' }
  );
  run.caladeoTestRedis = started;
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await answers(url)) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  started.kill();
  return undefined;
};

export const provideTestRedis = async () => {
  const configured = process.env[REDIS_URL_VARIABLE];
  // a Redis the caller named is the one to test against: no fallback hides that it is down
  const url = configured
    ? (await answers(configured))
      ? configured
      : undefined
    : (await answers(DEFAULT_URL))
      ? DEFAULT_URL
      : await startThrowawayRedis();
  if (url) {
    process.env[REDIS_URL_VARIABLE] = url;
    delete process.env[REDIS_MISSING_VARIABLE];
    return;
  }
  const reason = configured
    ? `no Redis answers at ${REDIS_URL_VARIABLE}=${configured}`
    : `no Redis on ${DEFAULT_URL} and no redis-server to start (apt-get install redis-server)`;
  if (process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but ${reason}`);
  process.env[REDIS_MISSING_VARIABLE] = reason;
  console.warn(`\n*** The tests of limits shared through Redis will be SKIPPED: ${reason}. ***\n`);
};

export const stopTestRedis = () => {
  run.caladeoTestRedis?.kill();
  delete run.caladeoTestRedis;
};
