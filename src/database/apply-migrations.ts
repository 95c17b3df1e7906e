import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

type Migration = { up?: (knex: Knex) => Promise<void> };

/**
 * Strapi runs database/migrations before it creates the tables of a new database, and never
 * again. Every migration here is idempotent, so the app applies them all once more after the
 * schema sync: a fresh database gets its indexes on first boot, an old one keeps them.
 */
export const applyMigrationsAfterSync = async (strapi: Core.Strapi) => {
  const directory = path.join(strapi.dirs.dist.root, 'database', 'migrations');
  if (!fs.existsSync(directory)) {
    // without them nothing stops two concurrent writes of one e-mail: refuse to run half-protected
    throw new Error(`Database migrations not found in ${directory}; compile the app first`);
  }
  const files = fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.js'))
    .sort();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require(path.join(directory, file)) as Migration;
    await strapi.db.transaction(({ trx }) => migration.up?.(trx as unknown as Knex));
  }
};
