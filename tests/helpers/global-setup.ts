import path from 'path';
import { compileStrapi } from '@strapi/strapi';

/** Compiles config, src and the plugin's server code into dist/ once for every API test file. */
export default async function globalSetup() {
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
}
