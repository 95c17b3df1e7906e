import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

export const APP_DIR = path.resolve(__dirname, '..', '..');

/**
 * The message of the error a write rejects with, or 'resolved'. The database driver's errors can
 * come from a module another test file loaded first (another realm, as `npm test` runs every file
 * in one process), which `rejects.toThrow` does not recognise as errors; their message is what
 * matters.
 */
export const rejectionMessage = (write: PromiseLike<unknown>) =>
  Promise.resolve(write).then(
    () => 'resolved',
    (error: unknown) => String((error as { message?: unknown } | null)?.message ?? error)
  );

/** What a write that a unique index refuses rejects with, on SQLite and PostgreSQL. */
export const UNIQUE_VIOLATION = /unique|duplicate/i;

export const usesPostgres = () => process.env.TEST_DB === 'postgres';

const postgresSettings = () => ({
  host: process.env.TEST_DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_DATABASE_PORT ?? 5432),
  user: process.env.TEST_DATABASE_USERNAME ?? 'postgres',
  password: process.env.TEST_DATABASE_PASSWORD ?? '',
  database: process.env.TEST_DATABASE_NAME ?? 'caladeo_test',
});

const withClient = async <T>(database: string, work: (client: Client) => Promise<T>) => {
  const client = new Client({ ...postgresSettings(), database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * Gives one test file a database of its own: a SQLite file under .tmp/, or a PostgreSQL schema in
 * the test database (created when missing). Returns the environment Strapi's config reads and a
 * function that throws it all away.
 */
export const createTestDatabase = async (name: string) => {
  const slug = `${name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}`;

  if (!usesPostgres()) {
    const filename = path.join(APP_DIR, '.tmp', `test-${slug}.db`);
    fs.mkdirSync(path.dirname(filename), { recursive: true });
    fs.rmSync(filename, { force: true });
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      drop: async () => fs.rmSync(filename, { force: true }),
    };
  }

  const settings = postgresSettings();
  await withClient('postgres', async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      settings.database,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${settings.database}"`).catch(() => undefined);
  });
  const schema = `t_${slug}`.slice(0, 63);
  await withClient(settings.database, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`CREATE SCHEMA "${schema}"`);
  });
  return {
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: settings.host,
      DATABASE_PORT: String(settings.port),
      DATABASE_USERNAME: settings.user,
      DATABASE_PASSWORD: settings.password,
      DATABASE_NAME: settings.database,
      DATABASE_SCHEMA: schema,
    },
    drop: () =>
      withClient(settings.database, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
  };
};
