import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { cleanCompiledServer } from '../../scripts/lib/clean-dist';

/** Compiles config, src and the plugin's server code into dist/ once for every API test file. */
export default async function globalSetup() {
  const appDir = path.resolve(__dirname, '..', '..');
  cleanCompiledServer(appDir);
  await compileStrapi({ appDir });
}
