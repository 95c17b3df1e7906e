import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { cleanCompiledServer } from '../../scripts/lib/clean-dist';
import { provideTestRedis } from './redis';

/**
 * Compiles config, src and the plugin's server code into dist/ once for every API test file, and
 * finds (or starts) the Redis of the shared-limit tests.
 */
export default async function globalSetup() {
  const appDir = path.resolve(__dirname, '..', '..');
  cleanCompiledServer(appDir);
  await compileStrapi({ appDir });
  await provideTestRedis();
}
