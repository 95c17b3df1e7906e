import { spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import knex, { type Knex } from 'knex';
import { APP_DIR, createTestDatabase } from '../helpers/database';

// each run compiles the app and boots Strapi in a process of its own
const RUN_TIMEOUT_MS = 180_000;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let workDir: string;

beforeAll(async () => {
  database = await createTestDatabase('import-cli');
  // on PostgreSQL nothing else has made .tmp/ in a fresh clone
  fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
  workDir = fs.mkdtempSync(path.join(APP_DIR, '.tmp', 'import-cli-'));
});

afterAll(async () => {
  await database.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run import -- …args` as an operator types it, on this file's database. */
const runImport = (args: string[]) =>
  new Promise<Run>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(APP_DIR, 'scripts', 'with-strapi.js'), 'import', ...args],
      {
        cwd: APP_DIR,
        env: { ...process.env, ...database.env, NODE_ENV: 'test' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const writeFile = (name: string, text: string) => {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, text);
  return file;
};

/** The contacts as stored, read straight from the database the CLI wrote to. */
const storedContacts = async () => {
  const env: Record<string, string | undefined> = database.env;
  const db: Knex =
    env.DATABASE_CLIENT === 'postgres'
      ? knex({
          client: 'pg',
          connection: {
            host: env.DATABASE_HOST,
            port: Number(env.DATABASE_PORT),
            user: env.DATABASE_USERNAME,
            password: env.DATABASE_PASSWORD,
            database: env.DATABASE_NAME,
          },
          searchPath: [String(env.DATABASE_SCHEMA)],
        })
      : knex({
          client: 'better-sqlite3',
          connection: { filename: String(env.DATABASE_FILENAME) },
          useNullAsDefault: true,
        });
  try {
    return (await db('caladeo_contacts')
      .select('email', 'first_name as firstName', 'last_name as lastName', 'phone')
      .orderBy('email')) as { email: string; firstName: string; lastName: string; phone: string }[];
  } finally {
    await db.destroy();
  }
};

const CONTACTS_CSV = [
  'Prénom;Nom;Courriel;Téléphone',
  'Zoé;Lefèvre;zoe.lefevre@example.fr;06 12 34 56 78',
  'Noël;Cœur;noel.coeur@example.fr;',
  'Jean;Sans-Adresse;pas-un-email;',
  '',
].join('\r\n');

describe('npm run import', () => {
  it(
    'refuses a bad argument naming it, with exit code 2, before anything is started',
    async () => {
      const file = writeFile('refused.csv', CONTACTS_CSV);
      const badMode = await runImport([file, '--mode', 'merge']);
      expect(badMode.code).toBe(2);
      expect(badMode.stderr).toContain('--mode: must be one of: create, update, upsert');
      expect(badMode.stderr).toContain('usage: npm run import -- FILE');

      const noFile = await runImport([path.join(workDir, 'missing.csv'), '--consent-source', 'salon']);
      expect(noFile.code).toBe(2);
      expect(noFile.stderr).toContain('FILE: no file at');
      expect(await storedContacts().catch(() => [])).toEqual([]);
    },
    RUN_TIMEOUT_MS
  );

  it(
    'imports a file to the end, shows its progress, prints the counts and writes the failed rows next to it',
    async () => {
      const file = writeFile('contacts.csv', CONTACTS_CSV);
      const run = await runImport([file, '--mode', 'create']);
      expect(run.stderr).toMatch(/import \S+: 3 rows from contacts\.csv, mode create/);
      // stderr is no terminal here: plain lines, the last one at the end of the work
      expect(run.stderr).toContain('import 100% 3/3 rows');
      expect(run.stdout).toMatch(/: completed\n/);
      expect(run.stdout).toMatch(/created\s+2\n/);
      expect(run.stdout).toMatch(/failed\s+1\n/);
      expect(run.code).toBe(0);

      expect(await storedContacts()).toEqual([
        { email: 'noel.coeur@example.fr', firstName: 'Noël', lastName: 'Cœur', phone: null },
        { email: 'zoe.lefevre@example.fr', firstName: 'Zoé', lastName: 'Lefèvre', phone: '+33612345678' },
      ]);
      const errors = fs.readFileSync(`${file}.errors.csv`, 'utf8');
      expect(errors.startsWith('\uFEFF')).toBe(true);
      expect(errors).toContain('Erreurs');
      expect(errors).toContain('pas-un-email');
      expect(errors).not.toContain('zoe.lefevre');
    },
    RUN_TIMEOUT_MS
  );

  it(
    'ends with exit code 1 and says why when the file cannot be imported',
    async () => {
      const file = writeFile('nothing.csv', 'couleur;taille\r\nbleu;M\r\n');
      const run = await runImport([file, '--dry-run']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('the file cannot be imported');
      expect(run.stderr).toMatch(/file/);
      expect(fs.existsSync(`${file}.errors.csv`)).toBe(false);
    },
    RUN_TIMEOUT_MS
  );
});
